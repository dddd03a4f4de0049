using System.Data.Common;
using System.Globalization;

namespace DraftingRoom.Web.Hosting;

/// <summary>How many connections the app keeps to PostgreSQL at most, unless its connection string says.</summary>
public static class DatabasePool
{
    /// <summary>Half of a default PostgreSQL's 100 connections: room for a second app server, migrations and the
    /// administrators' own tools. Beyond it, requests wait for a free connection instead of being refused.</summary>
    public const int DefaultMaxSize = 50;

    public static string WithDefaultSize(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var setsSize = builder.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .Any(key => key is "maximumpoolsize" or "maxpoolsize");
        if (!setsSize) builder["Maximum Pool Size"] = DefaultMaxSize.ToString(CultureInfo.InvariantCulture);
        return builder.ConnectionString;
    }
}
