using Vigie.Web.Data;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Security;

/// <summary>Records account and role changes. The entry is added to the context; the caller saves.</summary>
public sealed class AuditLog(VigieDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public void Record(string action, int? actorId, int? targetUserId, string? details = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Action = action,
            ActorId = actorId,
            TargetUserId = targetUserId,
            Details = details,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
}

public static class AuditActions
{
    public const string AccountCreated = "account-created";
    public const string LoginSucceeded = "login";
    public const string LoginFailed = "login-failed";
    public const string LockedOut = "locked-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string RoleChanged = "role-changed";
    public const string AccountLocked = "account-locked";
    public const string AccountUnlocked = "account-unlocked";
    public const string InvitationCreated = "invitation-created";
    public const string InvitationRevoked = "invitation-revoked";
    public const string InvitationUsed = "invitation-used";
    public const string ProfileUpdated = "profile-updated";
}
