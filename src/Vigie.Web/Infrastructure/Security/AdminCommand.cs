using Microsoft.AspNetCore.Identity;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Security;

/// <summary>
/// <c>admin create --email a@b.fr [--name "Nom"] [--password-stdin]</c>: creates (or promotes) an admin.
/// Without --password-stdin a one-time password is printed and must be changed at first login.
/// </summary>
public static class AdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        if (args.Length < 2 || args[1] != "create")
        {
            await output.WriteLineAsync("Usage : admin create --email adresse@exemple.fr [--name \"Nom affiché\"] [--password-stdin]");
            return 2;
        }
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            await output.WriteLineAsync("Indiquez une adresse valide avec --email.");
            return 2;
        }
        var name = Option(args, "--name") ?? email.Split('@')[0];
        var fromStdin = args.Contains("--password-stdin");
        var password = fromStdin ? (await input.ReadLineAsync())?.Trim() : Tokens.NewPassword();
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("Aucun mot de passe lu sur l'entrée standard.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow(), MustChangePassword = !fromStdin };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await output.WriteLineAsync("Création impossible : " + string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }
            audit.Record(AuditActions.AccountCreated, null, user.Id, "Créé en ligne de commande, rôle Admin");
        }
        else
        {
            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            // Sessions hold the old role: the member signs in again to get the new one.
            await scope.ServiceProvider.GetRequiredService<MemberAccess>().EndSessionsAsync(user);
            audit.Record(AuditActions.RoleChanged, null, user.Id, "Promu Admin en ligne de commande");
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        await db.SaveChangesAsync();
        await output.WriteLineAsync(fromStdin
            ? $"Compte administrateur prêt : {email}."
            : $"Compte administrateur prêt : {email}\nMot de passe à usage unique (à changer à la première connexion) : {password}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
