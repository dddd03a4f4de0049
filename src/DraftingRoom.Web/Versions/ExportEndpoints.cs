using System.Security.Claims;
using System.Text;
using DraftingRoom.Core.Export;
using DraftingRoom.Web.Accounts;

namespace DraftingRoom.Web.Versions;

/// <summary>Downloads: a version as Word, Markdown or Akoma Ntoso; a comparison as Word with tracked changes.</summary>
public static class ExportEndpoints
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/declarations/{declarationId:guid}").RequireAuthorization();

        group.MapGet("/versions/{version}/export/{format}", async (Guid declarationId, string version, string format,
            ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
        {
            var document = await versions.GetDocumentAsync(user, declarationId, version, ct);
            var name = FileName(document.Label);
            switch (format)
            {
                case "docx":
                    var stream = new MemoryStream();
                    DocxVersionExporter.Write(document, stream);
                    stream.Position = 0;
                    return Results.File(stream, Docx, $"{name}.docx");
                case "markdown":
                    return Results.File(Encoding.UTF8.GetBytes(MarkdownVersionExporter.Write(document)), "text/markdown; charset=utf-8", $"{name}.md");
                case "akoma-ntoso":
                    return Results.File(Encoding.UTF8.GetBytes(AkomaNtosoExporter.WriteString(document)), "application/akn+xml; charset=utf-8", $"{name}.akn.xml");
                default:
                    return Results.Problem("Unknown format: use docx, markdown or akoma-ntoso.", statusCode: 400);
            }
        });

        group.MapGet("/compare/export/docx", async (Guid declarationId, string from, string to, ClaimsPrincipal user,
            VersionService versions, TimeProvider clock, CancellationToken ct) =>
        {
            var comparison = await versions.CompareAsync(user, declarationId, from, to, ct);
            var stream = new MemoryStream();
            DocxComparisonExporter.Write(comparison, stream, "DraftingRoom", clock.GetUtcNow());
            stream.Position = 0;
            return Results.File(stream, Docx, $"{FileName(comparison.Older.Label)} - {FileName(comparison.Newer.Label)} (tracked changes).docx");
        });
    }

    /// <summary>The compilation of contributions on a declaration, or on one round of it (?round=id), as Word or CSV.</summary>
    public static void MapCompilationEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/declarations/{declarationId:guid}/compilation/{format}", async (Guid declarationId, string format,
            Guid? round, ClaimsPrincipal user, CompilationService compilations, CancellationToken ct) =>
        {
            var compilation = await compilations.CompileAsync(user, declarationId, round, ct);
            var stream = new MemoryStream();
            switch (format)
            {
                case "docx":
                    CompilationExporter.WriteDocx(compilation, stream);
                    stream.Position = 0;
                    return Results.File(stream, Docx, "Compilation of contributions.docx");
                case "csv":
                    CompilationExporter.WriteCsv(compilation, stream);
                    stream.Position = 0;
                    return Results.File(stream, "text/csv; charset=utf-8", "Compilation of contributions.csv");
                default:
                    return Results.Problem("Unknown format: use docx or csv.", statusCode: 400);
            }
        }).RequireAuthorization();

    /// <summary>A file name made of the label's letters, digits, spaces and dashes.</summary>
    internal static string FileName(string label)
    {
        var cleaned = new string(label.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '(' or ')' ? c : ' ').ToArray());
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length == 0 ? "declaration" : cleaned.Length > 100 ? cleaned[..100] : cleaned;
    }
}
