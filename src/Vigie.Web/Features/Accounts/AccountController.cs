using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Email;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Accounts;

public sealed class AccountController(
    UserManager<User> users,
    SignInManager<User> signIn,
    VigieDbContext db,
    AuditLog audit,
    IEmailSender email,
    TimeProvider clock,
    SiteAddress address,
    IOptions<AccountOptions> accounts,
    SignInThrottling throttling,
    DecoyPassword decoy,
    MemberAccess access) : Controller
{
    [AllowAnonymous]
    [HttpGet("/connexion")]
    public IActionResult Login(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirectOrHome(returnUrl) : View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("/connexion")]
    [EnableRateLimiting(AccountsSetup.AuthRateLimit)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        // One answer whether the account exists, is locked or not, in about the same time (docs/security.md).
        var email = form.Email.Trim();
        var address = HttpContext.Connection.RemoteIpAddress;
        var wait = await throttling.WaitAsync(email, address);
        if (wait > TimeSpan.Zero)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = SignInThrottling.RetryAfter(wait);
            ModelState.AddModelError("", $"Trop de tentatives de connexion pour cette adresse ou depuis votre réseau. Réessayez dans {SignInThrottling.French(wait)}.");
            return View(form);
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            decoy.Verify(form.Password);
        }
        else if (await users.CheckPasswordAsync(user, form.Password) && !await users.IsLockedOutAsync(user) && await signIn.CanSignInAsync(user))
        {
            await throttling.SucceededAsync(email);
            await FreshSession.SignInAsync(HttpContext, user, form.RememberMe);
            audit.Record(AuditActions.LoginSucceeded, user.Id, user.Id);
            await db.SaveChangesAsync();
            return user.MustChangePassword
                ? RedirectToAction(nameof(ChangePassword), new { premiere = true })
                : LocalRedirectOrHome(form.ReturnUrl);
        }
        await throttling.FailedAsync(email, address);
        if (user is not null)
        {
            audit.Record(await users.IsLockedOutAsync(user) ? AuditActions.LockedOut : AuditActions.LoginFailed, null, user.Id);
            await db.SaveChangesAsync();
        }
        ModelState.AddModelError("", "Adresse ou mot de passe incorrect.");
        return View(form);
    }

    [HttpPost("/deconnexion")]
    [AllowAnonymous]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [AllowAnonymous]
    [HttpGet("/acces-refuse")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Message", new MessagePage("Accès refusé", "Votre compte ne permet pas d'accéder à cette page.", 403));
    }

    [AllowAnonymous]
    [HttpGet("/mot-de-passe-oublie")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [AllowAnonymous]
    [HttpPost("/mot-de-passe-oublie")]
    [EnableRateLimiting(AccountsSetup.AuthRateLimit)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{address.For(Request)}/mot-de-passe/reinitialiser?email={Uri.EscapeDataString(user.Email!)}&jeton={Uri.EscapeDataString(token)}";
            await email.SendAsync(new EmailMessage(user.Email!, "Vigie : choisir un nouveau mot de passe", $"""
                Bonjour {user.DisplayName},

                Quelqu'un (vous, sans doute) a demandé à changer le mot de passe de votre compte Vigie.
                Pour en choisir un nouveau, ouvrez ce lien dans les deux heures :

                {link}

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
                """), cancellationToken);
        }
        // Same answer whether the account exists or not, so the form cannot be used to probe addresses.
        return View("Message", new MessagePage("Vérifiez votre messagerie",
            $"Si un compte existe pour {form.Email.Trim()}, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est valable deux heures."));
    }

    [AllowAnonymous]
    [HttpGet("/mot-de-passe/reinitialiser")]
    public IActionResult ResetPassword(string? email, [FromQuery(Name = "jeton")] string? token)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Message", new MessagePage("Lien incomplet", "Ce lien de réinitialisation est incomplet. Copiez-le en entier depuis le courriel, ou demandez-en un nouveau.", 400));
        }
        return View(new ResetPasswordForm { Email = email, Token = token });
    }

    [AllowAnonymous]
    [HttpPost("/mot-de-passe/reinitialiser")]
    [EnableRateLimiting(AccountsSetup.AuthRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email);
        var result = user is null
            ? IdentityResult.Failed(new FrenchIdentityErrors().InvalidToken())
            : await users.ResetPasswordAsync(user, form.Token, form.NewPassword);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View(form);
        }
        user!.MustChangePassword = false;
        await users.UpdateAsync(user);
        await access.EndSessionsAsync(user);
        audit.Record(AuditActions.PasswordReset, user.Id, user.Id);
        await db.SaveChangesAsync();
        return View("Message", new MessagePage("Mot de passe changé", "Votre nouveau mot de passe est enregistré. Vous pouvez vous connecter."));
    }

    [HttpGet("/compte")]
    public async Task<IActionResult> Profile()
    {
        var user = await CurrentUserAsync();
        return View(new ProfileForm
        {
            DisplayName = user.DisplayName,
            Email = user.Email!,
            Roles = [.. await users.GetRolesAsync(user)],
            FirstNames = user.FirstNames,
            Surname = user.Surname,
            PostalAddress = user.PostalAddress,
            ReceivesReminders = user.ReceivesReminders,
        });
    }

    [HttpPost("/compte")]
    public async Task<IActionResult> Profile(ProfileForm form)
    {
        var user = await CurrentUserAsync();
        form.Email = user.Email!;
        form.Roles = [.. await users.GetRolesAsync(user)];
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        user.DisplayName = form.DisplayName.Trim();
        user.FirstNames = string.IsNullOrWhiteSpace(form.FirstNames) ? null : form.FirstNames.Trim();
        user.Surname = string.IsNullOrWhiteSpace(form.Surname) ? null : form.Surname.Trim();
        user.PostalAddress = string.IsNullOrWhiteSpace(form.PostalAddress) ? null : form.PostalAddress.Trim().ReplaceLineEndings("\n");
        user.ReceivesReminders = form.ReceivesReminders;
        await users.UpdateAsync(user);
        audit.Record(AuditActions.ProfileUpdated, user.Id, user.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = "Profil enregistré.";
        return RedirectToAction(nameof(Profile));
    }

    [HttpGet("/compte/mot-de-passe")]
    public IActionResult ChangePassword(bool premiere = false)
    {
        ViewData["FirstLogin"] = premiere;
        return View(new ChangePasswordForm());
    }

    [HttpPost("/compte/mot-de-passe")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var user = await CurrentUserAsync();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            AddErrors(result, passwordField: nameof(form.CurrentPassword));
            return View(form);
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        // Every session ends, this one included; it goes on under a new key, so a copy of its cookie is refused too.
        var persistent = (await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.IsPersistent ?? false;
        await access.EndSessionsAsync(user);
        await FreshSession.SignInAsync(HttpContext, user, persistent);
        audit.Record(AuditActions.PasswordChanged, user.Id, user.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = "Mot de passe changé.";
        return RedirectToAction(nameof(Profile));
    }

    [AllowAnonymous]
    [HttpGet("/inscription")]
    public IActionResult SignUp() => accounts.Value.OpenSignUp ? View(new AccountCreationForm()) : NotFound();

    [AllowAnonymous]
    [HttpPost("/inscription")]
    [EnableRateLimiting(AccountsSetup.AuthRateLimit)]
    public async Task<IActionResult> SignUp(AccountCreationForm form)
    {
        if (!accounts.Value.OpenSignUp)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var user = new User { UserName = form.Email.Trim(), Email = form.Email.Trim(), DisplayName = form.DisplayName.Trim(), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, form.NewPassword);
        if (!created.Succeeded)
        {
            AddErrors(created);
            return View(form);
        }
        await users.AddToRoleAsync(user, Roles.Volunteer);
        audit.Record(AuditActions.AccountCreated, user.Id, user.Id, "Inscription ouverte, rôle Bénévole");
        await db.SaveChangesAsync();
        await FreshSession.SignInAsync(HttpContext, user, persistent: false);
        return Redirect("/espace");
    }

    private async Task<User> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Utilisateur connecté introuvable.");

    private IActionResult LocalRedirectOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/espace");

    private void AddErrors(IdentityResult result, string passwordField = nameof(NewPasswordFields.NewPassword))
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                "PasswordMismatch" => passwordField,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(NewPasswordFields.NewPassword),
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => nameof(AccountCreationForm.Email),
                _ => "",
            };
            if (!ModelState[field]?.Errors.Any(e => e.ErrorMessage == error.Description) ?? true)
            {
                ModelState.AddModelError(field, error.Description);
            }
        }
    }
}
