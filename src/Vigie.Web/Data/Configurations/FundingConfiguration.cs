using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class FundingConfiguration : IEntityTypeConfiguration<Funding>
{
    public void Configure(EntityTypeBuilder<Funding> builder)
    {
        builder.Property(f => f.Version).IsRowVersion();
        builder.Property(f => f.Label).HasMaxLength(300);
        builder.Property(f => f.AmountEuros).HasPrecision(14, 2);
        builder.Property(f => f.Funder).HasMaxLength(200);
        builder.HasOne(f => f.Case).WithMany(c => c.Fundings).HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Source).WithMany().HasForeignKey(f => f.SourceId).OnDelete(DeleteBehavior.SetNull);
    }
}
