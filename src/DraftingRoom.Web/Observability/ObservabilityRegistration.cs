using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace DraftingRoom.Web.Observability;

/// <summary>
/// Metrics for operators: DraftingRoom's meter and ASP.NET Core's own, exported by OpenTelemetry as a Prometheus
/// scrape at /metrics, and over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Logs are the console logger's, as JSON
/// lines with Logging__Console__FormatterName=json (docs/operations.md).
/// </summary>
public static class ObservabilityRegistration
{
    public const string MetricsPath = "/metrics";

    public static void AddDraftingRoomObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DraftingRoomMetrics>();
        services.AddSingleton<AuditMetricsInterceptor>();
        services.AddScoped<CircuitHandler, CircuitMetricsHandler>();

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("DraftingRoom",
                serviceInstanceId: builder.Configuration["Node:Name"] ?? Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DraftingRoomMetrics.MeterName)
                    // What ASP.NET Core measures itself: requests, Kestrel connections, SignalR connections.
                    .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                        "Microsoft.AspNetCore.Http.Connections")
                    .AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
    }

    public static void MapDraftingRoomMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint(MetricsPath);
}
