using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(150);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Subject).HasMaxLength(500);
        builder.Property(c => c.LetterParagraph).HasMaxLength(4000);
        builder.Property(c => c.Context).HasMaxLength(4000);
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne(c => c.CreatedBy).WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Documents).WithOne(d => d.Campaign).HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Organisers).WithOne(o => o.Campaign).HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Targets).WithOne(t => t.Campaign).HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
