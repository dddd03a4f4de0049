namespace DraftingRoom.Benchmarks;

/// <summary>Finds shared/data: DRAFTINGROOM_SHARED_DATA, or shared/data beside a folder above the working directory
/// or the binaries.</summary>
internal static class SharedData
{
    public static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("DRAFTINGROOM_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var data = Path.Combine(folder.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(data, "editing-traces")))
                {
                    return data;
                }
            }
        }

        return null;
    }
}
