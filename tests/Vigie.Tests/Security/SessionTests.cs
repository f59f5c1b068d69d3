using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Tests.Security;

/// <summary>Sessions end when the rights behind them do: from the very next request, whatever cookie is replayed.</summary>
public sealed class SessionTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task A_demoted_editor_loses_the_editor_pages_on_the_next_request()
    {
        await factory.CreateAsync("admin-retrograde@example.org", Roles.Admin);
        var editor = await factory.CreateAsync("editeur-retrograde@example.org", Roles.Editor);
        using var editorClient = await factory.SignedInClientAsync("editeur-retrograde@example.org");
        Assert.Equal("200", await OutcomeAsync(editorClient, "/equipe/invitations"));

        using var admin = await factory.SignedInClientAsync("admin-retrograde@example.org");
        using var demoted = await admin.PostFormAsync("/admin/utilisateurs", $"/admin/utilisateurs/{editor.Id}/role", new() { ["role"] = Roles.Volunteer });
        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);

        Assert.Equal("login", await OutcomeAsync(editorClient, "/equipe/invitations"));
        // Signing in again from the same browser, the ended session's cookie still in it, gives a new session with the new role.
        using var again = await editorClient.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = "editeur-retrograde@example.org", ["Password"] = TeamMembers.Password });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("denied", await OutcomeAsync(editorClient, "/equipe/invitations"));
        Assert.Equal("200", await OutcomeAsync(editorClient, "/espace"));
    }

    [Fact]
    public async Task An_invitation_from_a_since_demoted_editor_no_longer_works()
    {
        await factory.CreateAsync("admin-invitations@example.org", Roles.Admin);
        var editor = await factory.CreateAsync("editeur-invitations@example.org", Roles.Editor);
        using var editorClient = await factory.SignedInClientAsync("editeur-invitations@example.org");
        using var created = await editorClient.PostFormAsync("/equipe/invitations", "/equipe/invitations", new() { ["Role"] = Roles.Editor });
        var list = await VigieFactory.ParseAsync(await editorClient.GetAsync(new Uri("/equipe/invitations", UriKind.Relative)));
        var path = new Uri(list.QuerySelector("#invitation-link")!.GetAttribute("value")!).AbsolutePath;
        using var anonymous = factory.CreateCookieClient();
        Assert.Equal("200", await OutcomeAsync(anonymous, path));

        using var admin = await factory.SignedInClientAsync("admin-invitations@example.org");
        using var demoted = await admin.PostFormAsync("/admin/utilisateurs", $"/admin/utilisateurs/{editor.Id}/role", new() { ["role"] = Roles.Volunteer });

        Assert.Equal("410", await OutcomeAsync(anonymous, path));
        await using var db = factory.CreateDbContext();
        Assert.All(await db.Invitations.Where(i => i.CreatedById == editor.Id).ToListAsync(), i => Assert.NotNull(i.RevokedAt));
    }

    [Fact]
    public async Task An_invitation_is_refused_when_its_author_may_no_longer_give_it_however_the_role_changed()
    {
        // A role changed outside the admin pages (by hand in the database): the invitation is not revoked, but refused.
        var author = await factory.CreateAsync("auteur-sans-droit@example.org", Roles.Volunteer);
        var token = Tokens.New();
        await using (var db = factory.CreateDbContext())
        {
            db.Invitations.Add(new Invitation { TokenHash = Tokens.Hash(token), Role = Roles.Editor, CreatedById = author.Id, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(7) });
            await db.SaveChangesAsync();
        }
        using var anonymous = factory.CreateCookieClient();
        Assert.Equal("410", await OutcomeAsync(anonymous, $"/invitation/{token}"));
    }

    [Fact]
    public async Task A_locked_member_is_signed_out_on_the_next_request_and_cannot_sign_in()
    {
        await factory.CreateAsync("admin-verrou@example.org", Roles.Admin);
        var member = await factory.CreateAsync("membre-verrou@example.org", Roles.Editor);
        using var memberClient = await factory.SignedInClientAsync("membre-verrou@example.org");
        Assert.Equal("200", await OutcomeAsync(memberClient, "/espace"));
        using var created = await memberClient.PostFormAsync("/equipe/invitations", "/equipe/invitations", new() { ["Role"] = Roles.Volunteer });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var admin = await factory.SignedInClientAsync("admin-verrou@example.org");
        using var locked = await admin.PostFormAsync("/admin/utilisateurs", $"/admin/utilisateurs/{member.Id}/verrouiller", []);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        Assert.Equal("login", await OutcomeAsync(memberClient, "/espace"));
        using var retry = factory.CreateCookieClient();
        using var refused = await retry.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = "membre-verrou@example.org", ["Password"] = TeamMembers.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.All(await db.Invitations.Where(i => i.CreatedById == member.Id).ToListAsync(), i => Assert.NotNull(i.RevokedAt));
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused_and_other_sessions_go_on()
    {
        await factory.CreateAsync("sortie@example.org", Roles.Volunteer);
        using var laptop = await factory.SignedInClientAsync("sortie@example.org");
        using var phone = await factory.SignedInClientAsync("sortie@example.org");
        var copied = await CookieAsync(laptop);

        using var signedOut = await laptop.PostFormAsync("/espace", "/deconnexion", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal("login", await ReplayAsync(copied, "/espace"));
        Assert.Equal("200", await OutcomeAsync(phone, "/espace"));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_renews_this_one()
    {
        await factory.CreateAsync("nouveau-secret@example.org", Roles.Volunteer);
        using var laptop = await factory.SignedInClientAsync("nouveau-secret@example.org");
        using var phone = await factory.SignedInClientAsync("nouveau-secret@example.org");
        var before = await CookieAsync(laptop);

        using var changed = await laptop.PostFormAsync("/compte/mot-de-passe", "/compte/mot-de-passe", new()
        {
            ["CurrentPassword"] = TeamMembers.Password,
            ["NewPassword"] = "une-toute-nouvelle-phrase-9",
            ["ConfirmPassword"] = "une-toute-nouvelle-phrase-9",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal("200", await OutcomeAsync(laptop, "/espace"));
        Assert.Equal("login", await OutcomeAsync(phone, "/espace"));
        Assert.Equal("login", await ReplayAsync(before, "/espace"));
    }

    private static async Task<string> OutcomeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return AuthorizationMatrixTests.Outcome(response);
    }

    /// <summary>The Cookie header the client sends, as someone who copied it would replay it.</summary>
    private static async Task<string> CookieAsync(HttpClient client)
    {
        using var probe = await client.GetAsync(new Uri("/espace", UriKind.Relative));
        return string.Join("; ", probe.RequestMessage!.Headers.GetValues("Cookie"));
    }

    private async Task<string> ReplayAsync(string cookie, string path)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return AuthorizationMatrixTests.Outcome(response);
    }
}
