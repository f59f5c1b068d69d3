using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigie.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CaseJourneyTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_visitor_reads_the_Elancourt_case_checks_a_source_and_opens_the_commune(string viewport)
    {
        var page = await OpenPageAsync(Viewport.Named(viewport));
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Élancourt : la vitrine française de Genetec" }).ClickAsync();
        await page.WaitForURLAsync("**/dossiers/elancourt");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Élancourt : la vitrine française de Genetec");
        await Expect(page.Locator("#marches")).ToContainTextAsync("2 juillet 2019");
        var quotes = page.Locator("#citations blockquote");
        await Expect(quotes).ToHaveCountAsync(2);
        await Expect(quotes.Nth(0)).ToContainTextAsync("Nous ne sommes pas Big Brother mais Big Mother");
        await Expect(quotes.Nth(1)).ToContainTextAsync("Car la délinquance se modernise, alors nous le devons aussi.");
        await ScreenshotAsync(page);

        await page.Locator("#description").GetByRole(AriaRole.Link, new() { Name = "Source 4", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dossiers/elancourt#source-4$"));
        var source = page.Locator("#source-4");
        await Expect(source).ToBeInViewportAsync();
        await Expect(source).ToContainTextAsync("Élancourt à l'assaut de la safe city");

        await page.Locator(".case-head").GetByRole(AriaRole.Link, new() { Name = "Élancourt" }).ClickAsync();
        await page.WaitForURLAsync("**/communes/78208");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Élancourt");
    }
}
