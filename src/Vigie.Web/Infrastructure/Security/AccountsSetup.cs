using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Email;

namespace Vigie.Web.Infrastructure.Security;

public sealed class AccountOptions
{
    public const string Section = "Vigie:Accounts";

    /// <summary>Anyone may create a volunteer account at /inscription. Off: the team grows by invitation.</summary>
    public bool OpenSignUp { get; set; }

    public int InvitationDays { get; set; } = 7;

    /// <summary>Requests per minute and per address on the login, sign-up and password-reset forms.</summary>
    public int AuthRequestsPerMinute { get; set; } = 10;

    /// <summary>Failed sign-ins for one email address before each further one is delayed (docs/security.md).</summary>
    public int AccountFreeFailures { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address, whatever the email, before each further one is delayed.</summary>
    public int AddressFreeFailures { get; set; } = 20;

    /// <summary>The first delay; each further failure doubles it, up to the caps below.</summary>
    public TimeSpan ThrottleBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AccountMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan AddressMaxDelay { get; set; } = TimeSpan.FromHours(1);
}

public static class AccountsSetup
{
    public const string AuthRateLimit = "auth";

    /// <summary>How long a session lasts without use (sliding).</summary>
    public const int SessionDays = 14;

    public static void AddVigieAccounts(this WebApplicationBuilder builder, VigieOptions vigie)
    {
        var services = builder.Services;
        services.Configure<AccountOptions>(builder.Configuration.GetSection(AccountOptions.Section));
        var accounts = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();

        services.AddIdentity<User, Role>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                // Identity's lockout serves only the admins' lock: failed sign-ins are throttled instead (SignInThrottling).
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<VigieDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrors>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.AddDataProtection().SetApplicationName("Vigie").PersistKeysToDbContext<VigieDbContext>();
        // The keys sit in the database beside the password hashes and sessions they protect, so encrypting them with a
        // secret kept elsewhere is left to the database's own protection (docs/security.md); said explicitly here, which
        // also keeps ASP.NET's "no XML encryptor configured" warning out of every first start.
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
            o.XmlEncryptor = new Microsoft.AspNetCore.DataProtection.XmlEncryption.NullXmlEncryptor());

        var development = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "vigie.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.ExpireTimeSpan = TimeSpan.FromDays(SessionDays);
            o.SlidingExpiration = true;
        });
        services.AddSingleton<SessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>((o, store) => o.SessionStore = store);
        services.AddScoped<MemberAccess>();
        services.AddScoped<Features.Accounts.SignInThrottling>();
        services.AddScoped<Features.Accounts.DecoyPassword>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vigie.af";
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.FormFieldName = "__jeton";
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            // Secure by default: an endpoint without [AllowAnonymous] needs a signed-in team member.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build());

        services.Configure<MvcOptions>(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Features.Exports.ExportsController.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(AuthRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = accounts.AuthRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        var email = builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (email.Mode.Equals("Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            var mailDirectory = Path.Combine(vigie.ResolveDataDirectory(builder.Environment.ContentRootPath), "mail");
            services.AddSingleton<IEmailSender>(sp => new PickupDirectoryEmailSender(
                sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<ILogger<PickupDirectoryEmailSender>>(), mailDirectory));
        }
    }
}

/// <summary>Identity's messages, in French.</summary>
public sealed class FrenchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"L'adresse {email} a déjà un compte." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"L'adresse {userName} a déjà un compte." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"L'adresse « {email} » n'est pas valide." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"L'adresse « {userName} » n'est pas valide." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Le mot de passe doit faire au moins {length} caractères." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Le mot de passe doit contenir au moins un chiffre." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Le mot de passe doit contenir au moins une lettre minuscule." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Le mot de passe doit contenir au moins une lettre majuscule." };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Le mot de passe doit contenir au moins un caractère spécial." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mot de passe incorrect." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Ce lien n'est plus valable. Demandez-en un nouveau." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Le compte a été modifié entre-temps. Réessayez." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Une erreur est survenue." };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"Le compte a déjà le rôle {role}." };
}
