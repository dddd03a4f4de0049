using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DraftingRoom.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DraftingRoomDbContext>
{
    public DraftingRoomDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DraftingRoomDbContext>()
            .UseNpgsql("Host=localhost;Database=draftingroom_design")
            .Options);
}
