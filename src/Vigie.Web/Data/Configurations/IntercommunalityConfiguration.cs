using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class IntercommunalityConfiguration : IEntityTypeConfiguration<Intercommunality>
{
    public void Configure(EntityTypeBuilder<Intercommunality> builder)
    {
        builder.HasKey(i => i.Siren);
        builder.Property(i => i.Siren).HasMaxLength(9);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Kind).HasMaxLength(10);
    }
}
