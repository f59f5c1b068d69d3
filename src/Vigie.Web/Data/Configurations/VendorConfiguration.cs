using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> builder)
    {
        builder.Property(v => v.Version).IsRowVersion();
        builder.Property(v => v.Slug).HasMaxLength(100);
        builder.HasIndex(v => v.Slug).IsUnique();
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.Country).HasMaxLength(100);
        builder.Property(v => v.Website).HasMaxLength(500);
    }
}
