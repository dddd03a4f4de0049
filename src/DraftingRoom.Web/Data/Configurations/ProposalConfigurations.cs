using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DraftingRoom.Web.Data.Configurations;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> entity)
    {
        entity.Property(p => p.Title).HasMaxLength(300);
        entity.HasIndex(p => p.ArticleId);
        entity.HasOne(p => p.Article).WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(p => p.Document).WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(p => p.DocumentId).IsUnique();
        entity.HasOne(p => p.CreatedBy).WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.SetNull);
        entity.HasMany(p => p.Sponsors).WithOne(s => s.Proposal).HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.Endorsements).WithOne().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(p => p.Rationale).HasMaxLength(10_000);
        entity.Property(p => p.DecisionNote).HasMaxLength(10_000);
        entity.HasOne<ConsultationRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.SetNull);
        // Deciding or submitting twice at the same moment: the second save finds the row changed and stores nothing.
        entity.Property(p => p.RowVersion).IsRowVersion();
    }
}

internal sealed class ProposalSponsorConfiguration : IEntityTypeConfiguration<ProposalSponsor>
{
    public void Configure(EntityTypeBuilder<ProposalSponsor> entity)
    {
        entity.HasKey(s => new { s.ProposalId, s.UserId });
        entity.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentOperationConfiguration : IEntityTypeConfiguration<DocumentOperation>
{
    public void Configure(EntityTypeBuilder<DocumentOperation> entity)
    {
        entity.HasKey(o => new { o.DocumentId, o.Revision });
        // A resent operation is recognised by its author's client id and sequence number, even by another server.
        entity.HasIndex(o => new { o.DocumentId, o.ClientId, o.Sequence }).IsUnique();
        entity.Property(o => o.ClientId).HasMaxLength(64);
        entity.Property(o => o.Operation).HasColumnType("jsonb");
        entity.HasOne<TextDocument>().WithMany().HasForeignKey(o => o.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentSnapshotConfiguration : IEntityTypeConfiguration<DocumentSnapshot>
{
    public void Configure(EntityTypeBuilder<DocumentSnapshot> entity)
    {
        entity.HasKey(s => new { s.DocumentId, s.Revision });
        entity.HasOne<TextDocument>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
