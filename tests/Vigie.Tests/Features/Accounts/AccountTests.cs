using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Tests.Features.Accounts;

public sealed partial class AccountTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task A_member_signs_in_and_reaches_the_workspace()
    {
        await factory.CreateAsync("benevole-login@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("benevole-login@example.org");
        using var response = await client.GetAsync(new Uri("/espace", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal("Mon espace", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_french_and_recorded_in_the_journal()
    {
        var member = await factory.CreateAsync("mauvais-mot@example.org", Roles.Volunteer);
        using var client = factory.CreateCookieClient();
        using var attempt = await client.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = "mauvais-mot@example.org", ["Password"] = "mauvais-mot-de-passe-1" });
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Equal("Adresse ou mot de passe incorrect.", (await VigieFactory.ParseAsync(attempt)).QuerySelector(".form-errors")!.TextContent.Trim());
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.LoginFailed && a.TargetUserId == member.Id));
    }

    [Fact]
    public async Task Missing_fields_get_french_messages_next_to_them()
    {
        using var client = factory.CreateCookieClient();
        using var response = await client.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = "pas-une-adresse", ["Password"] = "" });
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal("Cette adresse électronique n'est pas valide.", page.QuerySelector("[data-valmsg-for='Email']")!.TextContent);
        Assert.Equal("Indiquez votre mot de passe.", page.QuerySelector("[data-valmsg-for='Password']")!.TextContent);
        Assert.Equal("pas-une-adresse", page.QuerySelector("input[name='Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_invitation_creates_an_account_with_its_role_and_works_only_once()
    {
        await factory.CreateAsync("editeur-invite@example.org", Roles.Editor);
        using var editor = await factory.SignedInClientAsync("editeur-invite@example.org");
        using var created = await editor.PostFormAsync("/equipe/invitations", "/equipe/invitations", new() { ["Role"] = Roles.Editor });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await VigieFactory.ParseAsync(await editor.GetAsync(new Uri("/equipe/invitations", UriKind.Relative)));
        var link = list.QuerySelector("#invitation-link")!.GetAttribute("value")!;
        var path = new Uri(link).AbsolutePath;

        using var newcomer = factory.CreateCookieClient();
        var form = await VigieFactory.ParseAsync(await newcomer.GetAsync(new Uri(path, UriKind.Relative)));
        Assert.Contains(Roles.Editor, form.QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
        using var asked = await newcomer.PostFormAsync(path, path, new()
        {
            ["Email"] = "nouvelle@example.org",
            ["DisplayName"] = "Nouvelle",
            ["NewPassword"] = "une-phrase-de-passe-2024",
            ["ConfirmPassword"] = "une-phrase-de-passe-2024",
        });
        Assert.Equal("Vérifiez votre messagerie", (await VigieFactory.ParseAsync(asked)).QuerySelector("h1")!.TextContent);
        var confirmation = factory.ConfirmationPath("nouvelle@example.org");
        using var confirmed = await newcomer.PostFormAsync(confirmation, confirmation.Split('?')[0], new() { ["Code"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + confirmation).Query)["code"]! });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/espace", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(new Uri("/espace", UriKind.Relative))).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByEmailAsync("nouvelle@example.org");
            Assert.Equal([Roles.Editor], await users.GetRolesAsync(user!));
        }

        using var again = factory.CreateCookieClient();
        using var reused = await again.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
    }

    [Fact]
    public async Task An_invitation_does_not_reveal_whether_the_address_has_an_account()
    {
        await factory.CreateAsync("editeur-discret@example.org", Roles.Editor);
        await factory.CreateAsync("deja-membre@example.org", Roles.Volunteer, "Déjà membre");
        using var editor = await factory.SignedInClientAsync("editeur-discret@example.org");
        var answers = new List<string>();
        foreach (var address in new[] { "deja-membre@example.org", "pas-encore@example.org" })
        {
            using var created = await editor.PostFormAsync("/equipe/invitations", "/equipe/invitations", new() { ["Role"] = Roles.Volunteer });
            var list = await VigieFactory.ParseAsync(await editor.GetAsync(new Uri("/equipe/invitations", UriKind.Relative)));
            var path = new Uri(list.QuerySelector("#invitation-link")!.GetAttribute("value")!).AbsolutePath;
            using var client = factory.CreateCookieClient();
            using var asked = await client.PostFormAsync(path, path, new()
            {
                ["Email"] = address,
                ["DisplayName"] = "Curieux",
                ["NewPassword"] = "une-phrase-de-passe-2025",
                ["ConfirmPassword"] = "une-phrase-de-passe-2025",
            });
            var page = await VigieFactory.ParseAsync(asked);
            answers.Add($"{(int)asked.StatusCode} {page.QuerySelector("main")!.TextContent.Replace(address, "…", StringComparison.Ordinal)}");
        }
        Assert.Equal(answers[0], answers[1]);
        Assert.StartsWith("200", answers[0], StringComparison.Ordinal);
        // The owner is told by mail, and keeps their account as it was.
        Assert.Contains("a déjà un compte", factory.MailsTo("deja-membre@example.org").Last(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == "deja-membre@example.org"));
        Assert.Equal("Déjà membre", await db.Users.Where(u => u.Email == "deja-membre@example.org").Select(u => u.DisplayName).SingleAsync());
    }

    [Fact]
    public async Task An_editor_cannot_invite_an_admin_and_a_volunteer_cannot_invite()
    {
        await factory.CreateAsync("editeur-limite@example.org", Roles.Editor);
        using var editor = await factory.SignedInClientAsync("editeur-limite@example.org");
        using var refused = await editor.PostFormAsync("/equipe/invitations", "/equipe/invitations", new() { ["Role"] = Roles.Admin });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Vous ne pouvez pas inviter quelqu'un avec ce rôle.", (await VigieFactory.ParseAsync(refused)).QuerySelector("#Role-error, .field-error")!.TextContent.Trim());

        await factory.CreateAsync("benevole-invite@example.org", Roles.Volunteer);
        using var volunteer = await factory.SignedInClientAsync("benevole-invite@example.org");
        using var denied = await volunteer.GetAsync(new Uri("/equipe/invitations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/acces-refuse", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_goes_through_an_emailed_single_use_link()
    {
        await factory.CreateAsync("oubli@example.org", Roles.Volunteer, "Camille");
        using var client = factory.CreateCookieClient();
        using var asked = await client.PostFormAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", new() { ["Email"] = "oubli@example.org" });
        Assert.Equal("Vérifiez votre messagerie", (await VigieFactory.ParseAsync(asked)).QuerySelector("h1")!.TextContent);

        var mail = Directory.GetFiles(factory.MailDirectory, "*.eml")
            .Select(File.ReadAllText).Single(m => m.Contains("oubli@example.org", StringComparison.Ordinal));
        var link = ResetLink().Match(MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail))).TextBody ?? "").Value;
        var path = new Uri(link).PathAndQuery;

        using var reset = await client.PostFormAsync(path, "/mot-de-passe/reinitialiser", new()
        {
            ["Email"] = "oubli@example.org",
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["jeton"]!,
            ["NewPassword"] = "nouvelle-phrase-secrete-7",
            ["ConfirmPassword"] = "nouvelle-phrase-secrete-7",
        });
        Assert.Equal("Mot de passe changé", (await VigieFactory.ParseAsync(reset)).QuerySelector("h1")!.TextContent);
        using var signedIn = await factory.SignedInClientAsync("oubli@example.org", "nouvelle-phrase-secrete-7");

        using var replay = await client.PostFormAsync(path, "/mot-de-passe/reinitialiser", new()
        {
            ["Email"] = "oubli@example.org",
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["jeton"]!,
            ["NewPassword"] = "encore-une-autre-phrase-8",
            ["ConfirmPassword"] = "encore-une-autre-phrase-8",
        });
        Assert.Contains("n'est plus valable", (await VigieFactory.ParseAsync(replay)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reset_form_does_not_reveal_whether_an_account_exists()
    {
        using var client = factory.CreateCookieClient();
        using var unknown = await client.PostFormAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", new() { ["Email"] = "personne@example.org" });
        var page = await VigieFactory.ParseAsync(unknown);
        Assert.Equal("Vérifiez votre messagerie", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Sign_up_is_closed_by_default()
    {
        using var client = factory.CreateCookieClient();
        using var response = await client.GetAsync(new Uri("/inscription", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Admins_change_roles_and_every_change_is_in_the_journal()
    {
        await factory.CreateAsync("admin-roles@example.org", Roles.Admin);
        var target = await factory.CreateAsync("promue@example.org", Roles.Volunteer, "Promue");
        using var admin = await factory.SignedInClientAsync("admin-roles@example.org");
        using var changed = await admin.PostFormAsync("/admin/utilisateurs", $"/admin/utilisateurs/{target.Id}/role", new() { ["role"] = Roles.Editor });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var journal = await VigieFactory.ParseAsync(await admin.GetAsync(new Uri("/admin/journal", UriKind.Relative)));
        Assert.Contains(journal.QuerySelectorAll("tbody tr"), row =>
            row.TextContent.Contains("Rôle changé", StringComparison.Ordinal) && row.TextContent.Contains("Promue", StringComparison.Ordinal)
            && row.TextContent.Contains("Bénévole → Éditeur", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Team_names_and_emails_never_reach_public_pages()
    {
        var member = await factory.CreateAsync("secret-nom@example.org", Roles.Volunteer, "Nom Très Privé");
        await using (var db = factory.CreateDbContext())
        {
            var elancourt = await db.Cases.SingleAsync(c => c.Slug == "elancourt");
            elancourt.CreatedById = member.Id;
            await db.SaveChangesAsync();
        }
        await factory.EvictCacheAsync();
        foreach (var path in new[] { "/", "/dossiers", "/dossiers/elancourt", "/communes/78208", "/prestataires/genetec" })
        {
            var html = await (await factory.CreateBrowserlessClient().GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Nom Très Privé", html, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-nom@example.org", html, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"https?://\S+/mot-de-passe/reinitialiser\?\S+")]
    private static partial Regex ResetLink();
}

/// <summary>The app with the real login rate limit (10 per minute per address).</summary>
public sealed class RateLimitedFactory : VigieFactory
{
    protected override int AuthRequestsPerMinute => 10;
}

public sealed class LoginRateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task The_login_form_answers_429_after_ten_posts_a_minute()
    {
        using var client = factory.CreateCookieClient();
        var token = await TeamMembers.AntiforgeryTokenAsync(client, "/connexion");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            // A new email each time: the per-account throttle (SignInThrottlingTests) would answer 429 after five.
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = $"x{i}@example.org", ["Password"] = "y", ["__jeton"] = token });
            using var response = await client.PostAsync(new Uri("/connexion", UriKind.Relative), content);
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}
