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

    /// <summary>Longer narratives are refused on input: Markdig's cost grows faster than the text on hostile input.</summary>
    public const int MaxLength = 100_000;

    private static readonly TimeSpan ParseBudget = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Checks a narrative before it is stored: length, nesting depth and parsing time. Stored narratives are
    /// therefore cheap to render on every page view. Returns a French message, or null when it is fine.
    /// </summary>
    public static string? Validate(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return null;
        }
        if (markdown.Length > MaxLength)
        {
            return $"Le texte dépasse {MaxLength:N0} caractères ; découpez-le ou résumez-le.";
        }
        var parse = Task.Run(() => Markdig.Markdown.Parse(markdown, Pipeline));
        try
        {
            return parse.Wait(ParseBudget) ? null : "Le texte est trop complexe à mettre en forme (imbrications ou crochets en très grand nombre).";
        }
        catch (AggregateException e) when (e.InnerException is ArgumentException)
        {
            return "Le texte contient des éléments imbriqués trop profondément (listes, citations ou crochets).";
        }
    }

    public static string ToHtml(string markdown, IReadOnlySet<int>? knownSources = null, int headingOffset = 0)
    {
        MarkdownDocument document;
        try
        {
            document = Parse(markdown, knownSources, headingOffset);
        }
        catch (ArgumentException)
        {
            // Too deeply nested for Markdig: show the text as it was written rather than fail the page.
            return "<pre class=\"markdown-fallback\">" + System.Net.WebUtility.HtmlEncode(markdown) + "</pre>";
        }
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
