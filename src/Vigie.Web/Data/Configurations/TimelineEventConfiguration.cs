using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.Property(e => e.Version).IsRowVersion();
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.OccurredOnPrecision).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(e => e.Case).WithMany(c => c.TimelineEvents).HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Source).WithMany().HasForeignKey(e => e.SourceId).OnDelete(DeleteBehavior.SetNull);
    }
}
