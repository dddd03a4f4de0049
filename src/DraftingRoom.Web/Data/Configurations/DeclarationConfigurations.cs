using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DraftingRoom.Web.Data.Configurations;

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> entity)
    {
        entity.Property(d => d.Title).HasMaxLength(300);
        entity.Property(d => d.Symbol).HasMaxLength(100);
        entity.Property(d => d.Description).HasMaxLength(4000);
        entity.HasMany(d => d.Articles).WithOne(a => a.Declaration).HasForeignKey(a => a.DeclarationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> entity)
    {
        entity.Property(a => a.Number).HasMaxLength(20);
        entity.Property(a => a.Title).HasMaxLength(300);
        entity.Property(a => a.RowVersion).IsRowVersion();
        entity.HasIndex(a => new { a.DeclarationId, a.Position });
        entity.HasMany(a => a.Revisions).WithOne(r => r.Article).HasForeignKey(r => r.ArticleId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> entity)
    {
        entity.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        entity.Property(r => r.Title).HasMaxLength(300);
        entity.Property(r => r.Reason).HasMaxLength(2000);
        entity.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
        entity.HasOne(r => r.Proposal).WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.SetNull);
        entity.Property(r => r.DecisionNote).HasMaxLength(10_000);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> entity)
    {
        entity.Property(o => o.Name).HasMaxLength(200);
        entity.HasIndex(o => o.Name).IsUnique();
        entity.HasMany(o => o.Members).WithOne(u => u.Organisation).HasForeignKey(u => u.OrganisationId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> entity) =>
        entity.Property(u => u.DisplayName).HasMaxLength(200);
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> entity)
    {
        entity.Property(e => e.Action).HasMaxLength(100);
        entity.Property(e => e.EntityType).HasMaxLength(100);
        entity.Property(e => e.EntityId).HasMaxLength(100);
        entity.Property(e => e.UserName).HasMaxLength(256);
        entity.Property(e => e.Summary).HasMaxLength(4000);
        entity.HasIndex(e => e.At);
    }
}
