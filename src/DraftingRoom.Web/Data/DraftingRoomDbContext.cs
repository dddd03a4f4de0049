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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DraftingRoomDbContext).Assembly);
    }
}
