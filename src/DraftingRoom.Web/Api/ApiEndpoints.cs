using System.Security.Claims;
using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Proposals;
using DraftingRoom.Web.Versions;

namespace DraftingRoom.Web.Api;

/// <summary>
/// The read-only JSON API: declarations, versions, comparisons, comments, rounds and proposals, under the same
/// permissions as the pages. Described
/// by OpenAPI at /openapi/v1.json.
/// </summary>
public static class ApiEndpoints
{
    public static void MapApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().WithTags("DraftingRoom");

        api.MapGet("/declarations", (ClaimsPrincipal user, DeclarationService declarations, CancellationToken ct) =>
                declarations.ListAsync(user, ct))
            .WithName("ListDeclarations").WithSummary("The declarations, newest first.");

        api.MapGet("/declarations/{declarationId:guid}", (Guid declarationId, ClaimsPrincipal user,
                DeclarationService declarations, CancellationToken ct) => declarations.GetAsync(user, declarationId, ct))
            .WithName("GetDeclaration").WithSummary("A declaration's current official text: preamble and articles.");

        api.MapGet("/declarations/{declarationId:guid}/versions", (Guid declarationId, ClaimsPrincipal user,
                VersionService versions, CancellationToken ct) => versions.ListAsync(user, declarationId, ct))
            .WithName("ListVersions").WithSummary("The published and imported versions of a declaration.");

        api.MapGet("/declarations/{declarationId:guid}/versions/{version}", (Guid declarationId, string version,
                ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
                versions.GetDocumentAsync(user, declarationId, version, ct))
            .WithName("GetVersion").WithSummary("One version (or \"current\" for the current text), provision by provision.");

        api.MapGet("/declarations/{declarationId:guid}/compare", async (Guid declarationId, string from, string to,
                ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
                ComparisonDto.Create(await versions.CompareAsync(user, declarationId, from, to, ct)))
            .WithName("CompareVersions")
            .WithSummary("Article-matched, word-level comparison of two versions (a version id or \"current\").");

        api.MapGet("/declarations/{declarationId:guid}/comments", (Guid declarationId, Guid? article, Guid? proposal,
                StakeholderKind? kind, Guid? organisation, RegionalGroup? regionalGroup, CommentStatus? status, string? search,
                ClaimsPrincipal user, CommentService comments, CancellationToken ct) =>
                comments.ListAsync(user, new CommentFilter(declarationId, article, proposal, false, kind, organisation,
                    regionalGroup, status, search), ct))
            .WithName("ListComments")
            .WithSummary("The comment threads on a declaration that the caller may see, oldest first, with optional filters.");

        api.MapGet("/declarations/{declarationId:guid}/rounds", (Guid declarationId, ClaimsPrincipal user, RoundService rounds,
                CancellationToken ct) => rounds.ListAsync(user, declarationId, ct))
            .WithName("ListRounds").WithSummary("The consultation rounds on a declaration, newest first.");

        api.MapGet("/proposals/{proposalId:guid}", (Guid proposalId, ClaimsPrincipal user, ProposalService proposals,
                CancellationToken ct) => proposals.GetAsync(user, proposalId, ct))
            .WithName("GetProposal").WithSummary("A proposal the caller may see: its status, sponsors, endorsements and decision.");
    }
}

public sealed record ComparisonDto(string From, string To, ComparisonSummary Summary, IReadOnlyList<ProvisionComparisonDto> Provisions)
{
    public static ComparisonDto Create(VersionComparison comparison) => new(comparison.Older.Label, comparison.Newer.Label,
        comparison.Summary,
        comparison.Provisions.Select(p => new ProvisionComparisonDto(p.Label, p.Match.Kind,
            p.Kinds.ToString().Split(", "), p.Match.Old.Select(o => o.Number).ToList(), p.Match.New.Select(n => n.Number).ToList(),
            p.Text.WordsInserted, p.Text.WordsDeleted,
            p.Text.Segments.Select(s => new SegmentDto(s.Kind.ToString().ToLowerInvariant(), s.Text)).ToList())).ToList());
}

public sealed record ProvisionComparisonDto(string Label, ProvisionKind Kind, IReadOnlyList<string> Changes,
    IReadOnlyList<string?> OldNumbers, IReadOnlyList<string?> NewNumbers, int WordsAdded, int WordsRemoved,
    IReadOnlyList<SegmentDto> Segments);

public sealed record SegmentDto(string Kind, string Text);
