using System.Security.Claims;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Proposals;

/// <summary>
/// A proposal's way from draft to the Independent Expert: its sponsors submit it with a rationale (its text is then
/// final) or withdraw it, and other organisations endorse it.
/// </summary>
public sealed class SubmissionService(
    IDbContextFactory<DraftingRoomDbContext> dbFactory,
    DocumentRegistry registry,
    ProposalService proposals,
    RoundService rounds,
    LiveNotifier notifier,
    TimeProvider clock)
{
    public const int MaxRationaleLength = 10_000;
    private const string FinalText = "This proposal was submitted: its text is final and can no longer be edited.";

    public async Task SubmitAsync(ClaimsPrincipal actor, Guid proposalId, string rationale, CancellationToken ct = default)
    {
        actor.Demand(ProposalService.CanPropose(actor), "submit proposals");
        var why = rationale?.Trim() ?? "";
        if (why.Length == 0) throw new InvalidInputException("Give a rationale: say why the article should read this way.");
        if (why.Length > MaxRationaleLength)
            throw new InvalidInputException($"The rationale is too long: at most {MaxRationaleLength:N0} characters.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await LoadAsync(db, proposalId, ct);
        DemandSponsor(actor, proposal, "submit");
        if (proposal.Status != ProposalStatus.Draft)
            throw new InvalidInputException(proposal.Status == ProposalStatus.Submitted
                ? "This proposal was already submitted."
                : $"This proposal is {proposal.Status.ToString().ToLowerInvariant()} and can no longer be submitted.");
        var roundId = await rounds.DemandOpenAsync(db, actor, proposal.Article!.DeclarationId, "submit proposals", ct);

        // From here on the live text takes no more changes, so the text captured is exactly the one submitted.
        registry.Close(proposal.DocumentId, FinalText);
        try
        {
            var (text, revision) = await registry.GetStateAsync(proposal.DocumentId, ct);
            if (text == proposal.Article.Text)
                throw new InvalidInputException("The proposal's text is the same as the official text: change the wording before submitting it.");
            var now = clock.GetUtcNow();
            proposal.Status = ProposalStatus.Submitted;
            proposal.Rationale = why;
            proposal.SubmittedAt = now;
            proposal.SubmittedById = actor.UserId();
            proposal.SubmittedText = text;
            proposal.SubmittedRevision = revision;
            proposal.RoundId ??= roundId;
            db.Record(actor, "proposal.submitted", nameof(Proposal), proposal.Id,
                $"{proposal.Title} ({DeclarationService.Describe(proposal.Article)}), text revision {revision}", clock);
            var penHolders = await UsersInRolesAsync(db, [Roles.IndependentExpert, Roles.Secretariat], ct);
            var notified = db.Notify(penHolders.Concat(proposal.Sponsors.Select(s => s.UserId)), actor,
                NotificationKind.ProposalSubmitted, proposal.Title, $"proposals/{proposal.Id}", clock);
            await SaveAsync(db, "This proposal was changed meanwhile (submitted or withdrawn by a co-sponsor). Nothing was saved: reload it.", ct);
            notifier.DeclarationChanged(proposal.Article.DeclarationId);
            notifier.Announce(notified);
        }
        catch (Exception exception)
        {
            // A conflict means a co-sponsor submitted or withdrew it meanwhile, which closed the text for good: only a
            // failure of this submission alone opens it again.
            if (exception is not ConflictException) registry.Reopen(proposal.DocumentId);
            throw;
        }
    }

    /// <summary>The sponsors take their proposal back, as a draft or after submitting it, until it is decided.</summary>
    public async Task WithdrawAsync(ClaimsPrincipal actor, Guid proposalId, CancellationToken ct = default)
    {
        actor.Demand(ProposalService.CanPropose(actor), "withdraw proposals");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await LoadAsync(db, proposalId, ct);
        DemandSponsor(actor, proposal, "withdraw");
        if (proposal.Status is not (ProposalStatus.Draft or ProposalStatus.Submitted))
            throw new InvalidInputException(proposal.Status == ProposalStatus.Withdrawn
                ? "This proposal is already withdrawn."
                : "This proposal has been decided and can no longer be withdrawn.");
        proposal.Status = ProposalStatus.Withdrawn;
        proposal.WithdrawnAt = clock.GetUtcNow();
        db.Record(actor, "proposal.withdrawn", nameof(Proposal), proposal.Id, proposal.Title, clock);
        await SaveAsync(db, "This proposal was changed meanwhile. Nothing was saved: reload it.", ct);
        registry.Close(proposal.DocumentId, "This proposal was withdrawn: its text can no longer be edited.");
        notifier.DeclarationChanged(proposal.Article!.DeclarationId);
    }

    /// <summary>The caller's organisation co-sponsors a submitted proposal of another organisation.</summary>
    public async Task EndorseAsync(ClaimsPrincipal actor, Guid proposalId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanEndorse(), "endorse proposals");
        var organisationId = actor.OrganisationId()
            ?? throw new InvalidInputException("You endorse on behalf of your organisation, and your account belongs to none. Ask an administrator to add you to it.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await LoadAsync(db, proposalId, ct);
        if (!proposals.CanView(actor, proposal))
            throw new NotFoundException("This proposal does not exist, or it is a draft you cannot see.");
        if (proposal.Status != ProposalStatus.Submitted)
            throw new InvalidInputException(proposal.Status == ProposalStatus.Draft
                ? "This proposal is still a draft: it can be endorsed once its sponsors submit it."
                : $"This proposal is {Describe(proposal.Status)}: it can no longer be endorsed.");
        if (proposal.Sponsors.Any(s => s.User?.OrganisationId == organisationId))
            throw new InvalidInputException("Your organisation sponsors this proposal already.");
        if (proposal.Endorsements.Any(e => e.OrganisationId == organisationId))
            throw new InvalidInputException("Your organisation already endorses this proposal.");
        await rounds.DemandOpenAsync(db, actor, proposal.Article!.DeclarationId, "endorse proposals", ct);

        proposal.Endorsements.Add(new ProposalEndorsement
        {
            ProposalId = proposal.Id, OrganisationId = organisationId, UserId = actor.UserId()!, EndorsedAt = clock.GetUtcNow(),
        });
        db.Record(actor, "proposal.endorsed", nameof(Proposal), proposal.Id,
            $"{proposal.Title}, endorsed by {actor.FindFirstValue(DraftingRoomClaims.OrganisationName)}", clock);
        var notified = db.Notify(proposal.Sponsors.Select(s => s.UserId), actor, NotificationKind.ProposalEndorsed,
            proposal.Title, $"proposals/{proposal.Id}", clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Two colleagues endorsing at the same moment: the key keeps one.
            throw new InvalidInputException("Your organisation already endorses this proposal.");
        }
        notifier.DeclarationChanged(proposal.Article.DeclarationId);
        notifier.Announce(notified);
    }

    internal static string Describe(ProposalStatus status) => status switch
    {
        ProposalStatus.AcceptedWithChanges => "accepted with changes",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static async Task<Proposal> LoadAsync(DraftingRoomDbContext db, Guid proposalId, CancellationToken ct) =>
        await db.Proposals.Include(p => p.Article)
            .Include(p => p.Sponsors).ThenInclude(s => s.User)
            .Include(p => p.Endorsements)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == proposalId, ct)
        ?? throw new NotFoundException("This proposal does not exist.");

    private void DemandSponsor(ClaimsPrincipal actor, Proposal proposal, string action)
    {
        if (proposal.Sponsors.Any(s => s.UserId == actor.UserId())) return;
        if (!proposals.CanView(actor, proposal))
            throw new NotFoundException("This proposal does not exist, or it is a draft you cannot see.");
        throw new AccessDeniedException($"Only the proposal's sponsors may {action} it.");
    }

    internal static async Task<List<string>> UsersInRolesAsync(DraftingRoomDbContext db, string[] roles, CancellationToken ct) =>
        await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!)))
            .Select(ur => ur.UserId).Distinct().ToListAsync(ct);

    private static async Task SaveAsync(DraftingRoomDbContext db, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(conflict);
        }
    }
}
