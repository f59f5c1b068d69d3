using System.Net;
using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Features.Municipalities;

public sealed class MunicipalityPageTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Commune_78208_is_elancourt_and_links_to_its_case()
    {
        var page = await factory.GetDocumentAsync("/communes/78208");
        Assert.Equal("Élancourt", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Yvelines (78)", page.QuerySelector(".kicker")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Île-de-France", page.QuerySelector(".kicker")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#h-dossiers ~ .case-list a, .case-list a"), a => a.GetAttribute("href") == "/dossiers/elancourt");
        Assert.Contains(page.QuerySelectorAll("article.request"), a => a.TextContent.Contains("Close (partielle)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/communes/elancourt")]
    [InlineData("/communes/elancourt-78208")]
    [InlineData("/communes/Elancourt")]
    public async Task A_slug_address_redirects_to_the_insee_code(string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/communes/78208", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_shared_name_leads_to_the_list_of_homonyms()
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/communes/saint-denis", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await factory.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.True(list.QuerySelectorAll("table.listing tbody tr").Length > 1);
    }

    [Theory]
    [InlineData("elancourt")]
    [InlineData("ÉLANCOURT")]
    [InlineData("78208")]
    [InlineData("78990")]
    public async Task The_name_filter_forgives_accents_and_case(string query)
    {
        var page = await factory.GetDocumentAsync($"/communes?q={Uri.EscapeDataString(query)}");
        Assert.Contains(page.QuerySelectorAll("table.listing a"), a => a.GetAttribute("href") == "/communes/78208");
    }

    [Fact]
    public async Task The_departments_list_shows_every_department()
    {
        var page = await factory.GetDocumentAsync("/communes");
        var rows = page.QuerySelectorAll("table.listing tbody tr");
        Assert.Equal(109, rows.Length);
        var yvelines = Assert.Single(rows, r => r.QuerySelector("td")!.TextContent == "78");
        Assert.Contains("Île-de-France", yvelines.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", yvelines.QuerySelectorAll("td").Last().TextContent.Trim());
    }
}
