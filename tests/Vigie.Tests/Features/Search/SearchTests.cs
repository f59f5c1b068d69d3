using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Documents;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Search;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Tests.Features.Search;

public sealed class SearchTests(SearchFixture factory) : IClassFixture<SearchFixture>
{
    private async Task<SearchResults> SearchAsync(string q, PublicFilter? filter = null, SearchKind? kind = null, int perKind = 1000)
    {
        await using var db = factory.CreateDbContext();
        return await SiteSearch.RunAsync(db, q, filter ?? new PublicFilter(), kind, 1, withFacets: true, default, pageSize: 1000, perKind: perKind);
    }

    private static HashSet<string> Keys(SearchResults results) => results.Hits.Select(h => $"{h.KindCode}:{h.Id}").ToHashSet();

    private static bool HasCase(SearchResults results, string slug) => results.Hits.Any(h => h.Kind == SearchKind.Dossiers && h.Key == slug);

    [Fact]
    public async Task A_search_broader_than_the_cap_ranks_and_counts_what_it_read_and_says_so()
    {
        await using var db = factory.CreateDbContext();
        var full = await SiteSearch.RunAsync(db, "caméra", new PublicFilter(), null, 1, withFacets: true, default);
        Assert.True(full.CountOf(SearchKind.Dossiers) >= 2);
        Assert.False(full.Capped);

        var capped = await SiteSearch.RunAsync(db, "caméra", new PublicFilter(), null, 1, withFacets: true, default, matchCap: 1);
        Assert.True(capped.Capped);
        Assert.True(capped.HasMore(SearchKind.Dossiers));
        Assert.Equal(1, capped.CountOf(SearchKind.Dossiers));

        // The filter applies before the cap: narrowing a broad search is exact.
        var narrowed = await SiteSearch.RunAsync(db, "caméra", new PublicFilter { Technologie = "lapi" }, SearchKind.Dossiers, 1, withFacets: true, default, matchCap: 1);
        Assert.Contains(narrowed.Hits, h => h.Key == "recherche-zorglub");
    }

    [Fact]
    public async Task Facets_follow_the_links_of_a_case_as_they_change()
    {
        var drones = new PublicFilter { Technologie = "drones" };
        Assert.DoesNotContain((await SearchAsync("ocelot", drones)).Hits, h => h.Key == "recherche-ocelot");
        await using (var db = factory.CreateDbContext())
        {
            var ocelot = await db.Cases.Include(c => c.Technologies).SingleAsync(c => c.Slug == "recherche-ocelot");
            ocelot.Technologies.Add(await db.Technologies.SingleAsync(t => t.Slug == "drones"));
            await db.SaveChangesAsync();
        }
        Assert.Contains((await SearchAsync("ocelot", drones)).Hits, h => h.Key == "recherche-ocelot");
        await using (var db = factory.CreateDbContext())
        {
            var ocelot = await db.Cases.Include(c => c.Technologies).SingleAsync(c => c.Slug == "recherche-ocelot");
            ocelot.Technologies.Clear();
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain((await SearchAsync("ocelot", drones)).Hits, h => h.Key == "recherche-ocelot");
    }

    [Fact]
    public async Task Accents_and_case_do_not_matter()
    {
        var plain = await SearchAsync("elancourt");
        var accented = await SearchAsync("Élancourt");
        var upper = await SearchAsync("ELANCOURT");
        Assert.True(HasCase(plain, "elancourt"));
        Assert.Contains(plain.Hits, h => h.Kind == SearchKind.Communes && h.Key == "78208");
        Assert.Equal(Keys(plain), Keys(accented));
        Assert.Equal(Keys(plain), Keys(upper));
        Assert.Equal(plain.Total, upper.Total);
    }

    [Fact]
    public async Task French_stemming_finds_other_forms_of_a_word()
    {
        Assert.True(HasCase(await SearchAsync("caméras"), "recherche-zorglub"));
        Assert.True(HasCase(await SearchAsync("cameras thermiques"), "recherche-zorglub"));
        Assert.True(HasCase(await SearchAsync("pangolin"), "recherche-zorglub"));
    }

    [Fact]
    public async Task Websearch_syntax_phrases_or_and_exclusion()
    {
        Assert.True(HasCase(await SearchAsync("\"caméra thermique\""), "recherche-zorglub"));
        Assert.False(HasCase(await SearchAsync("\"thermique caméra\""), "recherche-zorglub"));

        var both = await SearchAsync("zorglub OR ocelot");
        Assert.True(HasCase(both, "recherche-zorglub") && HasCase(both, "recherche-ocelot"));
        var neither = await SearchAsync("zorglub ocelot");
        Assert.False(HasCase(neither, "recherche-zorglub") || HasCase(neither, "recherche-ocelot"));

        var excluded = await SearchAsync("caméra -ocelot");
        Assert.True(HasCase(excluded, "recherche-zorglub"));
        Assert.False(HasCase(excluded, "recherche-ocelot"));
    }

    /// <summary>
    /// On the overview (every kind) and on each kind's tab: what a facet value says is what choosing it lists. "elancourt"
    /// said « Close 2 » under the request states while it listed no request (issue 14).
    /// </summary>
    [Theory]
    [InlineData("caméra OR genetec OR lyon")]
    [InlineData("elancourt")]
    public async Task Each_facet_count_is_the_number_of_results_its_filter_leaves(string q)
    {
        var overview = await SearchAsync(q);
        Assert.Contains(overview.Facets, f => f.Facet == "departement");
        Assert.Contains(overview.Facets, f => f.Facet == "etat");
        foreach (var kind in Enum.GetValues<SearchKind>().Cast<SearchKind?>().Prepend(null))
        {
            var all = await SearchAsync(q, kind: kind);
            var listed = kind is { } k ? all.CountOf(k) : all.Total;
            Assert.Equal(listed, all.Hits.Count);
            if (listed == 0)
            {
                Assert.Empty(all.Facets);
            }
            foreach (var group in all.Facets.GroupBy(f => f.Facet))
            {
                foreach (var facet in group.Take(4))
                {
                    var filter = new PublicFilter();
                    switch (facet.Facet)
                    {
                        case "departement": filter.Departement = facet.Value; break;
                        case "region": filter.Region = facet.Value; break;
                        case "technologie": filter.Technologie = facet.Value; break;
                        case "prestataire": filter.Prestataire = facet.Value; break;
                        case "etat":
                            Assert.True(RequestStateIds.TryParse(facet.Value, out var state));
                            Assert.Equal(facet.Value, RequestStateIds.Of(state));
                            filter.Etat = state;
                            break;
                        default: filter.Annee = int.Parse(facet.Value, System.Globalization.CultureInfo.InvariantCulture); break;
                    }
                    var narrowed = await SearchAsync(q, filter, kind);
                    var left = kind is { } chosen ? narrowed.CountOf(chosen) : narrowed.Total;
                    Assert.True(facet.Count == left, $"{q}, {kind?.ToString() ?? "every kind"}, {facet.Facet}={facet.Value}: facet says {facet.Count}, the filter leaves {left}");
                    Assert.Equal(left, narrowed.Hits.Count);
                }
            }
        }
    }

    [Fact]
    public async Task A_commune_finds_its_public_requests_and_its_contracts_and_nothing_private()
    {
        var results = await SearchAsync("elancourt");
        await using var db = factory.CreateDbContext();
        var toElancourt = db.CadaRequests.Where(r => r.PublicBody!.MunicipalityId != null && r.PublicBody.Municipality!.InseeCode == "78208");
        var shown = await toElancourt.Public().Select(r => r.Id).ToListAsync();
        var hidden = await toElancourt.Select(r => r.Id).Where(id => !shown.Contains(id)).ToListAsync();
        Assert.NotEmpty(shown);
        Assert.NotEmpty(hidden);
        Assert.Equal(shown.Order(), results.Hits.Where(h => h.Kind == SearchKind.Demandes).Select(h => h.Id).Order());

        var contracts = await db.Contracts.Public()
            .Where(k => (k.BuyerMunicipality != null ? k.BuyerMunicipality.InseeCode : k.Case!.Municipality!.InseeCode) == "78208")
            .Select(k => k.Id).ToListAsync();
        Assert.NotEmpty(contracts);
        Assert.Equal(contracts.Order(), results.Hits.Where(h => h.Kind == SearchKind.Marches).Select(h => h.Id).Order());

        // The request-state facet counts what is listed: the case and its public request, never the campaign's private ones.
        var states = await db.CadaRequests.Public().Where(r => shown.Contains(r.Id)).Select(r => r.State).Distinct().ToListAsync();
        Assert.Equal(states.Select(RequestStateIds.Of).Order(), results.Facets.Where(f => f.Facet == "etat").Select(f => f.Value).Order());
        var requestsOnly = await SearchAsync("elancourt", kind: SearchKind.Demandes);
        Assert.Equal(shown.Count, requestsOnly.Facets.Where(f => f.Facet == "etat").Sum(f => f.Count));
    }

    [Fact]
    public async Task A_case_is_found_by_its_technologies_vendors_and_commune_below_its_own_title()
    {
        var videoprotection = await SearchAsync("vidéoprotection");
        var elancourt = Assert.Single(videoprotection.Hits, h => h.Kind == SearchKind.Dossiers && h.Key == "elancourt");
        // The snippet shows why: the technology's name, highlighted.
        Assert.Contains("«Vidéoprotection»", DocumentSearch.ToPlainText(elancourt.Snippet!), StringComparison.OrdinalIgnoreCase);
        Assert.True(HasCase(await SearchAsync("videoprotection"), "elancourt"));
        // Lyon is in the Rhône, which no word of the case says.
        Assert.True(HasCase(await SearchAsync("rhône"), "recherche-ocelot"));
        Assert.True(HasCase(await SearchAsync("rhone lyon ocelot"), "recherche-ocelot"));

        // Genetec is in Élancourt's title, and only a vendor of the Zorglub case.
        var genetec = (await SearchAsync("genetec")).Hits.Where(h => h.Kind == SearchKind.Dossiers).ToDictionary(h => h.Key, h => h.Rank);
        Assert.True(genetec["elancourt"] > genetec["recherche-zorglub"], $"title {genetec["elancourt"]}, vendor {genetec["recherche-zorglub"]}");
    }

    [Fact]
    public async Task Renaming_a_technology_or_a_vendor_changes_what_finds_its_cases()
    {
        await using (var db = factory.CreateDbContext())
        {
            var ocelot = await db.Cases.Include(c => c.Technologies).Include(c => c.Vendors).SingleAsync(c => c.Slug == "recherche-ocelot");
            ocelot.Technologies.Add(new Technology { Slug = "sonar-essai", Name = "Sonar zygomorphe", Position = 99 });
            ocelot.Vendors.Add(new Vendor { Slug = "ornicar-essai", Name = "Ornicar Systèmes" });
            await db.SaveChangesAsync();
        }
        Assert.True(HasCase(await SearchAsync("zygomorphe"), "recherche-ocelot"));
        Assert.True(HasCase(await SearchAsync("ornicar"), "recherche-ocelot"));

        await using (var db = factory.CreateDbContext())
        {
            (await db.Technologies.SingleAsync(t => t.Slug == "sonar-essai")).Name = "Sonar xylophage";
            (await db.Vendors.SingleAsync(v => v.Slug == "ornicar-essai")).Name = "Bidulex Systèmes";
            await db.SaveChangesAsync();
        }
        Assert.False(HasCase(await SearchAsync("zygomorphe"), "recherche-ocelot"));
        Assert.False(HasCase(await SearchAsync("ornicar"), "recherche-ocelot"));
        Assert.True(HasCase(await SearchAsync("xylophage"), "recherche-ocelot"));
        Assert.True(HasCase(await SearchAsync("bidulex"), "recherche-ocelot"));

        await using (var db = factory.CreateDbContext())
        {
            await db.Technologies.Where(t => t.Slug == "sonar-essai").ExecuteDeleteAsync();
            await db.Vendors.Where(v => v.Slug == "ornicar-essai").ExecuteDeleteAsync();
        }
        Assert.False(HasCase(await SearchAsync("xylophage"), "recherche-ocelot"));
        Assert.False(HasCase(await SearchAsync("bidulex"), "recherche-ocelot"));
    }

    [Fact]
    public async Task Snippets_highlight_the_words_and_escape_the_text()
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/recherche?q=zorglub", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<mark>Zorglub</mark>", html, StringComparison.Ordinal);
        // ts_headline drops what its parser takes for tags; what is left is encoded (the ampersand) around the marks.
        Assert.Contains("&amp; compagnie", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var page = await Infrastructure.VigieFactory.ParseAsync(response);
        Assert.All(page.QuerySelectorAll(".snippet *"), e => Assert.Equal("MARK", e.TagName));
    }

    [Theory]
    [InlineData("clandestinus")]
    [InlineData("ornithorynque")]
    [InlineData("wombat")]
    [InlineData("Discretnom")]
    [InlineData("Hortense")]
    public async Task Drafts_private_requests_private_documents_and_team_members_never_appear(string word)
    {
        var results = await SearchAsync(word);
        Assert.Equal(0, results.Total);
        using var client = factory.CreateBrowserlessClient();
        var html = await client.GetStringAsync(new Uri($"/recherche?q={word}", UriKind.Relative));
        Assert.Contains("Aucun résultat", html, StringComparison.Ordinal);
        var api = await client.GetStringAsync(new Uri($"/api/v1/search?q={word}", UriKind.Relative));
        Assert.Equal(0, JsonDocument.Parse(api).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_public_request_is_found_without_its_requester()
    {
        var results = await SearchAsync("capybara");
        var hit = Assert.Single(results.Hits);
        Assert.Equal(SearchKind.Demandes, hit.Kind);
        Assert.DoesNotContain("Discretnom", System.Text.Json.JsonSerializer.Serialize(results), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_commune_gets_a_did_you_mean()
    {
        var html = (await factory.GetDocumentAsync("/recherche?q=elancourrt")).QuerySelector(".did-you-mean")!.TextContent;
        Assert.Contains("Élancourt (78)", html, StringComparison.Ordinal);
        using var client = factory.CreateBrowserlessClient();
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/recherche/suggestions?q=elancour&type=communes", UriKind.Relative)));
        Assert.Equal("Élancourt (78208)", json.RootElement[0].GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/recherche?q=x&type=inconnu", "Type de résultat inconnu")]
    [InlineData("/recherche?q=x&annee=12", "entre 1990 et 2100")]
    [InlineData("/recherche?q=x&etat=nimporte", "")]
    [InlineData("/recherche?q=x&page=0", "Numéro de page invalide")]
    public async Task Invalid_parameters_are_a_friendly_400_in_French(string path, string message)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("La recherche n'a pas pu être faite", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_paged_by_kind_and_downloadable_as_csv()
    {
        using var client = factory.CreateBrowserlessClient();
        var csv = await client.GetStringAsync(new Uri("/recherche/resultats.csv?q=zorglub", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("type,identifiant,titre,lieu,detail,pertinence,url", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("dossiers,recherche-zorglub,", StringComparison.Ordinal));
        var page = await factory.GetDocumentAsync("/recherche?q=zorglub&type=dossiers");
        Assert.NotNull(page.QuerySelector(".tabs a[aria-current='page']"));
    }
}
