using DraftingRoom.Web.Hosting;
using Npgsql;

namespace DraftingRoom.Web.Tests.Hosting;

public sealed class DatabasePoolTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_default()
    {
        var connectionString = DatabasePool.WithDefaultSize("Host=127.0.0.1;Port=5432;Database=draftingroom;Username=app");

        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(DatabasePool.DefaultMaxSize, parsed.MaxPoolSize);
        Assert.Equal("draftingroom", parsed.Database);
    }

    [Theory]
    [InlineData("Maximum Pool Size=80")]
    [InlineData("MaxPoolSize=80")]
    [InlineData("maxpoolsize=80")]
    public void A_pool_size_set_by_the_operator_is_kept(string setting)
    {
        var connectionString = DatabasePool.WithDefaultSize($"Host=127.0.0.1;Database=draftingroom;{setting}");

        Assert.Equal(80, new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize);
    }
}
