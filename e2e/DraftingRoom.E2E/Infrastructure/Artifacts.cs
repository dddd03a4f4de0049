namespace DraftingRoom.E2E.Infrastructure;

/// <summary>Screenshots of each run, for people to look at: artifacts/e2e under the repository root.</summary>
public static class Artifacts
{
    public static string PathFor(string fileName)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "artifacts", "e2e");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }
}
