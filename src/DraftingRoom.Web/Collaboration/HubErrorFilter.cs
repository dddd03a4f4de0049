using Microsoft.AspNetCore.SignalR;

namespace DraftingRoom.Web.Collaboration;

/// <summary>
/// Refusals (HubException) are answers to the caller, not server errors, so they are logged at debug level; anything
/// else is a fault and is logged as an error. The caller then gets a generic message, never internal details.
/// </summary>
public sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (HubException exception)
        {
            logger.LogDebug("{Method} refused for {User}: {Message}", context.HubMethodName,
                context.Context.UserIdentifier, exception.Message);
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{Method} failed for {User}", context.HubMethodName, context.Context.UserIdentifier);
            throw new HubException("Something went wrong on the server; the change will be sent again.");
        }
    }
}
