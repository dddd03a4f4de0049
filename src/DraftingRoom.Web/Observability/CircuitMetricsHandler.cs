using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DraftingRoom.Web.Observability;

/// <summary>Counts the Blazor circuits (open pages) this node holds, for "connected clients".</summary>
public sealed class CircuitMetricsHandler(DraftingRoomMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.ClientConnected(DraftingRoomMetrics.Kinds.Page);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.ClientDisconnected(DraftingRoomMetrics.Kinds.Page);
        return Task.CompletedTask;
    }
}
