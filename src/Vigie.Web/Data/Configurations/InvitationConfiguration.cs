using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.Role).HasMaxLength(20);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.PendingEmail).HasMaxLength(256);
        builder.Property(i => i.PendingDisplayName).HasMaxLength(100);
        builder.Property(i => i.ConfirmationHash).HasMaxLength(64);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasOne(i => i.CreatedBy).WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.UsedBy).WithMany().HasForeignKey(i => i.UsedById).OnDelete(DeleteBehavior.Restrict);
    }
}
