using System.Net;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Cases;

public sealed class PublicPagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/dossiers")]
    [InlineData("/communes")]
    [InlineData("/communes?departement=78")]
    [InlineData("/communes?q=elancourt")]
    [InlineData("/prestataires")]
    [InlineData("/prestataires/genetec")]
    [InlineData("/technologies")]
    [InlineData("/technologies/lapi")]
    public async Task Public_pages_answer_in_french(string path)
    {
        var page = await factory.GetDocumentAsync(path);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task Home_lists_the_latest_published_case()
    {
        var page = await factory.GetDocumentAsync("/");
        Assert.Contains(page.QuerySelectorAll(".case-list a"), a => a.GetAttribute("href") == "/dossiers/elancourt");
    }

    [Fact]
    public async Task Vendor_and_technology_pages_list_their_cases()
    {
        var vendor = await factory.GetDocumentAsync("/prestataires/genetec");
        Assert.Contains(vendor.QuerySelectorAll(".case-list h3 a"), a => a.GetAttribute("href") == "/dossiers/elancourt");
        var technology = await factory.GetDocumentAsync("/technologies/lapi");
        Assert.Contains(technology.QuerySelectorAll(".case-list h3 a"), a => a.GetAttribute("href") == "/dossiers/elancourt");
        var drones = await factory.GetDocumentAsync("/technologies/reconnaissance-faciale");
        Assert.Empty(drones.QuerySelectorAll(".case-list h3 a"));
    }

    [Theory]
    [InlineData("/dossiers/n-existe-pas")]
    [InlineData("/communes/99999")]
    [InlineData("/communes/commune-imaginaire")]
    [InlineData("/communes?departement=00")]
    [InlineData("/prestataires/inconnu")]
    [InlineData("/technologies/inconnue")]
    [InlineData("/nulle/part")]
    public async Task Unknown_addresses_get_a_friendly_404(string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal("Page introuvable", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_case_is_a_404_not_a_403()
    {
        await using (var db = factory.CreateDbContext())
        {
            var commune = db.Municipalities.Single(m => m.InseeCode == "75056");
            db.Cases.Add(new Case { Slug = "brouillon-paris", Title = "Brouillon", MunicipalityId = commune.Id, Status = CaseStatus.Draft });
            await db.SaveChangesAsync();
        }
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/dossiers/brouillon-paris", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var list = await factory.GetDocumentAsync("/dossiers?after-draft");
        Assert.DoesNotContain(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/dossiers/brouillon-paris");
    }

    [Fact]
    public async Task Health_check_answers_ok_when_the_database_is_reachable()
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/dossiers/elancourt", UriKind.Relative));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/dossiers/elancourt")]
    [InlineData("/communes/78208")]
    public async Task Anonymous_pages_set_no_cookie_and_come_from_the_output_cache(string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.False(first.Headers.Contains("Set-Cookie"), $"{path} sets a cookie: {string.Join(" ", first.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])}");
        using var second = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(second.Headers.Age is not null, $"{path} was not served from the output cache");
    }
}
