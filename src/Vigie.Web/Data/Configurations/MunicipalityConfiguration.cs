using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.InseeCode).HasMaxLength(5);
        builder.HasIndex(m => m.InseeCode).IsUnique();
        builder.Property(m => m.Siren).HasMaxLength(9);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Slug).HasMaxLength(200);
        builder.HasIndex(m => m.Slug);
        builder.Property(m => m.DepartmentCode).HasMaxLength(3);
        builder.Property(m => m.RegionCode).HasMaxLength(3);
        builder.Property(m => m.IntercommunalitySiren).HasMaxLength(9);
        builder.HasIndex(m => new { m.DepartmentCode, m.Name });
        builder.HasOne(m => m.Department).WithMany().HasForeignKey(m => m.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Region).WithMany().HasForeignKey(m => m.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Intercommunality).WithMany().HasForeignKey(m => m.IntercommunalitySiren).OnDelete(DeleteBehavior.SetNull);
    }
}
