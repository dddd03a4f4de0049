using DraftingRoom.Web.Accounts;
using Microsoft.AspNetCore.Diagnostics;

namespace DraftingRoom.Web.Api;

/// <summary>Turns refusals from services into problem responses for the API and downloads: 400, 403, 404, 409.</summary>
public sealed class ErrorResponses(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var status = exception switch
        {
            InvalidInputException => StatusCodes.Status400BadRequest,
            AccessDeniedException => StatusCodes.Status403Forbidden,
            NotFoundException => StatusCodes.Status404NotFound,
            ConflictException => StatusCodes.Status409Conflict,
            _ => 0,
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Detail = exception.Message },
        });
    }
}
