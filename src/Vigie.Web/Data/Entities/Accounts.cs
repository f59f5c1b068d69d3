using Microsoft.AspNetCore.Identity;

namespace Vigie.Web.Data.Entities;

/// <summary>A team member. Names and emails are private: never shown on public pages, exports or the API.</summary>
public sealed class User : IdentityUser<int>
{
    public required string DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set for accounts created with a one-time password: the first login asks for a new one.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>Legal identity for the member's own letters (R343-1 asks for surname, first names and address). Private.</summary>
    public string? FirstNames { get; set; }
    public string? Surname { get; set; }
    public string? PostalAddress { get; set; }
    /// <summary>The daily email of the requests' deadlines.</summary>
    public bool ReceivesReminders { get; set; } = true;
}

public sealed class Role : IdentityRole<int>;

/// <summary>The three roles. Names are what people see, hence French.</summary>
public static class Roles
{
    public const string Volunteer = "Bénévole";
    public const string Editor = "Éditeur";
    public const string Admin = "Admin";

    public static readonly string[] All = [Volunteer, Editor, Admin];

    /// <summary>Roles an inviter may hand out: admins any, editors volunteers and editors.</summary>
    public static IEnumerable<string> InvitableBy(Func<string, bool> inRole) =>
        inRole(Admin) ? All : inRole(Editor) ? [Volunteer, Editor] : [];
}

/// <summary>A single-use, expiring link to join the team with a given role. Only the token's hash is stored.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public required string TokenHash { get; set; }
    public required string Role { get; set; }
    public string? Email { get; set; }
    public int CreatedById { get; set; }
    public User? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public int? UsedById { get; set; }
    public User? UsedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The account asked for through the link, created once its address confirms (the code's hash is kept).</summary>
    public string? PendingEmail { get; set; }
    public string? PendingDisplayName { get; set; }
    public string? PendingPasswordHash { get; set; }
    public string? ConfirmationHash { get; set; }
    public uint Version { get; set; }
}

/// <summary>An account or role change, for admins.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? ActorId { get; set; }
    public User? Actor { get; set; }
    public required string Action { get; set; }
    public int? TargetUserId { get; set; }
    public User? TargetUser { get; set; }
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
}

/// <summary>
/// A signed-in session (docs/security.md, "Sessions"). The cookie carries a random key; only its hash is stored,
/// beside the serialised authentication ticket. Deleting the row ends the session on its next request.
/// </summary>
public sealed class UserSession
{
    public required string KeyHash { get; set; }
    public int UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public required byte[] Ticket { get; set; }
}

/// <summary>Failed sign-ins counted for one client address or one email address, and until when the next is refused.</summary>
public sealed class SignInThrottle
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset BlockedUntil { get; set; }
}
