using System.Net;
using AngleSharp.Html.Dom;
using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Features.Cases;

public sealed class CasePageTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static string Text(AngleSharp.Dom.IElement? element) =>
        Normalize(element?.TextContent ?? "");

    /// <summary>French typography puts (narrow) no-break spaces in amounts; compare on plain spaces.</summary>
    private static string Normalize(string text) =>
        string.Join(' ', text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<IHtmlDocument> Elancourt() => factory.GetDocumentAsync("/dossiers/elancourt");

    [Fact]
    public async Task Elancourt_page_shows_title_commune_and_department()
    {
        var page = await Elancourt();
        Assert.Contains("Élancourt", Text(page.QuerySelector("h1")));
        Assert.Equal("Élancourt · Yvelines (78)", Text(page.QuerySelector(".case-head .kicker")));
    }

    [Fact]
    public async Task Elancourt_contracts_show_the_signing_date_vendor_and_what_is_missing()
    {
        var page = await Elancourt();
        var contracts = page.QuerySelectorAll("#marches article.contract").Select(Text).ToList();
        Assert.Equal(2, contracts.Count);
        var partnership = Assert.Single(contracts, c => c.Contains("2 juillet 2019", StringComparison.Ordinal));
        Assert.Contains("Genetec", partnership);
        Assert.Contains("Manquant : Les annexes", partnership);
        Assert.Contains(contracts, c => c.Contains("Security Center", StringComparison.Ordinal) && c.Contains("2014", StringComparison.Ordinal));
        var time = page.QuerySelector("#marches time[datetime='2019-07-02']");
        Assert.NotNull(time);
    }

    [Fact]
    public async Task Elancourt_funding_shows_both_estimated_amounts_and_their_total()
    {
        var page = await Elancourt();
        var rows = page.QuerySelectorAll("#financement tbody tr").Select(Text).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("20 000 000 €", StringComparison.Ordinal) && r.Contains("estimation", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("5 000 000 €", StringComparison.Ordinal) && r.Contains("estimation", StringComparison.Ordinal));
        Assert.Equal("Total (estimations comprises)", Text(page.QuerySelector("#financement tfoot th")));
        Assert.Equal("25 000 000 €", Text(page.QuerySelector("#financement tfoot td")));
    }

    [Fact]
    public async Task Elancourt_quotes_are_attributed_to_their_speakers()
    {
        var page = await Elancourt();
        var quotes = page.QuerySelectorAll("#citations figure.quote").ToList();
        Assert.Equal(2, quotes.Count);
        var racz = Assert.Single(quotes, q => Text(q.QuerySelector(".speaker")) == "Pierre Racz");
        Assert.Contains("Big Brother mais Big Mother", Text(racz.QuerySelector("blockquote")));
        Assert.Contains("président de Genetec", Text(racz.QuerySelector("figcaption")));
        var mayor = Assert.Single(quotes, q => Text(q.QuerySelector(".speaker")) == "Jean-Michel Fourgous");
        Assert.Contains("la délinquance se modernise", Text(mayor.QuerySelector("blockquote")));
        Assert.Contains("maire d'Élancourt", Text(mayor.QuerySelector("figcaption")));
    }

    [Fact]
    public async Task Elancourt_request_shows_its_state_computed_from_approximate_events()
    {
        var page = await Elancourt();
        var request = Text(page.QuerySelector("#demandes article.request"));
        // A partial reply in 2019, no referral to the CADA: the window has long closed for the annexes.
        Assert.Contains("Close (partielle)", request);
        Assert.Contains("envoyée vers octobre 2019 (date approximative)", request);
        Assert.Contains("Réponse de l'administration : document 1 reçu ; document 2 sans réponse", request);
        Assert.Contains("Relance", request);
        Assert.Contains("3 pages du contrat reçues", request);
        Assert.Contains("jamais été transmises", request);
    }

    [Fact]
    public async Task Elancourt_sources_are_numbered_with_publisher_and_date_and_cited_by_the_narrative()
    {
        var page = await Elancourt();
        var sources = page.QuerySelectorAll("#sources ol.sources > li").ToList();
        Assert.Equal(6, sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            Assert.Equal($"source-{i + 1}", sources[i].Id);
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), sources[i].GetAttribute("value"));
        }
        Assert.Contains("La Gazette de Saint-Quentin-en-Yvelines", Text(sources[1]));
        Assert.Contains("24 septembre 2019", Text(sources[1]));
        Assert.StartsWith("https://lagazette-sqy.fr/", sources[1].QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);

        var citations = page.QuerySelectorAll(".prose sup.cite a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#source-1", citations);
        Assert.Contains("#source-4", citations);
        Assert.All(citations, href => Assert.NotNull(page.QuerySelector(href!)));
    }

    [Fact]
    public async Task Elancourt_narrative_is_rendered_markdown()
    {
        var page = await Elancourt();
        var prose = page.QuerySelector("#description .prose")!;
        Assert.Contains("Le 2 juillet 2019", Text(prose.QuerySelector("p")));
        Assert.Equal("Security Center", Text(prose.QuerySelector("em")));
        Assert.Equal("Ce que la demande CADA a permis d'obtenir", Text(prose.QuerySelector("h3")));
    }

    [Fact]
    public async Task Case_page_query_count_does_not_grow_with_the_number_of_parts()
    {
        using var client = factory.CreateBrowserlessClient();
        factory.Sql.Reset();
        await client.GetAsync(new Uri("/dossiers/elancourt?n=1", UriKind.Relative));
        var queries = factory.Sql.Count;
        // About a dozen: the case and its parts, plus the public requests with their documents and events.
        Assert.InRange(queries, 1, 15);

        await using (var db = factory.CreateDbContext())
        {
            var elancourt = db.Cases.Single(c => c.Slug == "elancourt");
            for (var i = 0; i < 20; i++)
            {
                db.Quotes.Add(new Vigie.Web.Data.Entities.Quote { CaseId = elancourt.Id, Speaker = $"Orateur {i}", Text = "…", Position = 100 + i });
                db.TimelineEvents.Add(new Vigie.Web.Data.Entities.TimelineEvent { CaseId = elancourt.Id, Title = $"Événement {i}", OccurredOn = new DateOnly(2020, 1, 1).AddDays(i) });
            }
            await db.SaveChangesAsync();
        }
        factory.Sql.Reset();
        using var response = await client.GetAsync(new Uri("/dossiers/elancourt?n=2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(queries, factory.Sql.Count);
    }
}
