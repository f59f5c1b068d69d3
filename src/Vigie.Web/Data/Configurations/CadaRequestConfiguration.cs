using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CadaRequestConfiguration : IEntityTypeConfiguration<CadaRequest>
{
    public void Configure(EntityTypeBuilder<CadaRequest> builder)
    {
        builder.Property(r => r.Authority).HasMaxLength(300);
        builder.Property(r => r.Subject).HasMaxLength(500);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(r => r.Case).WithMany(c => c.CadaRequests).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.Municipality).WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
