namespace DraftingRoom.Core.Tests.Import;

/// <summary>Finds files of the repository from the test's output directory.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string TestData(string name) =>
        Path.Combine(RepositoryRoot, "tests", "DraftingRoom.Core.Tests", "TestData", name);

    public static string ReadTestData(string name) => File.ReadAllText(TestData(name));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DraftingRoom.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DraftingRoom.sln above {AppContext.BaseDirectory}.");
    }
}
