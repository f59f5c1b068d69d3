using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.Property(q => q.Version).IsRowVersion();
        builder.Property(q => q.Speaker).HasMaxLength(200);
        builder.Property(q => q.SpeakerRole).HasMaxLength(300);
        builder.Property(q => q.SaidOnPrecision).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(q => q.Case).WithMany(c => c.Quotes).HasForeignKey(q => q.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.Source).WithMany().HasForeignKey(q => q.SourceId).OnDelete(DeleteBehavior.SetNull);
    }
}
