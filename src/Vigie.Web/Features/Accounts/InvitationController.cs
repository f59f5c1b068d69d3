using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Email;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Accounts;

/// <summary>
/// Joining the team through an invitation link. The form never says whether the address already has an account:
/// it answers "check your mail" in both cases, and the mail either confirms the new account or tells the owner
/// they already have one. The account is created only when the link in the mail is followed (docs/security.md).
/// </summary>
public sealed class InvitationController(
    UserManager<User> users,
    VigieDbContext db,
    AuditLog audit,
    IEmailSender email,
    TimeProvider clock,
    SiteAddress siteAddress,
    MemberAccess access) : Controller
{
    [AllowAnonymous]
    [HttpGet("/invitation/{token}")]
    public async Task<IActionResult> Invitation(string token)
    {
        var invitation = await FindUsableAsync(token);
        return invitation is null
            ? Invalid()
            : View(new InvitationForm { Token = token, Role = invitation.Role, Email = invitation.Email ?? "", EmailFixed = invitation.Email is not null });
    }

    [AllowAnonymous]
    [HttpPost("/invitation/{token}")]
    [EnableRateLimiting(AccountsSetup.AuthRateLimit)]
    public async Task<IActionResult> Invitation(string token, InvitationForm form, CancellationToken cancellationToken)
    {
        var invitation = await FindUsableAsync(token);
        if (invitation is null)
        {
            return Invalid();
        }
        form.Token = token;
        form.Role = invitation.Role;
        form.EmailFixed = invitation.Email is not null;
        if (invitation.Email is not null)
        {
            form.Email = invitation.Email;
            ModelState.Remove(nameof(form.Email));
        }
        var address = form.Email.Trim();
        var candidate = new User { UserName = address, Email = address, DisplayName = form.DisplayName.Trim() };
        if (ModelState.IsValid)
        {
            // The password rules only: the user validator would say the address is taken.
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, candidate, form.NewPassword);
                foreach (var error in result.Errors.Where(e => ModelState[nameof(form.NewPassword)]?.Errors.All(x => x.ErrorMessage != e.Description) ?? true))
                {
                    ModelState.AddModelError(nameof(form.NewPassword), error.Description);
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var code = Tokens.New();
        invitation.PendingEmail = address;
        invitation.PendingDisplayName = candidate.DisplayName;
        invitation.PendingPasswordHash = users.PasswordHasher.HashPassword(candidate, form.NewPassword);
        invitation.ConfirmationHash = Tokens.Hash(code);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Invalid();
        }
        var site = siteAddress.For(Request);
        var existing = await users.FindByEmailAsync(address);
        await email.SendAsync(existing is null
            ? new EmailMessage(address, "Vigie : confirmer votre compte", $"""
                Bonjour {candidate.DisplayName},

                Pour finir de créer votre compte Vigie (rôle {invitation.Role}), ouvrez ce lien avant le {Fr.Date(invitation.ExpiresAt)} :

                {site}/invitation/{token}/confirmer?code={Uri.EscapeDataString(code)}

                Si vous n'avez rien demandé, ignorez ce message : aucun compte ne sera créé.
                """)
            : new EmailMessage(address, "Vigie : vous avez déjà un compte", $"""
                Bonjour {existing.DisplayName},

                Quelqu'un a utilisé une invitation à rejoindre Vigie avec votre adresse, qui a déjà un compte : aucun autre n'a été créé.
                Pour vous connecter : {site}/connexion
                Mot de passe oublié : {site}/mot-de-passe-oublie

                Si ce n'était pas vous, ignorez ce message.
                """), cancellationToken);
        return View("Message", new MessagePage("Vérifiez votre messagerie",
            $"Pour finir, ouvrez le lien que nous venons d'envoyer à {address}. Votre compte sera créé à ce moment-là."));
    }

    [AllowAnonymous]
    [HttpGet("/invitation/{token}/confirmer")]
    public async Task<IActionResult> Confirm(string token, string? code)
    {
        var invitation = await FindPendingAsync(token, code);
        return invitation is null
            ? Invalid()
            : View(new InvitationConfirmation { Token = token, Code = code!, Email = invitation.PendingEmail!, Role = invitation.Role });
    }

    /// <summary>A POST, so that a mail scanner opening the link creates nothing.</summary>
    [AllowAnonymous]
    [HttpPost("/invitation/{token}/confirmer")]
    [EnableRateLimiting(AccountsSetup.AuthRateLimit)]
    public async Task<IActionResult> Confirm(string token, InvitationConfirmation form)
    {
        var invitation = await FindPendingAsync(token, form.Code);
        if (invitation is null)
        {
            return Invalid();
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var user = new User
        {
            UserName = invitation.PendingEmail,
            Email = invitation.PendingEmail,
            DisplayName = invitation.PendingDisplayName!,
            PasswordHash = invitation.PendingPasswordHash,
            CreatedAt = now,
            EmailConfirmed = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            // The address is proven to be theirs by now, so saying it has an account reveals nothing to anyone else.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Message", new MessagePage("Compte déjà existant",
                "Cette adresse a déjà un compte Vigie : connectez-vous, ou choisissez un nouveau mot de passe si vous l'avez oublié.", 409));
        }
        await users.AddToRoleAsync(user, invitation.Role);
        invitation.UsedAt = now;
        invitation.UsedById = user.Id;
        invitation.PendingEmail = invitation.PendingDisplayName = invitation.PendingPasswordHash = invitation.ConfirmationHash = null;
        audit.Record(AuditActions.InvitationUsed, user.Id, user.Id, $"Invitation n° {invitation.Id}, rôle {invitation.Role}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone used the same link a moment earlier: single use means the second one loses.
            await transaction.RollbackAsync();
            return Invalid();
        }
        await transaction.CommitAsync();
        await FreshSession.SignInAsync(HttpContext, user, persistent: false);
        TempData["Notice"] = $"Bienvenue dans l'équipe, {user.DisplayName} !";
        return Redirect("/espace");
    }

    private async Task<Invitation?> FindUsableAsync(string token)
    {
        var hash = Tokens.Hash(token);
        var now = clock.GetUtcNow();
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
        // Revoked when the author was demoted or locked; checked again here for any other way their rights went.
        return invitation is not null && await access.AuthorMayStillInviteAsync(invitation) ? invitation : null;
    }

    private async Task<Invitation?> FindPendingAsync(string token, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        var invitation = await FindUsableAsync(token);
        return invitation is { ConfirmationHash: { } hash, PendingEmail: not null } && hash == Tokens.Hash(code) ? invitation : null;
    }

    private ViewResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return View("Message", new MessagePage("Invitation expirée ou déjà utilisée",
            "Ce lien d'invitation n'est plus valable : il a expiré, a déjà servi ou a été révoqué. Demandez une nouvelle invitation à la personne qui vous l'a envoyé.", 410));
    }
}
