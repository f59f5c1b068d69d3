using System.Net;
using System.Xml.Linq;
using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Features.Feeds;

public sealed class FeedTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XDocument> FeedAsync(string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The "MUST" of RFC 4287: feed id, title, updated, an author (here on the feed); entries with id, title, updated and a link.</summary>
    private static void AssertValidAtom(XDocument feed)
    {
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        foreach (var name in new[] { "id", "title", "updated" })
        {
            Assert.Single(root.Elements(Atom + name));
        }
        Assert.NotNull(root.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Contains(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            foreach (var name in new[] { "id", "title", "updated" })
            {
                Assert.Single(entry.Elements(Atom + name));
            }
            Assert.True(Uri.TryCreate(entry.Element(Atom + "id")!.Value, UriKind.Absolute, out _));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        }
        Assert.Equal(root.Elements(Atom + "entry").Count(), root.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Theory]
    [InlineData("/flux/dossiers.atom")]
    [InlineData("/communes/78208/flux.atom")]
    [InlineData("/technologies/lapi/flux.atom")]
    [InlineData("/prestataires/genetec/flux.atom")]
    public async Task Feeds_are_valid_atom_and_list_the_elancourt_case(string path)
    {
        var feed = await FeedAsync(path);
        AssertValidAtom(feed);
        var entry = Assert.Single(feed.Root!.Elements(Atom + "entry"), e => e.Elements(Atom + "link").Any(l => ((string?)l.Attribute("href"))!.EndsWith("/dossiers/elancourt", StringComparison.Ordinal)));
        Assert.Contains("Genetec", entry.Element(Atom + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_without_cases_is_still_valid_and_pages_advertise_their_feed()
    {
        var feed = await FeedAsync("/technologies/reconnaissance-faciale/flux.atom");
        AssertValidAtom(feed);
        Assert.Empty(feed.Root!.Elements(Atom + "entry"));
        var page = await factory.GetDocumentAsync("/communes/78208");
        Assert.NotNull(page.QuerySelector("link[rel='alternate'][type='application/atom+xml'][href='/communes/78208/flux.atom']"));
    }

    [Theory]
    [InlineData("/communes/99999/flux.atom")]
    [InlineData("/technologies/inconnue/flux.atom")]
    [InlineData("/prestataires/inconnu/flux.atom")]
    public async Task Unknown_feeds_are_404(string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
