using Xunit.Sdk;

namespace Vigie.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, BrowserAppFactory app) : BrowserTest(browser, app)
{
    private const string NotFound = "/nulle/part";

    private static readonly string[] PublicPages =
    [
        "/", "/dossiers", "/dossiers/elancourt", "/communes", "/communes?departement=78", "/communes/78208",
        "/prestataires", "/prestataires/genetec", "/technologies", "/technologies/lapi", NotFound,
        "/recherche", "/recherche?q=genetec", "/recherche?q=elancourrt", "/recherche?q=genetec&type=marches&departement=78", "/marches?tri=montant",
        "/demandes-cada", "/donnees", "/api",
    ];

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in PublicPages)
        {
            foreach (var viewport in Viewport.All)
            {
                data.Add(path, viewport.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Public_pages_have_no_serious_accessibility_violation(string path, string viewport)
    {
        var page = await OpenPageAsync(Viewport.Named(viewport));
        var response = await page.GotoAsync(path);
        Assert.Equal(path == NotFound ? 404 : 200, response?.Status);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_accessibility_check_fails_on_serious_violations_and_names_them()
    {
        var page = await OpenPageAsync();
        await page.SetContentAsync(
            """<!DOCTYPE html><html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1><img src="/logo.png"><a href="/"></a></main></body></html>""");
        var failure = await Assert.ThrowsAsync<FailException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));
        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("link-name (serious)", failure.Message, StringComparison.Ordinal);
    }
}
