using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CampaignTargetConfiguration : IEntityTypeConfiguration<CampaignTarget>
{
    public void Configure(EntityTypeBuilder<CampaignTarget> builder)
    {
        builder.HasIndex(t => new { t.CampaignId, t.PublicBodyId }).IsUnique();
        builder.HasIndex(t => t.CadaRequestId).IsUnique();
        builder.HasOne(t => t.PublicBody).WithMany().HasForeignKey(t => t.PublicBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.CadaRequest).WithMany().HasForeignKey(t => t.CadaRequestId).OnDelete(DeleteBehavior.SetNull);
    }
}
