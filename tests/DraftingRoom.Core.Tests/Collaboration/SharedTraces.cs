using System.Collections.Concurrent;
using DraftingRoom.Core.Collaboration.Traces;

namespace DraftingRoom.Core.Tests.Collaboration;

/// <summary>
/// Finds the recorded editing traces: in the folder named by DRAFTINGROOM_SHARED_DATA (which holds
/// <c>editing-traces</c>), or in <c>shared/data/editing-traces</c> beside one of the folders above the test binaries.
/// Tests that need a trace are skipped, saying why, where none is found.
/// </summary>
internal static class SharedTraces
{
    public const string DataVariable = "DRAFTINGROOM_SHARED_DATA";

    private static readonly ConcurrentDictionary<string, EditingTrace> Loaded = new();

    public static string? Directory { get; } = Locate();

    public static EditingTrace Load(string name)
    {
        if (Directory is null)
        {
            Assert.Skip(
                $"The editing traces were not found: set {DataVariable} to the shared/data folder, or put "
                + "shared/data/editing-traces beside a folder above the test binaries.");
        }

        var path = Path.Combine(Directory, name + ".json.gz");
        if (!File.Exists(path))
        {
            Assert.Skip($"The editing trace {path} does not exist.");
        }

        return Loaded.GetOrAdd(path, EditingTrace.Load);
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DataVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            var traces = Path.Combine(configured, "editing-traces");
            return System.IO.Directory.Exists(traces) ? traces : null;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var traces = Path.Combine(folder.FullName, "shared", "data", "editing-traces");
            if (System.IO.Directory.Exists(traces))
            {
                return traces;
            }
        }

        return null;
    }
}
