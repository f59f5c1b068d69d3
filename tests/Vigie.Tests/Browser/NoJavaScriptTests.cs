using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigie.Tests.Browser;

/// <summary>The site promises to work without JavaScript: browse and search with it switched off.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task Without_javascript_a_visitor_reaches_the_case_and_searches_a_commune()
    {
        var page = await OpenPageAsync(Viewport.Desktop, javaScriptEnabled: false);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Élancourt : la vitrine française de Genetec" }).ClickAsync();
        await page.WaitForURLAsync("**/dossiers/elancourt");
        await Expect(page.Locator("#marches")).ToContainTextAsync("2 juillet 2019");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Communes" }).ClickAsync();
        await page.WaitForURLAsync("**/communes");
        await page.GetByLabel("Nom, code INSEE ou code postal").FillAsync("elancourt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/communes\?q=elancourt$"));

        var result = page.GetByRole(AriaRole.Link, new() { Name = "Élancourt", Exact = true });
        await Expect(result).ToHaveAttributeAsync("href", "/communes/78208");
        await result.ClickAsync();
        await page.WaitForURLAsync("**/communes/78208");
    }
}
