using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vigie.Tests.Features.Documents;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Microsoft.Playwright.Assertions;

namespace Vigie.Tests.Browser;

/// <summary>
/// A volunteer uploads the reply to one of their requests (a CADA request of a case they created: the request
/// tracker's own pages come with its branch), sees it processed, opens it, and finds a word of it with the search.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentJourneyTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_volunteer_uploads_a_reply_sees_it_processed_opens_it_and_finds_a_word_of_it(string viewport)
    {
        var email = $"journee-documents-{viewport}@example.org";
        var volunteer = await App.CreateAsync(email, Roles.Volunteer);
        var draft = await App.CreateDraftCaseAsync(volunteer.Id, $"videosurveillance-lyon-{viewport}");
        await using (var db = App.CreateDbContext())
        {
            var lyon = await db.PublicBodies.SingleAsync(b => b.Kind == PublicBodyKind.Commune && b.Municipality!.InseeCode == "69123");
            db.CadaRequests.Add(new CadaRequest
            {
                CaseId = draft.Id, PublicBody = lyon, RequesterId = volunteer.Id, Subject = "Marché de caméras nomades", SentOn = new DateOnly(2025, 1, 6),
                RequestedDocuments = [new RequestedDocument { Title = "Marché de caméras nomades", Position = 1 }],
            });
            await db.SaveChangesAsync();
        }

        var page = await OpenPageAsync(Viewport.Named(viewport));
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(TeamMembers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/espace");

        await page.GetByRole(AriaRole.Link, new() { Name = "Documents rechercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter des documents" }).ClickAsync();
        await page.GetByLabel("Dossier").SelectOptionAsync(new SelectOptionValue { Label = $"Dossier {draft.Slug} (Brouillon)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ajouter des documents");
        // The form knows the case; the reply belongs to its request, which the address names.
        int requestId;
        await using (var db = App.CreateDbContext())
        {
            requestId = db.CadaRequests.Single(r => r.CaseId == draft.Id).Id;
        }
        await page.GotoAsync($"/documents/ajouter?dossier={draft.Id}&demande={requestId}");
        await Expect(page.Locator(".lede")).ToContainTextAsync("Marché de caméras nomades");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, $"{nameof(DocumentJourneyTests)}-upload-form");

        await page.GetByLabel("Date de réception").FillAsync("2025-02-03");
        var row = page.Locator("fieldset").First;
        await row.GetByLabel("Fichier", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "réponse métropole.pdf",
            MimeType = "application/pdf",
            Buffer = TestFiles.Pdf("Madame, vous trouverez ci-joint le marché.", "Article 2 : huit caméras nomades équipées d'un dispositif de tourelle pivotante."),
        });
        await row.GetByLabel("Titre").FillAsync("Réponse de la Métropole");
        await row.GetByLabel("Nature").SelectOptionAsync(new SelectOptionValue { Label = "Courrier" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les documents" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Réponse de la Métropole");
        await Expect(page.Locator(".provenance")).ToContainTextAsync("Obtenu le 3 février 2025 en réponse à la demande");
        await App.WaitForProcessingAsync();
        await page.ReloadAsync();
        await Expect(page.Locator(".processing")).ToHaveCountAsync(0);
        await Expect(page.Locator("#page-2")).ToContainTextAsync("tourelle pivotante");
        await Expect(page.Locator(".thumbnails img")).ToHaveCountAsync(2);
        await Expect(page.Locator(".thumbnails img").First).ToHaveJSPropertyAsync("naturalWidth", 320);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, $"{nameof(DocumentJourneyTests)}-document");

        var open = page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le PDF" });
        await Expect(open).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/documents/\\d+/fichier$"));
        var file = await page.APIRequest.GetAsync(await open.GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", file.Headers["content-type"]);
        Assert.Equal("nosniff", file.Headers["x-content-type-options"]);
        var download = await page.APIRequest.GetAsync((await open.GetAttributeAsync("href"))!.Replace("/fichier", "/telecharger", StringComparison.Ordinal));
        Assert.StartsWith("sandbox;", download.Headers["content-security-policy"], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Documents", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Rechercher dans le texte des documents").FillAsync("tourelles pivotantes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        var result = page.Locator(".search-results > li");
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result.Locator("h3")).ToHaveTextAsync("Réponse de la Métropole");
        await Expect(result.Locator("mark").First).ToHaveTextAsync("tourelle");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, $"{nameof(DocumentJourneyTests)}-search");
        await result.GetByRole(AriaRole.Link, new() { Name = "Page 2" }).ClickAsync();
        await Expect(page.Locator("#page-2")).ToBeInViewportAsync();
    }
}
