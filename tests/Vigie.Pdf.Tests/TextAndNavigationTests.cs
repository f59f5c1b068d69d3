using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;

namespace Vigie.Pdf.Tests;

public class TextAndNavigationTests
{
    [Fact]
    public void Accents_and_word_spacing_survive_text_extraction()
    {
        var document = TestPdf.NewDocument().Add(
            new Paragraph("Le 2 juillet 2019, la commune d'Élancourt a signé un marché de 20\u202F000\u202F000\u00A0€."),
            new Paragraph(Run.Plain("Citations « entre guillemets », cœur, façade, à côté, "), Run.Bold("très gras"), Run.Plain(" et "), Run.Italic("penché.")));

        var result = TestPdf.Render(document, "accents.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        var page = pdf.GetPage(1);
        var text = TestPdf.NormalizeSpaces(page.Text);
        Assert.Contains("Le 2 juillet 2019, la commune d'Élancourt", text);
        Assert.Contains("20 000 000 €", text);
        Assert.Contains("« entre guillemets », cœur, façade, à côté, très gras et penché.", text);

        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.Equal(["Le", "2", "juillet", "2019,", "la", "commune", "d'Élancourt"], words.Take(7));
    }

    [Fact]
    public void Justified_lines_keep_real_spaces_between_words()
    {
        var text = TestPdf.Lorem(400, seed: 1);
        var result = TestPdf.Render(TestPdf.NewDocument().Add(new Paragraph(text) { Align = TextAlign.Justify }));

        using var pdf = TestPdf.Open(result.Pdf);
        var extracted = string.Concat(pdf.GetPages().Select(p => string.Concat(TestPdf.BodyLetters(p).Select(l => l.Value))));
        Assert.Equal(text, TestPdf.NormalizeSpaces(extracted));
    }

    [Fact]
    public void Headings_become_nested_outline_entries()
    {
        var document = TestPdf.NewDocument().Add(
            new Heading(1, "Contrat"),
            new Paragraph("Texte."),
            new Heading(2, "Montant"),
            new Heading(3, "Détail par année"),
            new Heading(2, "Durée"),
            new Heading(1, "Sources"),
            new Heading(4, "Sans parent de niveau 3"));

        var result = TestPdf.Render(document, "outline.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots;
        Assert.Equal(["Contrat", "Sources"], roots.Select(r => r.Title));
        Assert.Equal(["Montant", "Durée"], roots[0].Children.Select(c => c.Title));
        Assert.Equal("Détail par année", Assert.Single(roots[0].Children[0].Children).Title);
        Assert.Equal("Sans parent de niveau 3", Assert.Single(roots[1].Children).Title);
        Assert.All(bookmarks.GetNodes().OfType<DocumentBookmarkNode>(), node => Assert.Equal(1, node.PageNumber));
    }

    [Fact]
    public void Links_carry_their_uri_and_unsafe_schemes_are_not_linked()
    {
        var document = TestPdf.NewDocument().Add(new Paragraph(
            Run.Plain("Voir "),
            Run.Link("la délibération", "https://www.elancourt.fr/deliberation-2019-07.pdf"),
            Run.Plain(", écrire à "),
            Run.Link("la mairie", "mailto:mairie@elancourt.fr"),
            Run.Plain(" ou "),
            Run.Link("ceci", "javascript:alert(1)"),
            Run.Plain(".")));

        var result = TestPdf.Render(document, "links.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        var page = pdf.GetPage(1);
        var uris = page.GetAnnotations()
            .Where(a => a.Type == AnnotationType.Link)
            .Select(a => (a.Action as UriAction)?.Uri)
            .ToList();
        Assert.Equal(["https://www.elancourt.fr/deliberation-2019-07.pdf", "mailto:mairie@elancourt.fr"], uris);

        var hyperlink = page.GetHyperlinks().Single(h => h.Uri.StartsWith("https", StringComparison.Ordinal));
        Assert.StartsWith("la délibération", TestPdf.NormalizeSpaces(hyperlink.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_links_to_its_anchor_in_the_sources_list()
    {
        var document = TestPdf.NewDocument().Add(
            new Paragraph(Run.Plain("Le contrat a été reconduit"), Run.Reference("3", "source-3"), Run.Plain(".")),
            new PageBreak(),
            new Heading(2, "Sources"),
            new Anchor("source-3"),
            new Paragraph("3. Délibération du conseil municipal."));

        var result = TestPdf.Render(document, "citation.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        var link = Assert.Single(pdf.GetPage(1).GetAnnotations(), a => a.Type == AnnotationType.Link);
        var goTo = Assert.IsType<GoToAction>(link.Action);
        Assert.Equal(2, goTo.Destination.PageNumber);
        // The superscript "3" sits above the baseline of the sentence.
        var letters = TestPdf.BodyLetters(pdf.GetPage(1)).ToList();
        var mark = letters.Single(l => l.Value == "3");
        Assert.True(mark.StartBaseLine.Y > letters.First(l => l.Value == "L").StartBaseLine.Y + 2);
        Assert.True(mark.PointSize < letters.First(l => l.Value == "L").PointSize);
    }

    [Fact]
    public void Every_page_has_a_footer_with_the_right_total()
    {
        var document = TestPdf.NewDocument();
        for (var i = 0; i < 60; i++)
            document.Add(new Paragraph(TestPdf.Lorem(80, i)));

        var result = TestPdf.Render(document, "footer.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.True(pdf.NumberOfPages >= 5);
        Assert.Equal(pdf.NumberOfPages, result.PageCount);
        foreach (var page in pdf.GetPages())
        {
            var text = TestPdf.NormalizeSpaces(page.Text);
            Assert.Contains($"Page {page.Number} / {pdf.NumberOfPages}", text);
            Assert.Contains("Dossier de test — Élancourt", text);
            Assert.Contains("Généré le 3 octobre 2019", text);
            Assert.Contains("https://vigie.example.org/dossiers/elancourt", text);
        }
    }

    [Fact]
    public void Metadata_is_written()
    {
        var result = TestPdf.Render(TestPdf.NewDocument().Add(new Paragraph("Texte.")));

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.Equal("Dossier de test — Élancourt", pdf.Information.Title);
        Assert.Equal("Vigie", pdf.Information.Author);
        Assert.Equal("Contrats de vidéosurveillance", pdf.Information.Subject);
        Assert.Equal("vidéosurveillance, CADA", pdf.Information.Keywords);
        Assert.StartsWith("D:20191003", pdf.Information.CreationDate, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_files_pass_qpdf_check()
    {
        var document = TestPdf.NewDocument().Add(
            new Heading(1, "Titre"),
            new Paragraph(Run.Plain("Lien "), Run.Link("site", "https://example.org"), Run.Reference("1", "n1")),
            new TableBlock([ColumnWidth.Relative(), ColumnWidth.Fixed(80)], [["A", "B"], ["1", "2"]]),
            new BlockQuote([new Paragraph("Citation.")]),
            new ImageBlock(TestPdf.Png(40, 20, (x, y) => ((byte)(x * 6), (byte)(y * 12), 90))),
            new Anchor("n1"),
            new Paragraph("1. Note."));

        TestPdf.AssertQpdfAccepts(TestPdf.Render(document).Pdf, "qpdf-check.pdf");
    }
}
