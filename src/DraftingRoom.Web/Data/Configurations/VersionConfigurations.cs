using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DraftingRoom.Web.Data.Configurations;

internal sealed class DeclarationVersionConfiguration : IEntityTypeConfiguration<DeclarationVersion>
{
    public void Configure(EntityTypeBuilder<DeclarationVersion> entity)
    {
        entity.HasIndex(v => new { v.DeclarationId, v.Number }).IsUnique();
        entity.Property(v => v.Label).HasMaxLength(200);
        entity.Property(v => v.Title).HasMaxLength(300);
        entity.Property(v => v.Symbol).HasMaxLength(100);
        entity.Property(v => v.Note).HasMaxLength(4000);
        entity.HasOne(v => v.Declaration).WithMany().HasForeignKey(v => v.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(v => v.PublishedBy).WithMany().HasForeignKey(v => v.PublishedById).OnDelete(DeleteBehavior.SetNull);
        entity.HasMany(v => v.Provisions).WithOne().HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VersionProvisionRecordConfiguration : IEntityTypeConfiguration<VersionProvisionRecord>
{
    public void Configure(EntityTypeBuilder<VersionProvisionRecord> entity)
    {
        entity.HasKey(p => new { p.VersionId, p.Position });
        entity.Property(p => p.Number).HasMaxLength(20);
        entity.Property(p => p.Title).HasMaxLength(300);
    }
}
