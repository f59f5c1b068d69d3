using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Team;

public sealed class NewInvitationForm
{
    [Required(ErrorMessage = "Choisissez un rôle.")]
    [Display(Name = "Rôle")]
    public string Role { get; set; } = Roles.Volunteer;

    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide.")]
    [StringLength(256)]
    [Display(Name = "Adresse de la personne invitée (facultatif : réserve le lien à cette adresse)")]
    public string? Email { get; set; }
}

public sealed record InvitationRow(int Id, string Role, string? Email, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt, string? UsedBy, DateTimeOffset? RevokedAt);

public sealed record InvitationsPage(NewInvitationForm Form, IReadOnlyList<string> InvitableRoles, IReadOnlyList<InvitationRow> Invitations, string? NewLink);

/// <summary>Invitations: editors invite volunteers and editors, admins anyone.</summary>
[Authorize(Policy = Policies.Editor)]
[Route("equipe/invitations")]
public sealed class TeamController(VigieDbContext db, AuditLog audit, TimeProvider clock, SiteAddress address, IOptions<AccountOptions> accounts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await PageAsync(new NewInvitationForm(), TempData["NewLink"] as string));

    [HttpPost("")]
    public async Task<IActionResult> Create(NewInvitationForm form)
    {
        var invitable = Roles.InvitableBy(User.IsInRole).ToList();
        if (!invitable.Contains(form.Role))
        {
            ModelState.AddModelError(nameof(form.Role), "Vous ne pouvez pas inviter quelqu'un avec ce rôle.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(form, null));
        }
        var token = Tokens.New();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            TokenHash = Tokens.Hash(token),
            Role = form.Role,
            Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(),
            CreatedById = User.UserId()!.Value,
            CreatedAt = now,
            ExpiresAt = now.AddDays(accounts.Value.InvitationDays),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        audit.Record(AuditActions.InvitationCreated, invitation.CreatedById, null, $"Invitation n° {invitation.Id}, rôle {invitation.Role}");
        await db.SaveChangesAsync();
        // The link is shown once: only its hash is stored.
        TempData["NewLink"] = $"{address.For(Request)}/invitation/{token}";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/revoquer")]
    public async Task<IActionResult> Revoke(int id)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id);
        if (invitation is null || (!User.IsInRole(Roles.Admin) && invitation.CreatedById != User.UserId()))
        {
            return NotFound();
        }
        if (invitation.UsedAt is null && invitation.RevokedAt is null)
        {
            invitation.RevokedAt = clock.GetUtcNow();
            audit.Record(AuditActions.InvitationRevoked, User.UserId(), null, $"Invitation n° {invitation.Id}");
            await db.SaveChangesAsync();
        }
        return RedirectToAction(nameof(Index));
    }

    private async Task<InvitationsPage> PageAsync(NewInvitationForm form, string? newLink)
    {
        var query = db.Invitations.AsNoTracking();
        if (!User.IsInRole(Roles.Admin))
        {
            var me = User.UserId();
            query = query.Where(i => i.CreatedById == me);
        }
        var rows = await query.OrderByDescending(i => i.CreatedAt).Take(100)
            .Select(i => new InvitationRow(i.Id, i.Role, i.Email, i.CreatedBy!.DisplayName, i.CreatedAt, i.ExpiresAt, i.UsedAt,
                i.UsedBy == null ? null : i.UsedBy.DisplayName, i.RevokedAt))
            .ToListAsync();
        return new InvitationsPage(form, Roles.InvitableBy(User.IsInRole).ToList(), rows, newLink);
    }
}
