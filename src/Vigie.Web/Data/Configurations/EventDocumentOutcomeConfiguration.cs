using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class EventDocumentOutcomeConfiguration : IEntityTypeConfiguration<EventDocumentOutcome>
{
    public void Configure(EntityTypeBuilder<EventDocumentOutcome> builder)
    {
        builder.ToTable("event_document_outcomes");
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Ground).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(o => new { o.EventId, o.RequestedDocumentId }).IsUnique();
        builder.HasOne(o => o.RequestedDocument).WithMany().HasForeignKey(o => o.RequestedDocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
