using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Security;

/// <summary>What ends when a member's rights shrink or their password changes. Audit entries are added; the caller saves.</summary>
public sealed class MemberAccess(VigieDbContext db, UserManager<User> users, AuditLog audit, TimeProvider clock)
{
    /// <summary>A new security stamp and no session left: every cookie of the member is refused from its next request.</summary>
    public async Task EndSessionsAsync(User user)
    {
        await users.UpdateSecurityStampAsync(user);
        await SessionStore.EndAllAsync(db, user.Id);
    }

    /// <summary>
    /// Revokes the pending invitations the member may no longer hand out with <paramref name="role"/> (all of them
    /// when null: a locked account): an invitation must not keep alive the access its author lost.
    /// </summary>
    public async Task<int> RevokeInvitationsAsync(User user, string? role, int? actorId)
    {
        string[] allowed = role is null ? [] : [.. Roles.InvitableBy(r => r == role)];
        var now = clock.GetUtcNow();
        var pending = await db.Invitations
            .Where(i => i.CreatedById == user.Id && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now && !allowed.Contains(i.Role))
            .ToListAsync();
        foreach (var invitation in pending)
        {
            invitation.RevokedAt = now;
            audit.Record(AuditActions.InvitationRevoked, actorId, user.Id, $"Invitation n° {invitation.Id} : son auteur ne peut plus la donner");
        }
        return pending.Count;
    }

    /// <summary>Whether the author of an invitation may still hand it out: not locked, and a role that may invite to it.</summary>
    public async Task<bool> AuthorMayStillInviteAsync(Invitation invitation)
    {
        var now = clock.GetUtcNow();
        var author = await db.Users.AsNoTracking().Where(u => u.Id == invitation.CreatedById)
            .Select(u => new
            {
                Locked = u.LockoutEnd != null && u.LockoutEnd > now,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .FirstOrDefaultAsync();
        return author is { Locked: false } && Roles.InvitableBy(author.Roles.Contains).Contains(invitation.Role);
    }
}
