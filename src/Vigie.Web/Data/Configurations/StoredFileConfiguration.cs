using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(f => f.Sha256).IsUnique();
        builder.Property(f => f.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.ProcessingError).HasMaxLength(1000);
    }
}
