using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DraftingRoom.Web.Hosting;

/// <summary>
/// Health for load balancers and orchestrators:
/// <list type="bullet">
/// <item><c>/health/live</c>: the process is up and serving requests; no dependency is asked (restart it if not).</item>
/// <item><c>/health/ready</c>: the database answers with every migration applied, and Redis too when configured
/// (send it traffic only then). Answers with each check's status as JSON.</item>
/// <item><c>/health</c>: the same checks as readiness, answered "Healthy" or "Unhealthy" as before.</item>
/// </list>
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void MapDraftingRoomHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
            }),
        }, cancellationToken: context.RequestAborted);
    }
}
