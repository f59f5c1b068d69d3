using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(3);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.RegionCode).HasMaxLength(3);
        builder.HasOne(d => d.Region).WithMany().HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
