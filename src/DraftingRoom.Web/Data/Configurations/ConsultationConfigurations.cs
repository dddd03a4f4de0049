using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DraftingRoom.Web.Data.Configurations;

internal sealed class ConsultationRoundConfiguration : IEntityTypeConfiguration<ConsultationRound>
{
    public void Configure(EntityTypeBuilder<ConsultationRound> entity)
    {
        entity.Property(r => r.Title).HasMaxLength(300);
        entity.HasIndex(r => new { r.DeclarationId, r.OpenedAt });
        entity.HasOne(r => r.Declaration).WithMany().HasForeignKey(r => r.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        entity.Ignore(r => r.EndsAt);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> entity)
    {
        entity.HasIndex(c => new { c.DeclarationId, c.CreatedAt });
        entity.HasIndex(c => c.ArticleId);
        entity.HasIndex(c => c.ProposalId);
        entity.HasIndex(c => c.ThreadId);
        entity.HasOne(c => c.Article).WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(c => c.Proposal).WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Comment>().WithMany().HasForeignKey(c => c.ThreadId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Declaration>().WithMany().HasForeignKey(c => c.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ConsultationRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.SetNull);
        entity.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        entity.HasMany(c => c.Edits).WithOne().HasForeignKey(e => e.CommentId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(c => c.HiddenReason).HasMaxLength(2000);
        entity.Property(c => c.RowVersion).IsRowVersion();
    }
}

internal sealed class ProposalEndorsementConfiguration : IEntityTypeConfiguration<ProposalEndorsement>
{
    public void Configure(EntityTypeBuilder<ProposalEndorsement> entity)
    {
        // One endorsement per organisation: the key itself refuses a second one, even from two nodes at once.
        entity.HasKey(e => new { e.ProposalId, e.OrganisationId });
        entity.HasOne(e => e.Organisation).WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> entity)
    {
        entity.HasIndex(n => new { n.UserId, n.CreatedAt });
        entity.Property(n => n.Subject).HasMaxLength(400);
        entity.Property(n => n.Link).HasMaxLength(400);
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
