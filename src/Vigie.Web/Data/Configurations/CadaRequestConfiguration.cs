using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class CadaRequestConfiguration : IEntityTypeConfiguration<CadaRequest>
{
    public void Configure(EntityTypeBuilder<CadaRequest> builder)
    {
        builder.Property(r => r.Subject).HasMaxLength(500);
        builder.Property(r => r.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ChannelUrl).HasMaxLength(2000);
        builder.Property(r => r.Context).HasMaxLength(4000);
        builder.Property(r => r.LetterParagraph).HasMaxLength(4000);
        builder.Property(r => r.OutcomeSummary).HasMaxLength(2000);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.StateLabel).HasMaxLength(200);
        builder.Property(r => r.NextAction).HasMaxLength(1000);
        builder.Property(r => r.NextDeadlineKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ClosingOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.IsClosed, r.NextDeadlineOn });
        builder.HasIndex(r => r.RequesterId);
        // A campaign writes once to each body, whatever retries or concurrent workers do.
        builder.HasIndex(r => new { r.CampaignId, r.PublicBodyId }).IsUnique().HasFilter("campaign_id IS NOT NULL");
        builder.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.PublicBody).WithMany().HasForeignKey(r => r.PublicBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Case).WithMany(c => c.CadaRequests).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.SetNull);
        // A renewal keeps its link if the old request goes; one renewal per request.
        builder.HasOne(r => r.RenewedFrom).WithOne(r => r.Renewal).HasForeignKey<CadaRequest>(r => r.RenewedFromId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.Requester).WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.RequestedDocuments).WithOne(d => d.CadaRequest).HasForeignKey(d => d.CadaRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Events).WithOne(e => e.CadaRequest).HasForeignKey(e => e.CadaRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
