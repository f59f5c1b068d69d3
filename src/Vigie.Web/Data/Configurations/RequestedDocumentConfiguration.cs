using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class RequestedDocumentConfiguration : IEntityTypeConfiguration<RequestedDocument>
{
    public void Configure(EntityTypeBuilder<RequestedDocument> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(500);
        builder.HasIndex(d => new { d.CadaRequestId, d.Position }).IsUnique();
    }
}
