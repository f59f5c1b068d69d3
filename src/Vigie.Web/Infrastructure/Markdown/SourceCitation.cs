using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Vigie.Web.Infrastructure.Markdown;

/// <summary>A citation of the case's numbered source, written <c>[@3]</c> in the narrative.</summary>
public sealed class SourceCitation : LeafInline
{
    public int Number { get; init; }

    /// <summary>False when the case has no source with this number; set after parsing.</summary>
    public bool IsKnown { get; set; }
}

public sealed class SourceCitationParser : InlineParser
{
    public SourceCitationParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@')
        {
            return false;
        }
        var text = slice.Text;
        var i = slice.Start + 2;
        var number = 0;
        var digits = 0;
        while (i <= slice.End && char.IsAsciiDigit(text[i]) && digits < 6)
        {
            number = (number * 10) + (text[i] - '0');
            digits++;
            i++;
        }
        if (digits == 0 || i > slice.End || text[i] != ']')
        {
            return false;
        }
        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new SourceCitation
        {
            Number = number,
            Span = new Markdig.Syntax.SourceSpan(start, start + (i - slice.Start)),
            Line = line,
            Column = column,
        };
        slice.Start = i + 1;
        return true;
    }
}

public sealed class SourceCitationHtmlRenderer : HtmlObjectRenderer<SourceCitation>
{
    protected override void Write(HtmlRenderer renderer, SourceCitation citation)
    {
        var number = citation.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (citation.PreviousSibling is SourceCitation)
        {
            // A word joiner keeps "[2][4]" on one line.
            renderer.Write('\u2060');
        }
        if (citation.IsKnown)
        {
            renderer.Write("<sup class=\"cite\"><a href=\"#source-").Write(number)
                .Write("\" aria-label=\"Source ").Write(number).Write("\">[")
                .Write(number).Write("]</a></sup>");
        }
        else
        {
            renderer.Write("<sup class=\"cite cite-unknown\" title=\"Source inconnue\">[")
                .Write(number).Write(" ?]</sup>");
        }
    }
}
