namespace DraftingRoom.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void The_core_assembly_loads() => Assert.NotNull(typeof(DraftingRoom.Core.CoreAssembly).Assembly);
}
