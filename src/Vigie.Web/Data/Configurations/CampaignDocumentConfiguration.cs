using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CampaignDocumentConfiguration : IEntityTypeConfiguration<CampaignDocument>
{
    public void Configure(EntityTypeBuilder<CampaignDocument> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(500);
        builder.HasIndex(d => new { d.CampaignId, d.Position }).IsUnique();
    }
}
