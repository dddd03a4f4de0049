namespace DraftingRoom.Web.Hosting;

/// <summary>
/// Sizes the runtime's shared array pool for a server with hundreds of live connections. SignalR's per-connection
/// pipes rent their buffers from it; with hundreds of people in one document far more buffers are out at once than
/// the pool keeps by default (32 of each size per core), so most of them were allocated afresh and became garbage
/// (about 40% of what the app allocated with 500 people in one proposal).
/// </summary>
/// <remarks>The runtime reads the setting only from the environment, once, when the pool is first used; so it is
/// applied before anything else runs, and a value set by whoever starts the app wins.</remarks>
public static class SharedBufferPool
{
    public const string ArraysPerPartitionVariable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";
    public const int ArraysPerPartition = 1024;

    public static void Configure()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ArraysPerPartitionVariable)))
            Environment.SetEnvironmentVariable(ArraysPerPartitionVariable, ArraysPerPartition.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
