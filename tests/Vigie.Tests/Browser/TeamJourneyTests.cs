using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Microsoft.Playwright.Assertions;

namespace Vigie.Tests.Browser;

/// <summary>The team at work in real browsers: an invitation to publication, and two people editing at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamJourneyTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    private static async Task SignInAsync(IPage page, string email, string password, string returnUrl)
    {
        await page.GotoAsync($"/connexion?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl);
    }

    [Fact]
    public async Task An_admin_invites_an_editor_who_publishes_a_cited_case_that_a_visitor_then_reads()
    {
        await App.CreateAsync("admin-parcours@example.org", Roles.Admin, "Admine");
        var admin = await OpenPageAsync();
        await SignInAsync(admin, "admin-parcours@example.org", TeamMembers.Password, "/equipe/invitations");
        await admin.GetByLabel("Rôle").SelectOptionAsync(Roles.Editor);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le lien" }).ClickAsync();
        var link = await admin.Locator("#invitation-link").InputValueAsync();

        var editor = await OpenPageAsync();
        await editor.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(editor.Locator(".lede")).ToContainTextAsync(Roles.Editor);
        await editor.GetByLabel("Adresse électronique").FillAsync("editrice-invitee@example.org");
        await editor.GetByLabel("Nom affiché dans l'équipe (jamais publié)").FillAsync("Éditrice invitée");
        await editor.GetByLabel("Nouveau mot de passe").FillAsync("une-phrase-de-passe-2026");
        await editor.GetByLabel("Confirmation du mot de passe").FillAsync("une-phrase-de-passe-2026");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(editor.Locator("h1")).ToHaveTextAsync("Vérifiez votre messagerie");
        await editor.GotoAsync(App.ConfirmationPath("editrice-invitee@example.org"));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await editor.WaitForURLAsync("**/espace");

        // A case on a commune that has none yet, with a source the narrative cites.
        await editor.GotoAsync("/edition/dossiers/nouveau");
        await editor.GetByLabel("Titre", new() { Exact = true }).FillAsync("Aubervilliers : caméras nomades");
        await editor.GetByLabel("Commune", new() { Exact = true }).FillAsync("93001");
        await editor.GetByLabel("Résumé").FillAsync("La commune loue des caméras nomades.");
        await editor.GetByLabel("Récit").FillAsync("Le conseil municipal a voté la location[@1].");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/edition/dossiers/\d+$"));
        var caseUrl = new Uri(editor.Url).AbsolutePath;
        await editor.GotoAsync(caseUrl + "/sources/nouveau");
        await editor.GetByLabel("Adresse (URL)").FillAsync("https://example.org/deliberation");
        await editor.GetByLabel("Titre").FillAsync("Délibération sur les caméras nomades");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ajouter une source" }).ClickAsync();
        await editor.GotoAsync(caseUrl);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Proposer à la publication" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        await Expect(editor.Locator(".notice")).ToBeVisibleAsync();

        var visitor = await OpenPageAsync(Viewport.Phone);
        await visitor.GotoAsync("/communes/93001");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Aubervilliers : caméras nomades" }).ClickAsync();
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Aubervilliers : caméras nomades");
        await visitor.Locator(".prose sup.cite a").ClickAsync();
        await visitor.WaitForURLAsync("**#source-1");
        await Expect(visitor.Locator("#source-1")).ToContainTextAsync("Délibération sur les caméras nomades");
        await Expect(visitor.Locator("body")).Not.ToContainTextAsync("Éditrice invitée");
        await ScreenshotAsync(visitor);
    }

    [Fact]
    public async Task The_second_of_two_simultaneous_editors_gets_the_conflict_page_with_both_versions()
    {
        await App.CreateAsync("editeur-un@example.org", Roles.Editor, "Premier Éditeur");
        await App.CreateAsync("editeur-deux@example.org", Roles.Editor, "Seconde Éditrice");
        int id;
        await using (var db = App.CreateDbContext())
        {
            id = db.Cases.Single(c => c.Slug == "elancourt").Id;
        }
        var first = await OpenPageAsync();
        var second = await OpenPageAsync();
        await SignInAsync(first, "editeur-un@example.org", TeamMembers.Password, $"/edition/dossiers/{id}");
        await SignInAsync(second, "editeur-deux@example.org", TeamMembers.Password, $"/edition/dossiers/{id}");

        await first.GetByLabel("Résumé").FillAsync("Résumé revu par le premier éditeur.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(first.Locator(".notice")).ToBeVisibleAsync();

        await second.GetByLabel("Résumé").FillAsync("Résumé revu, en même temps, par la seconde éditrice.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        var conflict = second.Locator(".conflict");
        await Expect(conflict).ToContainTextAsync("Modification concurrente");
        await Expect(conflict).ToContainTextAsync("Premier Éditeur");
        // The other person's change, as a word diff of the summary.
        await Expect(conflict.Locator("ins").First).ToBeVisibleAsync();
        Assert.Contains("premier", string.Join(' ', await conflict.Locator("ins").AllTextContentsAsync()), StringComparison.Ordinal);
        await Expect(second.GetByLabel("Résumé")).ToHaveValueAsync("Résumé revu, en même temps, par la seconde éditrice.");
        await ScreenshotAsync(second);

        await using var check = App.CreateDbContext();
        Assert.Equal("Résumé revu par le premier éditeur.", check.Cases.Single(c => c.Id == id).Summary);
    }
}
