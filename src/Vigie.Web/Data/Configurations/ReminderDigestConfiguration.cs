using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class ReminderDigestConfiguration : IEntityTypeConfiguration<ReminderDigest>
{
    public void Configure(EntityTypeBuilder<ReminderDigest> builder)
    {
        // The key is the idempotency: one digest per member and per day, whatever restarts happen.
        builder.HasKey(d => new { d.UserId, d.Day });
        builder.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
