using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Admin;

public sealed record UserRow(int Id, string DisplayName, string Email, string? Role, DateTimeOffset CreatedAt, bool LockedOut);

public sealed record AuditRow(DateTimeOffset At, string Action, string? Actor, string? Target, string? Details, string? IpAddress);

[Authorize(Policy = Policies.Admin)]
[Route("admin")]
public sealed class AdminController(VigieDbContext db, UserManager<User> users, AuditLog audit, MemberAccess access, TimeProvider clock) : Controller
{
    [HttpGet("utilisateurs")]
    public async Task<IActionResult> Users()
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                u.CreatedAt, u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync();
        return View(rows);
    }

    [HttpPost("utilisateurs/{id:int}/role")]
    public async Task<IActionResult> ChangeRole(int id, string role)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return NotFound();
        }
        if (!Roles.All.Contains(role))
        {
            return BadRequest();
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
        {
            TempData["Error"] = "Impossible : c'est le dernier compte administrateur.";
            return RedirectToAction(nameof(Users));
        }
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        // The old role lives on in the member's sessions and in the invitations they issued: both end now.
        await access.EndSessionsAsync(user);
        await access.RevokeInvitationsAsync(user, role, User.UserId());
        audit.Record(AuditActions.RoleChanged, User.UserId(), user.Id, $"{string.Join(", ", current)} → {role}");
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{user.DisplayName} a maintenant le rôle {role}.";
        return RedirectToAction(nameof(Users));
    }

    [HttpPost("utilisateurs/{id:int}/verrouiller")]
    public Task<IActionResult> Lock(int id) => SetLockoutAsync(id, locked: true);

    [HttpPost("utilisateurs/{id:int}/deverrouiller")]
    public Task<IActionResult> Unlock(int id) => SetLockoutAsync(id, locked: false);

    private async Task<IActionResult> SetLockoutAsync(int id, bool locked)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return NotFound();
        }
        if (locked && user.Id == User.UserId())
        {
            TempData["Error"] = "Vous ne pouvez pas verrouiller votre propre compte.";
            return RedirectToAction(nameof(Users));
        }
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (locked)
        {
            await access.EndSessionsAsync(user);
            await access.RevokeInvitationsAsync(user, null, User.UserId());
        }
        else
        {
            await users.UpdateSecurityStampAsync(user);
        }
        audit.Record(locked ? AuditActions.AccountLocked : AuditActions.AccountUnlocked, User.UserId(), user.Id);
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Users));
    }

    [HttpGet("journal")]
    public async Task<IActionResult> Journal()
    {
        var rows = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.At).Take(500)
            .Select(a => new AuditRow(a.At, a.Action, a.Actor == null ? null : a.Actor.DisplayName,
                a.TargetUser == null ? null : a.TargetUser.DisplayName, a.Details, a.IpAddress))
            .ToListAsync();
        return View(rows);
    }
}
