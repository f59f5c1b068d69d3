using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class UploadHoldConfiguration : IEntityTypeConfiguration<UploadHold>
{
    public void Configure(EntityTypeBuilder<UploadHold> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(h => h.FileName).HasMaxLength(255);
        builder.Property(h => h.Format).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<User>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => h.CreatedAt);
    }
}
