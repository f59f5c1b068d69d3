using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class ProcessingJobConfiguration : IEntityTypeConfiguration<ProcessingJob>
{
    public void Configure(EntityTypeBuilder<ProcessingJob> builder)
    {
        builder.HasOne(j => j.File).WithMany().HasForeignKey(j => j.FileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => j.FileId).IsUnique();
        builder.HasIndex(j => j.RunAfter);
        builder.Property(j => j.LastError).HasMaxLength(1000);
    }
}
