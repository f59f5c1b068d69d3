using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Microsoft.Playwright.Assertions;

namespace Vigie.Tests.Browser;

/// <summary>The editing forms in a real browser: the journey without JavaScript, and axe on a phone and a laptop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditingJourneyTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    private static int _counter;

    private async Task<IPage> SignedInEditorAsync(Viewport viewport, bool javaScriptEnabled)
    {
        var email = $"navigateur-{Interlocked.Increment(ref _counter)}@example.org";
        await App.CreateAsync(email, Roles.Editor, "Éditrice Navigatrice");
        var page = await OpenPageAsync(viewport, javaScriptEnabled);
        await page.GotoAsync("/connexion?returnUrl=/edition/dossiers");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(TeamMembers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/edition/dossiers");
        return page;
    }

    /// <summary>Creates a case from the list page, going through the namesake choice; leaves the page on the new case.</summary>
    private static async Task CreateCaseAsync(IPage page, string title, Func<Task>? onAmbiguous = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau dossier" }).ClickAsync();
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Commune", new() { Exact = true }).FillAsync("saint-denis");
        await page.GetByLabel("Récit").FillAsync("Un fait sourcé[@1].");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Form.Municipality']")).ToContainTextAsync("Plusieurs communes correspondent");
        await Expect(page.GetByLabel("Récit")).ToHaveValueAsync("Un fait sourcé[@1].");
        if (onAmbiguous is not null)
        {
            await onAmbiguous();
        }
        await page.GetByRole(AriaRole.Radio, new() { Name = "Saint-Denis (93)" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Expect(page.Locator("#apercu .cite-unknown")).ToHaveTextAsync("[1 ?]");
        await Expect(page.GetByLabel("Commune", new() { Exact = true })).ToHaveValueAsync("Saint-Denis (93066)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/edition/dossiers/\d+$"));
        await Expect(page.Locator(".notice")).ToContainTextAsync("Dossier créé");
    }

    [Fact]
    public async Task Without_javascript_an_editor_creates_a_case_picks_a_namesake_commune_previews_and_adds_a_source()
    {
        var page = await SignedInEditorAsync(Viewport.Desktop, javaScriptEnabled: false);
        await CreateCaseAsync(page, "Caméras de Saint-Denis, sans JavaScript");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Parties du dossier" }).GetByRole(AriaRole.Link, new() { Name = "Sources" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une source" }).ClickAsync();
        await page.GetByLabel("Adresse (URL)").FillAsync("https://example.org/article");
        await page.GetByLabel("Titre").FillAsync("Un article");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une source" }).ClickAsync();
        await Expect(page.Locator(".part-list")).ToContainTextAsync("[1] « Un article »");

        await page.GetByRole(AriaRole.Link, new() { Name = "Historique" }).ClickAsync();
        await Expect(page.Locator(".revisions")).ToContainTextAsync("Source ajoutée");
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Editing_pages_have_no_serious_accessibility_violation(string viewport)
    {
        // axe runs as a script in the page; the pages themselves have none.
        var page = await SignedInEditorAsync(Viewport.Named(viewport), javaScriptEnabled: true);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await CreateCaseAsync(page, $"Caméras de Saint-Denis ({viewport})", () => Accessibility.AssertNoSeriousViolationsAsync(page));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, $"edition-dossier-{viewport}");

        var caseUrl = page.Url;
        await page.GotoAsync(caseUrl + "/sources/nouveau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une source" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Form.Url']")).Not.ToBeEmptyAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Adresse (URL)").FillAsync("https://example.org/article");
        await page.GetByLabel("Titre").FillAsync("Un article");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une source" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync(caseUrl + "/marches/nouveau");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync(caseUrl + "/historique");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, $"edition-historique-{viewport}");
    }
}
