using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CampaignJobConfiguration : IEntityTypeConfiguration<CampaignJob>
{
    public void Configure(EntityTypeBuilder<CampaignJob> builder)
    {
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(j => j.Error).HasMaxLength(500);
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasOne(j => j.Campaign).WithMany().HasForeignKey(j => j.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
