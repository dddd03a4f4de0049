using System.Security.Claims;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Proposals;

/// <summary>
/// Proposals: draft revisions of one article, co-edited by their sponsors. While a proposal is a draft only its
/// sponsors, their delegations, the Secretariat and the Independent Expert see it; its sponsors, the Secretariat and
/// the Independent Expert may edit it.
/// </summary>
public sealed class ProposalService(IDbContextFactory<DraftingRoomDbContext> dbFactory, RoundService rounds, LiveNotifier notifier,
    TimeProvider clock)
{
    public static bool CanPropose(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Participant) || user.IsInRole(Roles.IndependentExpert) || user.IsInRole(Roles.Secretariat);

    public async Task<Guid> CreateAsync(ClaimsPrincipal actor, Guid articleId, string? title, CancellationToken ct = default)
    {
        actor.Demand(CanPropose(actor), "propose new wording");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId && a.DeletedAt == null, ct)
            ?? throw new NotFoundException("This article does not exist or was deleted.");
        var roundId = await rounds.DemandOpenAsync(db, actor, article.DeclarationId, "propose new wording", ct);
        var heading = article.Kind == ProvisionKind.Article ? $"Article {article.Number}" : "Preambular paragraph";
        title = string.IsNullOrWhiteSpace(title) ? $"New wording for {heading}" : title.Trim();
        if (title.Length > 300) throw new InvalidInputException("The title is too long: at most 300 characters.");

        var now = clock.GetUtcNow();
        var document = new TextDocument { CreatedAt = now };
        var proposal = new Proposal
        {
            ArticleId = article.Id, Title = title, BaseRevision = article.CurrentRevision, Status = ProposalStatus.Draft,
            DocumentId = document.Id, CreatedById = actor.UserId(), CreatedAt = now, RoundId = roundId,
        };
        proposal.Sponsors.Add(new ProposalSponsor { UserId = actor.UserId()!, InvitedById = actor.UserId(), InvitedAt = now });
        db.TextDocuments.Add(document);
        db.DocumentSnapshots.Add(new DocumentSnapshot { DocumentId = document.Id, Revision = 0, Text = article.Text, CreatedAt = now });
        db.Proposals.Add(proposal);
        db.Record(actor, "proposal.created", nameof(Proposal), proposal.Id, $"{title} ({heading})", clock);
        await db.SaveChangesAsync(ct);
        notifier.DeclarationChanged(article.DeclarationId);
        return proposal.Id;
    }

    public async Task<ProposalView> GetAsync(ClaimsPrincipal actor, Guid proposalId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read proposals");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Article).ThenInclude(a => a!.Declaration)
            .Include(p => p.Sponsors).ThenInclude(s => s.User).ThenInclude(u => u!.Organisation)
            .Include(p => p.Endorsements).ThenInclude(e => e.Organisation)
            .Include(p => p.Endorsements).ThenInclude(e => e.User)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw new NotFoundException("This proposal does not exist.");
        var access = Access(actor, proposal);
        if (!access.CanView) throw new NotFoundException("This proposal does not exist, or it is a draft you cannot see.");
        var article = proposal.Article!;
        return new ProposalView(proposal.Id, proposal.Title, proposal.Status, proposal.DocumentId,
            article.DeclarationId, article.Declaration!.Title, article.Id,
            article.Kind == ProvisionKind.Article ? $"Article {article.Number}" : "Preambular paragraph", article.Title,
            article.Text, article.CurrentRevision, proposal.BaseRevision,
            proposal.Sponsors.OrderBy(s => s.InvitedAt)
                .Select(s => new SponsorView(s.UserId, s.User!.DisplayName, s.User.Organisation?.Name, s.User.Organisation?.Kind))
                .ToList(),
            proposal.CreatedAt, access.CanEdit, access.CanEdit && proposal.Status == ProposalStatus.Draft)
        {
            Rationale = proposal.Rationale,
            SubmittedAt = proposal.SubmittedAt,
            SubmittedText = proposal.SubmittedText,
            Endorsements = proposal.Endorsements.OrderBy(e => e.EndorsedAt)
                .Select(e => new EndorsementView(e.Organisation!.Name, e.Organisation.Kind, e.Organisation.RegionalGroup,
                    e.User!.DisplayName, e.EndorsedAt))
                .ToList(),
            DecidedAt = proposal.DecidedAt,
            DecidedBy = proposal.DecidedById is null ? null
                : await db.Users.Where(u => u.Id == proposal.DecidedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct),
            DecisionNote = proposal.DecisionNote,
            ResultingRevision = proposal.ResultingRevision,
            WithdrawnAt = proposal.WithdrawnAt,
            IsSponsor = proposal.Sponsors.Any(s => s.UserId == actor.UserId()),
            IsEndorsedByMyOrganisation = actor.OrganisationId() is { } mine && proposal.Endorsements.Any(e => e.OrganisationId == mine),
            IsSponsoredByMyOrganisation = actor.OrganisationId() is { } own && proposal.Sponsors.Any(s => s.User?.OrganisationId == own),
        };
    }

    /// <summary>Whether <paramref name="actor"/> may see <paramref name="proposal"/> (its sponsors and their users loaded).</summary>
    public bool CanView(ClaimsPrincipal actor, Proposal proposal) => Access(actor, proposal).CanView;

    /// <summary>The proposals on an article that <paramref name="actor"/> may see, newest first.</summary>
    public async Task<IReadOnlyList<ProposalSummary>> ListForArticleAsync(ClaimsPrincipal actor, Guid articleId,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read proposals");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposals = await db.Proposals.AsNoTracking()
            .Include(p => p.CreatedBy).ThenInclude(u => u!.Organisation)
            .Include(p => p.Sponsors).ThenInclude(s => s.User)
            .Include(p => p.Endorsements)
            .Where(p => p.ArticleId == articleId)
            .OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        return proposals.Where(p => Access(actor, p).CanView)
            .Select(Summary)
            .ToList();
    }

    /// <summary>The proposals <paramref name="actor"/> may see on each article of a declaration.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ProposalSummary>>> ListForDeclarationAsync(ClaimsPrincipal actor,
        Guid declarationId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read proposals");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposals = await db.Proposals.AsNoTracking()
            .Include(p => p.CreatedBy).ThenInclude(u => u!.Organisation)
            .Include(p => p.Sponsors).ThenInclude(s => s.User)
            .Include(p => p.Endorsements)
            .Where(p => p.Article!.DeclarationId == declarationId)
            .OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        return proposals.Where(p => Access(actor, p).CanView)
            .GroupBy(p => p.ArticleId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ProposalSummary>)g
                .Select(Summary)
                .ToList());
    }

    /// <summary>What <paramref name="actor"/> may do with the proposal whose text is <paramref name="documentId"/>.</summary>
    public async Task<DocumentAccess?> GetDocumentAccessAsync(ClaimsPrincipal actor, Guid documentId, CancellationToken ct = default)
    {
        if (!actor.IsSignedIn()) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Sponsors).ThenInclude(s => s.User)
            .FirstOrDefaultAsync(p => p.DocumentId == documentId, ct);
        return proposal is null ? null : Access(actor, proposal);
    }

    public async Task InviteSponsorAsync(ClaimsPrincipal actor, Guid proposalId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Proposals.Include(p => p.Sponsors).ThenInclude(s => s.User)
            .FirstOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw new NotFoundException("This proposal does not exist.");
        var access = Access(actor, proposal);
        actor.Demand(access.CanEdit, "invite co-sponsors to this proposal");
        if (proposal.Status != ProposalStatus.Draft)
            throw new InvalidInputException("Co-sponsors are invited while the proposal is a draft.");
        if (proposal.Sponsors.Any(s => s.UserId == userId))
            throw new InvalidInputException("This person is already a sponsor.");
        var invitee = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotFoundException("This user does not exist.");
        if (!await IsInAnyRoleAsync(db, userId, [Roles.Participant, Roles.IndependentExpert, Roles.Secretariat], ct))
            throw new InvalidInputException($"{invitee.DisplayName} cannot draft proposals: only participants can be co-sponsors.");

        proposal.Sponsors.Add(new ProposalSponsor { UserId = userId, InvitedById = actor.UserId(), InvitedAt = clock.GetUtcNow() });
        db.Record(actor, "proposal.sponsor-invited", nameof(Proposal), proposal.Id, $"{invitee.DisplayName} invited to {proposal.Title}", clock);
        var notified = db.Notify([userId], actor, NotificationKind.SponsorInvited, proposal.Title, $"proposals/{proposal.Id}", clock);
        await db.SaveChangesAsync(ct);
        notifier.DeclarationChanged(await db.Articles.Where(a => a.Id == proposal.ArticleId).Select(a => a.DeclarationId).FirstAsync(ct));
        notifier.Announce(notified);
    }

    /// <summary>Participants who could be invited as co-sponsors, found by name or organisation.</summary>
    public async Task<IReadOnlyList<InvitableUser>> FindInviteesAsync(ClaimsPrincipal actor, Guid proposalId, string? search,
        CancellationToken ct = default)
    {
        var view = await GetAsync(actor, proposalId, ct);
        actor.Demand(view.CanInvite, "invite co-sponsors to this proposal");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participantRoleId = await db.Roles.Where(r => r.Name == Roles.Participant).Select(r => r.Id).SingleAsync(ct);
        var sponsorIds = view.Sponsors.Select(s => s.UserId).ToList();
        var query = db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == participantRoleId) && !sponsorIds.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, pattern) ||
                                     (u.Organisation != null && EF.Functions.ILike(u.Organisation.Name, pattern)));
        }
        return await query.OrderBy(u => u.DisplayName).Take(20)
            .Select(u => new InvitableUser(u.Id, u.DisplayName, u.Organisation != null ? u.Organisation.Name : null))
            .ToListAsync(ct);
    }

    private static ProposalSummary Summary(Proposal p) =>
        new(p.Id, p.Title, p.Status, p.CreatedBy?.DisplayName, p.CreatedBy?.Organisation?.Name, p.CreatedAt,
            p.Sponsors.Count, p.Endorsements.Count);

    private static DocumentAccess Access(ClaimsPrincipal actor, Proposal proposal)
    {
        if (!actor.IsSignedIn()) return new DocumentAccess(proposal.Id, false, false);
        var userId = actor.UserId();
        var isSponsor = proposal.Sponsors.Any(s => s.UserId == userId);
        var organisationId = actor.OrganisationId();
        var isSponsorsDelegation = organisationId is not null &&
                                   proposal.Sponsors.Any(s => s.User?.OrganisationId == organisationId);
        // Only what was submitted becomes public: a draft withdrawn before submission stays as private as it was.
        var canView = proposal.SubmittedAt is not null || isSponsor || isSponsorsDelegation || actor.HoldsThePen();
        // Sponsors edit while their role lets them propose: a sponsor made Observer (or Admin) later only watches.
        var canEdit = proposal.Status == ProposalStatus.Draft && ((isSponsor && CanPropose(actor)) || actor.HoldsThePen());
        return new DocumentAccess(proposal.Id, canView, canEdit);
    }

    private static Task<bool> IsInAnyRoleAsync(DraftingRoomDbContext db, string userId, string[] roles, CancellationToken ct) =>
        db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!)), ct);
}
