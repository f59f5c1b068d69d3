using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

/// <summary>The three roles are reference data, created by the migration.</summary>
public sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.ToTable("roles");
        builder.HasData(
            new Role { Id = 1, Name = Roles.Volunteer, NormalizedName = "BÉNÉVOLE", ConcurrencyStamp = "6f1c1d38-9a52-4a57-8a3e-1c4a4a0e0001" },
            new Role { Id = 2, Name = Roles.Editor, NormalizedName = "ÉDITEUR", ConcurrencyStamp = "6f1c1d38-9a52-4a57-8a3e-1c4a4a0e0002" },
            new Role { Id = 3, Name = Roles.Admin, NormalizedName = "ADMIN", ConcurrencyStamp = "6f1c1d38-9a52-4a57-8a3e-1c4a4a0e0003" });
    }
}
