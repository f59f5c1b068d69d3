using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class FilePageConfiguration : IEntityTypeConfiguration<FilePage>
{
    public void Configure(EntityTypeBuilder<FilePage> builder)
    {
        builder.HasKey(p => new { p.FileId, p.Number });
        builder.HasOne(p => p.File).WithMany(f => f.Pages).HasForeignKey(p => p.FileId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.ThumbnailSha256).HasMaxLength(64).IsFixedLength();
        // vigie_search_vector is the IMMUTABLE wrapper over the French, accent-blind configuration (see the migration).
        builder.Property(p => p.SearchVector).HasComputedColumnSql("vigie_search_vector(text)", stored: true);
        builder.HasIndex(p => p.SearchVector).HasMethod("GIN");
    }
}
