using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.FirstNames).HasMaxLength(200);
        builder.Property(u => u.Surname).HasMaxLength(200);
        builder.Property(u => u.PostalAddress).HasMaxLength(1000);
    }
}
