using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.Consultation;

/// <summary>One cell of docs/permissions.md: allowed or not, and the conditions of an allowance.</summary>
public sealed record PermissionCell(string Text, bool Allowed, IReadOnlyList<string> Conditions);

/// <summary>
/// The permission matrix as docs/permissions.md states it: the table whose first column is "Action", one row per
/// action and one column per role. A cell is "yes", "no", or conditions separated by commas (a "yes" on them).
/// </summary>
public sealed class PermissionTable
{
    public static string DocumentPath => Path.Combine(RepositoryPaths.Root, "docs", "permissions.md");

    private PermissionTable(IReadOnlyList<string> roles, IReadOnlyDictionary<string, IReadOnlyDictionary<string, PermissionCell>> rows)
    {
        Roles = roles;
        Rows = rows;
    }

    public IReadOnlyList<string> Roles { get; }

    /// <summary>Action → role → cell.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, PermissionCell>> Rows { get; }

    public PermissionCell Cell(string action, string role) =>
        Rows.TryGetValue(action, out var row) && row.TryGetValue(role, out var cell)
            ? cell
            : throw new InvalidOperationException($"docs/permissions.md has no cell for \"{action}\" × {role}.");

    public static PermissionTable Load() => Parse(File.ReadAllText(DocumentPath));

    public static PermissionTable Parse(string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.Trim()).ToList();
        var header = lines.FindIndex(l => l.StartsWith('|') && Cells(l).FirstOrDefault() == "Action");
        if (header < 0) throw new InvalidOperationException("docs/permissions.md has no table whose first column is \"Action\".");
        var roles = Cells(lines[header]).Skip(1).ToList();
        var rows = new Dictionary<string, IReadOnlyDictionary<string, PermissionCell>>();
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(line);
            if (cells.Count != roles.Count + 1)
                throw new InvalidOperationException($"The row \"{line}\" has {cells.Count - 1} cells for {roles.Count} roles.");
            if (rows.ContainsKey(cells[0])) throw new InvalidOperationException($"The action \"{cells[0]}\" appears twice.");
            rows[cells[0]] = roles.Select((role, i) => (role, Cell: ParseCell(cells[i + 1])))
                .ToDictionary(c => c.role, c => c.Cell);
        }
        return new PermissionTable(roles, rows);
    }

    private static PermissionCell ParseCell(string text) => text switch
    {
        "yes" => new PermissionCell(text, true, []),
        "no" => new PermissionCell(text, false, []),
        _ => new PermissionCell(text, true, text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
    };

    private static List<string> Cells(string line) =>
        line.Trim('|').Split('|').Select(c => c.Trim()).ToList();
}
