using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(j => j.RequestStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(j => j.DepartmentCode).HasMaxLength(3);
        builder.Property(j => j.TechnologySlug).HasMaxLength(100);
        builder.Property(j => j.VendorSlug).HasMaxLength(100);
        builder.Property(j => j.FilterKey).HasMaxLength(300);
        builder.Property(j => j.FileName).HasMaxLength(100);
        builder.Property(j => j.SiteUrl).HasMaxLength(500);
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => j.FilterKey);
    }
}
