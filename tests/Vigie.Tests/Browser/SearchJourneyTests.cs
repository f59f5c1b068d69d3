using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigie.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    /// <summary>From the home page: search "genetec", narrow to a department, open the Élancourt case, download the results as CSV.</summary>
    [Theory]
    [InlineData("desktop", true)]
    [InlineData("phone", false)]
    public async Task A_visitor_searches_narrows_by_department_opens_the_case_and_downloads_the_results(string viewport, bool javaScript)
    {
        var page = await OpenPageAsync(Viewport.Named(viewport), javaScript);
        await page.GotoAsync("/");
        await page.GetByLabel("Chercher une commune, un prestataire, un marché, un mot dans les documents").FillAsync("genetec");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.WaitForURLAsync("**/recherche?q=genetec");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("résultats pour « genetec »");
        await Expect(page.Locator(".snippet mark").First).ToHaveTextAsync(new Regex("Genetec", RegexOptions.IgnoreCase));
        await ScreenshotAsync(page, $"{nameof(SearchJourneyTests)}-results");

        await page.Locator(".facets").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Yvelines \(78\)") }).ClickAsync();
        await page.WaitForURLAsync(new Regex("departement=78"));
        await Expect(page.Locator(".active-filters")).ToContainTextAsync("Département : Yvelines (78)");
        await ScreenshotAsync(page, $"{nameof(SearchJourneyTests)}-narrowed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Élancourt : la vitrine française de Genetec" }).ClickAsync();
        await page.WaitForURLAsync("**/dossiers/elancourt");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Élancourt : la vitrine française de Genetec");

        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex("departement=78"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger ces résultats (CSV)" }).ClickAsync());
        Assert.Equal("vigie-recherche.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("type,identifiant,titre,lieu,detail,pertinence,url", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("dossiers,elancourt,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.StartsWith("communes,", StringComparison.Ordinal) && !l.Contains("78", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Browse_pages_and_open_data_look_right_on_a_phone_and_a_laptop()
    {
        foreach (var viewport in Viewport.All)
        {
            var page = await OpenPageAsync(viewport);
            foreach (var (path, name) in new[] { ("/marches?tri=montant", "marches"), ("/demandes-cada", "demandes"), ("/donnees", "donnees"), ("/api", "api"), ("/", "accueil"), ("/recherche?q=elancourrt", "vouliez-vous-dire") })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response?.Status);
                await ScreenshotAsync(page, $"{nameof(SearchJourneyTests)}-{name}");
            }
            await Expect(page.Locator(".did-you-mean")).ToContainTextAsync("Élancourt (78)");
        }
    }
}
