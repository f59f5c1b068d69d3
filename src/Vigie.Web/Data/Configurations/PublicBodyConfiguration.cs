using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class PublicBodyConfiguration : IEntityTypeConfiguration<PublicBody>
{
    public void Configure(EntityTypeBuilder<PublicBody> builder)
    {
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Name).HasMaxLength(300);
        builder.Property(b => b.Slug).HasMaxLength(300);
        builder.Property(b => b.DepartmentCode).HasMaxLength(3);
        builder.Property(b => b.PradaEmail).HasMaxLength(256);
        builder.Property(b => b.Email).HasMaxLength(256);
        builder.Property(b => b.Website).HasMaxLength(500);
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasIndex(b => b.Slug);
        // One body per commune; other kinds may share a seat commune.
        builder.HasIndex(b => b.MunicipalityId).IsUnique().HasFilter("kind = 'Commune'");
        builder.HasOne(b => b.Municipality).WithMany().HasForeignKey(b => b.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Department).WithMany().HasForeignKey(b => b.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
