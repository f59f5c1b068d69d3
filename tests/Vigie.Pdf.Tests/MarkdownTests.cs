using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;

namespace Vigie.Pdf.Tests;

/// <summary>Stands for the web app's own "[@3]" citation inline, which the PDF library does not know.</summary>
internal sealed class CitationInline(int number) : LeafInline
{
    public int Number { get; } = number;
}

internal sealed class CitationParser : InlineParser
{
    public CitationParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@')
            return false;
        var text = slice.Text;
        var end = slice.Start + 2;
        while (end <= slice.End && char.IsAsciiDigit(text[end]))
            end++;
        if (end == slice.Start + 2 || end > slice.End || text[end] != ']')
            return false;
        var start = processor.GetSourcePosition(slice.Start, out _, out _);
        processor.Inline = new CitationInline(int.Parse(text[(slice.Start + 2)..end], System.Globalization.CultureInfo.InvariantCulture))
        {
            Span = new SourceSpan(start, start + end - slice.Start),
        };
        slice.Start = end + 1;
        return true;
    }
}

public class MarkdownTests
{
    internal static MarkdownPipeline Pipeline()
    {
        var builder = new MarkdownPipelineBuilder().UsePipeTables().UseFootnotes().UseAutoLinks();
        builder.InlineParsers.Insert(0, new CitationParser());
        return builder.Build();
    }

    internal const string Narrative = """
        # Le contrat de vidéoprotection

        Le **2 juillet 2019**, la commune d'*Élancourt* a signé un marché de ***20 000 000 €*** avec `Acme SAS`[^1].
        Voir [la délibération](https://www.elancourt.fr/deliberation.pdf), https://www.example.org/auto et [ceci](javascript:alert(1)). Source [@3].

        ## Ce que prévoit le marché

        - l'installation de caméras
        - la maintenance
          1. préventive
          2. curative

        | Lot | Objet | Montant |
        |-----|:------|--------:|
        | 1 | Caméras dôme | 1 200 000 € |
        | 2 | Maintenance sur cinq ans | 300 000 € |

        > La commune « ne dispose d'aucune étude d'impact ».

        ---

        [^1]: Selon le registre du commerce.
        """;

    static PrintDocument Build(MarkdownOptions options)
    {
        var markdown = Markdown.Parse(Narrative, Pipeline());
        return TestPdf.NewDocument()
            .AddRange(MarkdownMapper.Map(markdown, options))
            .Add(new Heading(2, "Sources"), new Anchor("source-3"), new Paragraph("3. Délibération n° 2019-07."));
    }

    static IEnumerable<Run>? Citations(Inline inline) =>
        inline is CitationInline citation ? [Run.Reference(citation.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"source-{citation.Number}")] : null;

    [Fact]
    public void A_narrative_prints_its_text_links_outline_table_and_footnote()
    {
        var result = TestPdf.Render(Build(new MarkdownOptions { MapInline = Citations }), "markdown.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        var page = pdf.GetPage(1);
        var text = TestPdf.NormalizeSpaces(page.Text);
        Assert.Contains("Le 2 juillet 2019, la commune d'Élancourt a signé un marché de 20 000 000 € avec Acme SAS1.", text);
        Assert.Contains("• l'installation de caméras", text);
        Assert.Contains("1. préventive", text);
        Assert.Contains("« ne dispose d'aucune étude d'impact ».", text);
        Assert.Contains("1. Selon le registre du commerce.", text);
        Assert.DoesNotContain("[@3]", text);
        Assert.DoesNotContain("[^1]", text);

        var words = page.GetWords().ToList();
        Assert.Contains("Bold", words.First(w => w.Text == "juillet").Letters[0].FontName, StringComparison.Ordinal);
        Assert.Contains("Oblique", words.First(w => w.Text == "d'Élancourt").Letters[^1].FontName, StringComparison.Ordinal);
        Assert.Contains("Mono", words.First(w => w.Text == "Acme").Letters[0].FontName, StringComparison.Ordinal);
        Assert.Contains("Caméras", words.Select(w => w.Text));
        // The right-aligned amount column ends at the same x on both rows.
        var amounts = words.Where(w => w.Text == "€").Skip(1).Select(w => w.BoundingBox.Right).ToList();
        Assert.Equal(2, amounts.Count);
        Assert.True(Math.Abs(amounts[0] - amounts[1]) < 0.1, $"{amounts[0]} vs {amounts[1]}");

        var annotations = page.GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
        Assert.Equal(["https://www.elancourt.fr/deliberation.pdf", "https://www.example.org/auto"],
            annotations.Select(a => a.Action).OfType<UriAction>().Select(a => a.Uri));
        Assert.Equal(2, annotations.Count(a => a.Action is GoToAction));

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var root = Assert.Single(bookmarks.Roots);
        Assert.Equal("Le contrat de vidéoprotection", root.Title);
        Assert.Equal(["Ce que prévoit le marché", "Sources"], root.Children.Select(c => c.Title));
        TestPdf.AssertQpdfAccepts(result.Pdf, "markdown-check.pdf");
    }

    [Fact]
    public void Unknown_inlines_fall_back_to_their_literal_text()
    {
        var result = TestPdf.Render(Build(new MarkdownOptions { Source = Narrative.Replace("\r\n", "\n", StringComparison.Ordinal) }));

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.Contains("Source [@3].", TestPdf.NormalizeSpaces(pdf.GetPage(1).Text));
    }

    [Fact]
    public void Heading_offset_and_relative_links_follow_the_options()
    {
        var markdown = Markdown.Parse("# Titre\n\n#### Profond\n\n[fiche](/communes/elancourt) [ailleurs](ftp://x)", Pipeline());

        var blocks = MarkdownMapper.Map(markdown, new MarkdownOptions
        {
            HeadingOffset = 1,
            ResolveUrl = url => url.StartsWith('/') ? "https://vigie.example.org" + url : null,
        });

        Assert.Equal([2, 4], blocks.OfType<Heading>().Select(h => h.Level));
        var runs = blocks.OfType<Paragraph>().Single().Runs;
        Assert.Equal("https://vigie.example.org/communes/elancourt", runs.Single(r => r.Text == "fiche").Uri);
        Assert.Null(runs.Single(r => r.Text == "ailleurs").Uri);
    }
}
