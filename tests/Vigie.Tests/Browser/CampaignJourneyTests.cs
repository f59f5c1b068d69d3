using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Microsoft.Playwright.Assertions;

namespace Vigie.Tests.Browser;

/// <summary>
/// An editor launches a campaign to the large communes of Yvelines, previews and creates its requests, records their
/// sending at once; two volunteers claim targets; one records a reply; the campaign page counts it. Without JavaScript,
/// as a person on a locked-down browser would; then axe and screenshots at phone and laptop widths.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CampaignJourneyTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    private const string Editor = "campagne-parcours@example.org";
    private const string Alice = "alice-parcours@example.org";
    private const string Bruno = "bruno-parcours@example.org";

    [Fact]
    public async Task An_editor_creates_a_campaign_for_a_department_volunteers_claim_targets_and_a_reply_shows_in_the_counts()
    {
        await App.CreateAsync(Editor, Roles.Editor, "Élise Organisatrice");
        await App.CreateAsync(Alice, Roles.Volunteer, "Alice");
        await App.CreateAsync(Bruno, Roles.Volunteer, "Bruno");
        App.SetToday(new DateOnly(2026, 3, 2));

        // The editor writes the campaign.
        var editor = await OpenPageAsync(Viewport.Desktop, javaScriptEnabled: false);
        await SignInAsync(editor, Editor, "/campagnes/nouvelle");
        await editor.GetByLabel("Titre").FillAsync("Vidéoprotection dans les Yvelines");
        await editor.GetByLabel("Présentation (Markdown)").FillAsync("Les **contrats** de vidéoprotection des communes de plus de 10 000 habitants.");
        await editor.GetByLabel("Objet des demandes").FillAsync("Contrats de vidéoprotection et leurs annexes");
        await editor.GetByLabel("Documents demandés, un par ligne").FillAsync("Marchés de vidéoprotection en cours (acte d'engagement, CCAP, CCTP)\nAvenants et bons de commande");
        await editor.GetByLabel("Paragraphe propre à la campagne (facultatif)").FillAsync("La même demande est adressée à toutes les communes des Yvelines de plus de 10 000 habitants.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Créer la campagne" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choisir les cibles");

        // Targets: a department and a population floor, previewed, then added.
        await editor.GetByLabel("Département").SelectOptionAsync("78");
        await editor.GetByLabel("Population, au moins").FillAsync("10 000");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Expect(editor.Locator("#h-apercu")).ToHaveTextAsync("Aperçu : 42 organismes correspondent");
        await Expect(editor.Locator(".preview-list")).ToContainTextAsync("Commune de Versailles");
        await Expect(editor.GetByLabel("Population, au moins")).ToHaveValueAsync("10 000");
        await ScreenshotAsync(editor, "campaign-targets-preview");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ajouter ces cibles" }).ClickAsync();
        await Expect(editor.Locator(".notice")).ToContainTextAsync("42 cibles ajoutées");

        // The requests are created in the background; the progress page leads back to the campaign.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Créer les 42 demandes" }).ClickAsync();
        await Expect(editor.Locator(".notice")).ToContainTextAsync("42 demandes créées", new() { Timeout = 60_000 });
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vidéoprotection dans les Yvelines");
        var campaignUrl = new Uri(editor.Url).AbsolutePath;
        await Expect(editor.Locator(".stage-legend")).ToContainTextAsync("À envoyer 42");

        // All sent on one date.
        await editor.GetByLabel("Date d'envoi").FillAsync("20/02/2026");
        await editor.GetByLabel("toutes les demandes pas encore envoyées").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'envoi" }).ClickAsync();
        await Expect(editor.Locator(".notice")).ToHaveTextAsync("Envoi du 20 février 2026 enregistré pour 42 demandes.");

        // Two volunteers share some targets out.
        var alice = await OpenPageAsync(Viewport.Desktop, javaScriptEnabled: false);
        await SignInAsync(alice, Alice, campaignUrl);
        await alice.GetByRole(AriaRole.Button, new() { Name = "Réserver la demande à Commune de Versailles" }).ClickAsync();
        await Expect(alice.Locator(".notice")).ToContainTextAsync("Vous avez réservé la demande à Commune de Versailles");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Réserver la demande à Commune d'Élancourt" }).ClickAsync();
        var bruno = await OpenPageAsync(Viewport.Desktop, javaScriptEnabled: false);
        await SignInAsync(bruno, Bruno, campaignUrl);
        await bruno.GetByRole(AriaRole.Button, new() { Name = "Réserver la demande à Commune de Poissy" }).ClickAsync();
        await Expect(bruno.Locator(".notice")).ToContainTextAsync("Vous avez réservé la demande à Commune de Poissy");
        await Expect(bruno.GetByRole(AriaRole.Button, new() { Name = "Réserver la demande à Commune de Versailles" })).ToHaveCountAsync(0);
        await Expect(bruno.Locator("tr", new() { HasText = "Commune de Versailles" })).ToContainTextAsync("Réservée");
        await bruno.GotoAsync("/demandes");
        await Expect(bruno.Locator("table.requests").First).ToContainTextAsync("Commune de Poissy");

        // Alice records Versailles' reply: the contract, but not its amendments.
        await alice.GotoAsync("/demandes?campagne=" + campaignUrl.Split('/').Last());
        await Expect(alice.Locator("table.requests").First).ToContainTextAsync("Commune de Versailles");
        await Expect(alice.Locator("table.requests").First).ToContainTextAsync("Commune d'Élancourt");
        await alice.GotoAsync(campaignUrl);
        await alice.Locator("tr", new() { HasText = "Commune de Versailles" }).GetByRole(AriaRole.Link, new() { Name = "Commune de Versailles" }).ClickAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Réponse de l'administration" }).ClickAsync();
        await alice.GetByLabel("Date").FillAsync("27/02/2026");
        await alice.Locator("#doc-1-status").SelectOptionAsync("Refused");
        await alice.Locator("#doc-1-ground").SelectOptionAsync("BusinessSecret");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(alice.Locator(".request-page .badge").First).ToContainTextAsync("Réponse partielle");

        // The campaign page counts it.
        await editor.GotoAsync(campaignUrl);
        await Expect(editor.Locator(".state-counts")).ToContainTextAsync("Réponse partielle 1");
        await Expect(editor.Locator(".state-counts")).ToContainTextAsync("Envoyée 41");
        await Expect(editor.Locator(".stage-legend")).ToContainTextAsync("Refus : suite à donner 1");
        await Expect(editor.Locator(".stage-legend")).ToContainTextAsync("En attente de réponse 41");
        await Expect(editor.Locator("#resultats")).ToContainTextAsync("secret des affaires (art. L311-6 CRPA) : 1 organisme");
        await Expect(editor.Locator("tr", new() { HasText = "Commune de Versailles" })).ToContainTextAsync("Réservée par Alice");
        await Expect(editor.Locator("svg.france-map a.dept[data-code='78']")).ToHaveAttributeAsync("data-targets", "42");

        // Launched, the campaign is public: a visitor sees the counts, not the volunteers.
        await editor.GetByRole(AriaRole.Link, new() { Name = "Modifier" }).ClickAsync();
        await editor.GetByLabel("État de la campagne").SelectOptionAsync("Running");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        var visitor = await OpenPageAsync(Viewport.Desktop, javaScriptEnabled: false);
        await visitor.GotoAsync(campaignUrl);
        await Expect(visitor.Locator(".state-counts")).ToContainTextAsync("Réponse partielle 1");
        await Expect(visitor.Locator("body")).Not.ToContainTextAsync("Alice");

        foreach (var viewport in Viewport.All)
        {
            var page = await OpenPageAsync(viewport);
            await SignInAsync(page, Editor, campaignUrl);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await ScreenshotAsync(page, "campaign-organiser");
            foreach (var path in new[] { $"{campaignUrl}/cibles", $"{campaignUrl}/modifier", "/campagnes" })
            {
                await page.GotoAsync(path);
                await Accessibility.AssertNoSeriousViolationsAsync(page);
            }
            await page.GotoAsync($"{campaignUrl}/cibles");
            await ScreenshotAsync(page, "campaign-targets");

            var volunteer = await OpenPageAsync(viewport);
            await SignInAsync(volunteer, Alice, campaignUrl);
            await Accessibility.AssertNoSeriousViolationsAsync(volunteer);
            await ScreenshotAsync(volunteer, "campaign-volunteer");

            var anonymous = await OpenPageAsync(viewport);
            await anonymous.GotoAsync(campaignUrl);
            await Accessibility.AssertNoSeriousViolationsAsync(anonymous);
            await ScreenshotAsync(anonymous, "campaign-public");
            await anonymous.GotoAsync("/campagnes");
            await Accessibility.AssertNoSeriousViolationsAsync(anonymous);
            await ScreenshotAsync(anonymous, "campaigns-list");
        }
    }

    /// <summary>Signs in (campaign pages are public, so they do not send visitors to the login form by themselves) and opens the path.</summary>
    private static async Task SignInAsync(IPage page, string email, string path)
    {
        await page.GotoAsync($"/connexion?ReturnUrl={Uri.EscapeDataString(path)}");
        if (new Uri(page.Url).AbsolutePath != "/connexion")
        {
            await page.GotoAsync(path);
        }
        else
        {
            await page.GetByLabel("Adresse électronique").FillAsync(email);
            await page.GetByLabel("Mot de passe").FillAsync(TeamMembers.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(new Uri(new Uri("http://x"), path).AbsolutePath) + "$"));
        }
    }
}
