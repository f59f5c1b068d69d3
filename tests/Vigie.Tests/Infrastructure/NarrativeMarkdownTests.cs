using AngleSharp.Html.Parser;
using Vigie.Web.Infrastructure.Markdown;

namespace Vigie.Tests.Infrastructure;

public sealed class NarrativeMarkdownTests
{
    private static readonly HashSet<int> Sources = [1, 2];

    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown) =>
        new HtmlParser().ParseDocument(NarrativeMarkdown.ToHtml(markdown, Sources, headingOffset: 2));

    [Fact]
    public void Known_citations_link_to_their_source_and_unknown_ones_are_marked()
    {
        var html = Render("Un fait[@2], un autre[@7].");
        var link = Assert.Single(html.QuerySelectorAll("sup.cite a"));
        Assert.Equal("#source-2", link.GetAttribute("href"));
        Assert.Equal("[2]", link.TextContent);
        Assert.Equal("[7 ?]", html.QuerySelector("sup.cite-unknown")!.TextContent);
    }

    [Fact]
    public void A_citation_inside_a_link_text_or_code_is_left_alone()
    {
        var html = Render("`[@1]` et [voir [@1]](https://example.org)");
        Assert.Equal("[@1]", html.QuerySelector("code")!.TextContent);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("[clic](JaVaScRiPt:alert(1))")]
    [InlineData("[clic](java\tscript:alert(1))")]
    [InlineData("[clic](&#106;avascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![image](javascript:alert(1))")]
    [InlineData("[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[clic][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[clic](vbscript:msgbox(1))")]
    public void Html_and_script_links_are_inert(string markdown)
    {
        var html = Render(markdown);
        Assert.Empty(html.QuerySelectorAll("script, img[onerror], iframe, object"));
        Assert.All(html.QuerySelectorAll("[href], [src]"), e =>
        {
            var url = (e.GetAttribute("href") ?? e.GetAttribute("src"))!;
            Assert.True(UrlPolicy.IsSafe(url), $"unsafe URL rendered: {url}");
        });
        Assert.All(html.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public void Safe_links_tables_footnotes_and_autolinks_render()
    {
        var html = Render("""
            # Titre

            Voir [le site](https://example.org) et https://www.genetec.com ou <mailto:a@example.org>.

            | Poste | Montant |
            |---|---|
            | Caméras | 10 € |

            Note[^1].

            [^1]: Une note.
            """);
        Assert.Equal("Titre", html.QuerySelector("h3")!.TextContent);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org" && a.GetAttribute("rel")!.Contains("nofollow", StringComparison.Ordinal));
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == "http://www.genetec.com" || a.GetAttribute("href") == "https://www.genetec.com");
        Assert.Equal("Caméras", html.QuerySelector("table td")!.TextContent);
        Assert.NotNull(html.QuerySelector(".footnotes"));
    }

    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("/dossiers/elancourt", true)]
    [InlineData("#source-1", true)]
    [InlineData("mailto:a@example.org", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("JAVASCRIPT:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("page?x=javascript:1", true)]
    public void Url_policy(string url, bool safe) => Assert.Equal(safe, UrlPolicy.IsSafe(url));
}
