using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Microsoft.Playwright.Assertions;

namespace Vigie.Tests.Browser;

/// <summary>
/// A volunteer logs a request and follows it through the weeks: the test moves the app's clock (no waiting), records
/// each step as a person would, reads the computed deadlines and downloads both letters.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RequestJourneyTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    private const string Email = "parcours@example.org";

    [Fact]
    public async Task A_volunteer_follows_a_request_from_sending_to_the_cada_opinion_and_downloads_both_letters()
    {
        var user = await App.CreateAsync(Email, Roles.Volunteer, "Sam");
        await using (var db = App.CreateDbContext())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            (stored.FirstNames, stored.Surname, stored.PostalAddress) = ("Samuel", "Parcours", "3 rue du Test\n69001 Lyon");
            await db.SaveChangesAsync();
        }
        App.SetToday(new DateOnly(2019, 9, 10));
        var page = await OpenPageAsync(Viewport.Desktop, javaScriptEnabled: false);
        await SignInAsync(page, "/demandes/nouvelle");

        // The request: find the body, describe the documents, say when it left.
        await page.GetByLabel("Chercher un organisme").FillAsync("lyon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Commune de Lyon", Exact = true }).ClickAsync();
        await page.GetByLabel("Objet de la demande").FillAsync("Marché de vidéoprotection 2019");
        await page.GetByLabel("Documents demandés, un par ligne").FillAsync("Acte d'engagement du marché n° 2019-07\nCahier des clauses techniques particulières");
        await page.GetByLabel("Date d'envoi, si la demande est déjà partie (facultatif)").FillAsync("30/08/2019");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la demande" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Marché de vidéoprotection 2019");
        var requestUrl = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "Réception par l'administration" }).ClickAsync();
        await page.GetByLabel("Date").FillAsync("2 septembre 2019");
        await page.GetByLabel("Le courrier mentionne les voies et délais de recours").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator(".next-action")).ToHaveTextAsync("Attendre la réponse de l'administration jusqu'au 2 octobre 2019.");

        // A month of silence later: the implied refusal is born and the referral deadline runs.
        App.SetToday(new DateOnly(2019, 10, 10));
        await SignInAsync(page, requestUrl);
        await Expect(page.Locator(".request-page .badge").First).ToHaveTextAsync("Saisine CADA à faire avant le 2 décembre 2019");
        await Expect(page.Locator("#echeances")).ToContainTextAsync(
            "Refus implicite le 2 octobre 2019 : un mois sans réponse après réception le 2 septembre (art. R311-13 CRPA).");
        await Expect(page.Locator("#echeances")).ToContainTextAsync("Saisine de la CADA avant le 2 décembre 2019 : deux mois après la naissance du refus implicite");
        await Expect(page.Locator(".next-action")).ToHaveTextAsync("Saisir la CADA avant le 2 décembre 2019.");
        await ScreenshotAsync(page, "request-referral-due");

        App.SetToday(new DateOnly(2019, 10, 16));
        await SignInAsync(page, requestUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Saisine de la CADA envoyée" }).ClickAsync();
        await page.GetByLabel("Date").FillAsync("15/10/2019");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator(".request-page .badge").First).ToHaveTextAsync("CADA saisie");

        App.SetToday(new DateOnly(2019, 11, 25));
        await SignInAsync(page, requestUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Saisine enregistrée par la CADA" }).ClickAsync();
        await page.GetByLabel("Date").FillAsync("2019-10-21");
        await page.GetByLabel("Numéro de dossier de la CADA").FillAsync("20195678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Avis de la CADA" }).ClickAsync();
        await page.GetByLabel("Date").FillAsync("21 novembre 2019");
        await page.GetByLabel("Numéro de l'avis (8 chiffres, année puis numéro : 20191234)").FillAsync("20195678");
        await page.GetByLabel("Sens de l'avis").SelectOptionAsync("Favorable");
        await page.GetByLabel("Motivation (facultatif, par exemple « Sauf secret des affaires »)").FillAsync("Sauf secret des affaires");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator(".request-page .badge").First).ToHaveTextAsync("Avis CADA rendu (favorable)");
        await Expect(page.Locator("#chronologie")).ToContainTextAsync("avis n° 20195678 : favorable, Sauf secret des affaires");
        await Expect(page.Locator(".next-action")).ToContainTextAsync("Attendre la décision de l'administration");
        await ScreenshotAsync(page, "request-opinion");

        // Both letters, as PDF, with the documents and the articles.
        var request = await DownloadTextAsync(page, page.Locator(".letters li").Nth(0).GetByRole(AriaRole.Link, new() { Name = "PDF" }));
        Assert.Contains("Acte d'engagement du marché n° 2019-07", request);
        Assert.Contains("Cahier des clauses techniques particulières", request);
        Assert.Contains("L311-1", request);
        Assert.Contains("L311-9", request);
        Assert.Contains("L114-2", request);
        Assert.Contains("Samuel Parcours", request);
        var referral = await DownloadTextAsync(page, page.Locator(".letters li").Nth(1).GetByRole(AriaRole.Link, new() { Name = "PDF" }));
        Assert.Contains("R343-1", referral);
        Assert.Contains("L342-1", referral);
        Assert.Contains("Cahier des clauses techniques particulières", referral);
        Assert.Contains("3 rue du Test", referral);

        await page.GotoAsync("/demandes/suivi");
        await Expect(page.Locator("table.requests").First).ToContainTextAsync("Marché de vidéoprotection 2019");
        await ScreenshotAsync(page, "requests-dashboard");

        // axe runs in the page, so these checks use a browser with JavaScript (the journey above has none).
        foreach (var viewport in Viewport.All)
        {
            var checkedPage = await OpenPageAsync(viewport);
            foreach (var path in new[] { requestUrl, "/demandes/suivi", $"{new Uri(requestUrl).AbsolutePath}/courriers/saisine-cada" })
            {
                await SignInAsync(checkedPage, path);
                await Accessibility.AssertNoSeriousViolationsAsync(checkedPage);
            }
            await SignInAsync(checkedPage, requestUrl);
            await ScreenshotAsync(checkedPage, "request-opinion");
            await checkedPage.GotoAsync("/demandes/suivi");
            await ScreenshotAsync(checkedPage, "requests-dashboard");
        }
    }

    /// <summary>Opens <paramref name="path"/>, signing in first when the session has expired (the clock may have jumped weeks).</summary>
    private static async Task SignInAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        if (new Uri(page.Url).AbsolutePath == "/connexion")
        {
            await page.GetByLabel("Adresse électronique").FillAsync(Email);
            await page.GetByLabel("Mot de passe").FillAsync(TeamMembers.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(new Uri(new Uri("http://x"), path).AbsolutePath) + "$"));
        }
    }

    private static async Task<string> DownloadTextAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(path!));
        return Regex.Replace(string.Join(" ", pdf.GetPages().Select(p => p.Text)).Replace('\u00a0', ' '), @"\s+", " ");
    }
}
