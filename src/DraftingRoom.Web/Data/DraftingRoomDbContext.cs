using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Data;

public sealed class DraftingRoomDbContext(DbContextOptions<DraftingRoomDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Declaration> Declarations => Set<Declaration>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalSponsor> ProposalSponsors => Set<ProposalSponsor>();
    public DbSet<TextDocument> TextDocuments => Set<TextDocument>();
    public DbSet<DocumentOperation> DocumentOperations => Set<DocumentOperation>();
    public DbSet<DocumentSnapshot> DocumentSnapshots => Set<DocumentSnapshot>();
    public DbSet<DeclarationVersion> DeclarationVersions => Set<DeclarationVersion>();
    public DbSet<VersionProvisionRecord> VersionProvisions => Set<VersionProvisionRecord>();
    public DbSet<ConsultationRound> ConsultationRounds => Set<ConsultationRound>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentEdit> CommentEdits => Set<CommentEdit>();
    public DbSet<ProposalEndorsement> ProposalEndorsements => Set<ProposalEndorsement>();
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DraftingRoomDbContext).Assembly);
    }
}
