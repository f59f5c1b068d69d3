using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CadaRequestEventRevisionConfiguration : IEntityTypeConfiguration<CadaRequestEventRevision>
{
    public void Configure(EntityTypeBuilder<CadaRequestEventRevision> builder)
    {
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Summary).HasMaxLength(8000);
        builder.HasIndex(r => new { r.CadaRequestId, r.At });
        builder.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CadaRequest>().WithMany().HasForeignKey(r => r.CadaRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Actor).WithMany().HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
