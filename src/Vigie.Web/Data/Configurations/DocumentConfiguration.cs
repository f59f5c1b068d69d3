using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(500);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.RedactionNote).HasMaxLength(2000);
        builder.Property(d => d.RedactionGround).HasMaxLength(500);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasOne(d => d.Case).WithMany(c => c.Documents).HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(d => d.CadaRequest).WithMany(r => r.Documents).HasForeignKey(d => d.CadaRequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(d => d.File).WithMany(f => f.Documents).HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.UploadedBy).WithMany().HasForeignKey(d => d.UploadedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(d => d.RequestEvent).WithMany().HasForeignKey(d => d.RequestEventId).OnDelete(DeleteBehavior.SetNull);
    }
}
