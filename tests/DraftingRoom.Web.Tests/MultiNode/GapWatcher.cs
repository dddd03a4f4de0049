using DraftingRoom.Web.Tests.Collaboration;
using Microsoft.AspNetCore.SignalR.Client;

namespace DraftingRoom.Web.Tests.MultiNode;

/// <summary>
/// What the browser editor does when a gap in the revisions it heard of stays open (ot-client.js, gapTimeoutMs):
/// it asks for the missing operations (docs/collaboration-protocol.md, "Ordering and recovery"). A node killed after
/// storing a batch but before broadcasting it leaves such a gap for the clients of the other nodes: the log has those
/// revisions, nobody will ever broadcast them.
/// </summary>
internal sealed class GapWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private int _catchUps;

    public GapWatcher(IReadOnlyList<HubEditor> editors, TimeSpan gapTimeout)
    {
        _watching = Task.Run(async () =>
        {
            var openSince = new Dictionary<HubEditor, DateTime>();
            while (!_stop.IsCancellationRequested)
            {
                foreach (var editor in editors)
                {
                    if (!editor.HasMissingRevisions || editor.ConnectionState != HubConnectionState.Connected)
                    {
                        openSince.Remove(editor);
                        continue;
                    }
                    if (!openSince.TryGetValue(editor, out var since)) openSince[editor] = DateTime.UtcNow;
                    else if (DateTime.UtcNow - since >= gapTimeout)
                    {
                        openSince.Remove(editor);
                        Interlocked.Increment(ref _catchUps);
                        try
                        {
                            await editor.CatchUpAsync();
                        }
                        catch (Exception)
                        {
                            // Refused for now or disconnected: the gap stays open and is asked for again.
                        }
                    }
                }
                try
                {
                    await Task.Delay(gapTimeout / 5, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    /// <summary>How many times a gap stayed open long enough to ask for the missing operations.</summary>
    public int CatchUps => Volatile.Read(ref _catchUps);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
