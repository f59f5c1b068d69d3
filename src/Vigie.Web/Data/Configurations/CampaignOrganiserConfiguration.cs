using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CampaignOrganiserConfiguration : IEntityTypeConfiguration<CampaignOrganiser>
{
    public void Configure(EntityTypeBuilder<CampaignOrganiser> builder)
    {
        builder.HasKey(o => new { o.CampaignId, o.UserId });
        builder.HasOne(o => o.User).WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
