using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Vigie.Web.Infrastructure.Markdown;

/// <summary>
/// The one Markdown dialect of Vigie: CommonMark with tables, footnotes and autolinks, no raw HTML,
/// only http(s), mailto and relative links, and <c>[@n]</c> citations of numbered sources. The site and
/// the PDF case files both start from <see cref="Parse"/>, so a narrative reads the same in both.
/// </summary>
public static class NarrativeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseFootnotes()
            .UseAutoLinks(new AutoLinkOptions { OpenInNewWindow = false })
            .UseEmphasisExtras()
            .UseListExtras()
            .UseReferralLinks(["nofollow", "noopener", "noreferrer"])
            .DisableHtml();
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new SourceCitationParser());
        return builder.Build();
    }

    /// <summary>Parses a narrative; headings are pushed down by <paramref name="headingOffset"/> levels.</summary>
    public static MarkdownDocument Parse(string markdown, IReadOnlySet<int>? knownSources = null, int headingOffset = 0)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case HeadingBlock heading when headingOffset > 0:
                    heading.Level = Math.Min(6, heading.Level + headingOffset);
                    break;
                case SourceCitation citation:
                    citation.IsKnown = knownSources?.Contains(citation.Number) ?? false;
                    break;
                case LinkInline link when !UrlPolicy.IsSafe(link.Url):
                    Unwrap(link);
                    break;
                case AutolinkInline autolink when !UrlPolicy.IsSafe(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
                case LiteralInline literal when literal.Parent is not LinkInline { IsImage: true }:
                    var text = literal.Content.ToString();
                    var typeset = Text.FrenchTypography.Apply(text);
                    if (!ReferenceEquals(text, typeset) && text != typeset)
                    {
                        literal.Content = new Markdig.Helpers.StringSlice(typeset);
                    }
                    break;
            }
        }
        return document;
    }

    public static string ToHtml(string markdown, IReadOnlySet<int>? knownSources = null, int headingOffset = 0)
    {
        var document = Parse(markdown, knownSources, headingOffset);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Insert(0, new SourceCitationHtmlRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Replaces a link whose target is unsafe by its text (or its alt text, for an image).</summary>
    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            link.ReplaceBy(new LiteralInline(alt));
            return;
        }
        var children = new List<Inline>();
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            children.Add(child);
            child = next;
        }
        Inline anchor = link;
        foreach (var c in children)
        {
            anchor.InsertAfter(c);
            anchor = c;
        }
        link.Remove();
    }
}
