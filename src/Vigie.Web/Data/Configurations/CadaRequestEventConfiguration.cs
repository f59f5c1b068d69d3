using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CadaRequestEventConfiguration : IEntityTypeConfiguration<CadaRequestEvent>
{
    public void Configure(EntityTypeBuilder<CadaRequestEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.OccurredOnPrecision).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Ground).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.FileNumber).HasMaxLength(50);
        builder.Property(e => e.OpinionNumber).HasMaxLength(8);
        builder.Property(e => e.OpinionSens).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.OpinionMotivation).HasMaxLength(200);
        builder.Property(e => e.OpinionType).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.JudgmentOutcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Comment).HasMaxLength(4000);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasIndex(e => new { e.CadaRequestId, e.OccurredOn });
        builder.HasOne(e => e.Author).WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.DocumentOutcomes).WithOne(o => o.Event).HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
