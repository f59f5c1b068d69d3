using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Publisher).HasMaxLength(200);
        builder.Property(s => s.PublishedOnPrecision).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.ArchiveUrl).HasMaxLength(2000);
        builder.HasIndex(s => new { s.CaseId, s.Number }).IsUnique();
        builder.HasOne(s => s.Case).WithMany(c => c.Sources).HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
