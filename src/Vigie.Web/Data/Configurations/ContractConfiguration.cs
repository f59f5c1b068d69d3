using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Object).HasMaxLength(1000);
        builder.Property(c => c.SignedOnPrecision).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.AmountEuros).HasPrecision(14, 2);
        builder.Property(c => c.Reference).HasMaxLength(200);
        // The contracts browse page and the API sort by amount or date, then id (keyset pagination).
        builder.HasIndex(c => new { c.AmountEuros, c.Id });
        builder.HasIndex(c => new { c.SignedOn, c.Id });
        builder.HasOne(c => c.Case).WithMany(c => c.Contracts).HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.BuyerMunicipality).WithMany().HasForeignKey(c => c.BuyerMunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Vendor).WithMany().HasForeignKey(c => c.VendorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.SetNull);
    }
}
