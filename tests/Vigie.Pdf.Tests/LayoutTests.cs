namespace Vigie.Pdf.Tests;

public class LayoutTests
{
    const double ContentRight = Typography.PageWidth - Typography.MarginRight;

    [Fact]
    public void A_300_row_table_repeats_its_header_on_every_page()
    {
        var rows = new List<IReadOnlyList<TableCell>> { new TableCell[] { "N°", "Objet du marché", "Montant TTC" } };
        for (var i = 1; i <= 300; i++)
            rows.Add(new TableCell[] { $"L{i:000}", $"Caméra dôme n° {i}, pose et raccordement {TestPdf.Lorem(i % 7, i)}", new($"{i * 1250}\u00A0€") { Align = TextAlign.Right } });
        var document = TestPdf.NewDocument().Add(
            new Heading(1, "Bordereau des prix"),
            new TableBlock([ColumnWidth.Fixed(50), ColumnWidth.Relative(3), ColumnWidth.Relative(1)], rows));

        var result = TestPdf.Render(document, "table-300.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.True(pdf.NumberOfPages >= 5, $"only {pdf.NumberOfPages} pages");
        var seen = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.Contains("Objet", words);
            Assert.Contains("TTC", words);
            seen.AddRange(words.Where(w => w.Length == 4 && w[0] == 'L' && char.IsDigit(w[1])));
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, ContentRight + 0.5));
        }
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"L{i:000}"), seen);
        TestPdf.AssertQpdfAccepts(result.Pdf, "table-300-check.pdf");
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_between_lines()
    {
        var tall = string.Join(" ", Enumerable.Range(1, 260).Select(i => $"mot{i:000}"));
        var document = TestPdf.NewDocument().Add(
            new Paragraph("Avant le tableau."),
            new TableBlock([ColumnWidth.Fixed(60), ColumnWidth.Fixed(60)], [["Clé", "Valeur"], ["gauche", tall], ["fin", "dernière ligne"]]));

        var result = TestPdf.Render(document, "tall-row.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.True(pdf.NumberOfPages >= 3);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 260).Select(i => $"mot{i:000}"), words.Where(w => w.StartsWith("mot", StringComparison.Ordinal)));
        Assert.Contains("dernière", words);
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains("Valeur", page.GetWords().Select(w => w.Text));
            var cellWords = page.GetWords().Where(w => w.Text.StartsWith("mot", StringComparison.Ordinal)).ToList();
            Assert.All(cellWords, w => Assert.True(w.BoundingBox.Bottom > Typography.MarginBottom - 4, $"{w.Text} at y={w.BoundingBox.Bottom}"));
        }
    }

    [Fact]
    public void A_2000_character_word_is_cut_inside_the_page()
    {
        var word = string.Concat(Enumerable.Range(0, 2000).Select(i => (char)('a' + i % 26)));
        var document = TestPdf.NewDocument().Add(new Paragraph($"Avant {word} après."));

        var result = TestPdf.Render(document, "long-word.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        var page = pdf.GetPage(1);
        var body = string.Concat(TestPdf.BodyLetters(page).Select(l => l.Value));
        Assert.Equal($"Avant {word} après.", body);
        Assert.All(page.Letters, l =>
        {
            Assert.InRange(l.BoundingBox.Left, Typography.MarginLeft - 0.5, ContentRight + 0.5);
            Assert.InRange(l.BoundingBox.Right, Typography.MarginLeft - 0.5, ContentRight + 0.5);
        });
    }

    [Fact]
    public void A_long_url_breaks_after_a_separator()
    {
        const string url = "https://www.marches-publics.gouv.fr/index.php?page=Entreprise.EntrepriseDetailsConsultation&refConsultation=612345&orgAcronyme=g7h";
        var runs = new[] { Run.Plain("Le dossier de consultation est publié sur "), Run.Link(url, url), Run.Plain(" depuis juin.") };
        using var measurer = new TextMeasurer();

        var lines = LineBreaker.Break(runs, Typography.Body, 300, TextAlign.Justify, measurer);

        var texts = lines.Select(l => string.Concat(l.Items.Select(i => i.Text))).ToList();
        Assert.Equal("Le dossier de consultation est publié sur " + url + " depuis juin.", string.Concat(texts));
        Assert.All(lines, l => Assert.True(l.Items.Max(i => i.X + measurer.Width(i.Text.TrimEnd(), i.Style)) <= 300.01));
        var cuts = texts.Take(texts.Count - 1).Select(t => t.TrimEnd()[^1]).Where(c => !char.IsWhiteSpace(c)).ToList();
        Assert.NotEmpty(cuts);
        Assert.All(cuts, c => Assert.Contains(c, "/.-?&=_#;,:"));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_column_narrower_than_one_character_does_not_hang()
    {
        var lines = await Task.Run(() =>
        {
            using var measurer = new TextMeasurer();
            return LineBreaker.Break([Run.Bold("W"), Run.Plain(" MMM ab")], Typography.Heading(1), 3, TextAlign.Justify, measurer);
        });

        Assert.Equal("WMMMab", string.Concat(lines.SelectMany(l => l.Items).Select(i => i.Text.Trim())));
    }

    [Fact]
    public void French_non_breaking_spaces_do_not_break()
    {
        using var measurer = new TextMeasurer();
        var text = string.Join(" ", Enumerable.Repeat("un montant de 20\u202F000\u00A0€ et", 12));

        var lines = LineBreaker.Break([Run.Plain(text)], Typography.Body, 200, TextAlign.Left, measurer);

        Assert.True(lines.Count > 3);
        Assert.All(lines, l =>
        {
            var line = string.Concat(l.Items.Select(i => i.Text)).Trim();
            Assert.False(line.EndsWith("20", StringComparison.Ordinal) || line.EndsWith("000", StringComparison.Ordinal), line);
        });
    }

    [Fact]
    public void An_empty_section_renders()
    {
        var document = TestPdf.NewDocument().Add(
            new Heading(1, "Section vide"),
            new Heading(2, "Sous-section vide"),
            new Heading(1, "Section suivante"),
            new Paragraph(""),
            new ItemList([]),
            new TableBlock([], []),
            new Heading(2, "Fin"));

        var result = TestPdf.Render(document);

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = TestPdf.NormalizeSpaces(pdf.GetPage(1).Text);
        Assert.Contains("Section vide", text);
        Assert.Contains("Fin", text);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(4, bookmarks.GetNodes().Count());
    }

    [Fact]
    public void An_empty_document_still_has_one_page_with_its_footer()
    {
        var result = TestPdf.Render(TestPdf.NewDocument());

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("Page 1 / 1", TestPdf.NormalizeSpaces(pdf.GetPage(1).Text));
    }

    [Fact]
    public void A_heading_is_never_the_last_line_of_a_page()
    {
        var moved = 0;
        for (var fillers = 0; fillers < 40; fillers++)
        {
            var document = TestPdf.NewDocument();
            for (var i = 0; i < fillers; i++)
                document.Add(new Paragraph(TestPdf.Lorem(14 + i % 5, i)));
            document.Add(new Heading(2, "Intertitre repère"), new Paragraph(TestPdf.Lorem(120, 99)));

            using var pdf = TestPdf.Open(TestPdf.Render(document).Pdf);
            var page = pdf.GetPages().Single(p => p.GetWords().Any(w => w.Text == "repère"));
            var heading = page.GetWords().First(w => w.Text == "repère").BoundingBox.Bottom;
            var below = TestPdf.BodyLetters(page).Count(l => l.StartBaseLine.Y < heading - 5);
            Assert.True(below >= 40, $"{fillers} fillers: the heading is followed by only {below} letters on page {page.Number}");
            if (page.Number > 1 && !TestPdf.BodyLetters(page).Any(l => l.StartBaseLine.Y > heading + 2))
                moved++;
        }
        Assert.True(moved > 0, "no case pushed the heading to the top of a new page: the test did not exercise keep-with-next");
    }

    [Fact]
    public void Lists_quotes_code_and_rules_render_their_text()
    {
        var document = TestPdf.NewDocument().Add(
            new ItemList([
                new ListItem("Premier point"),
                new ListItem([new Paragraph("Deuxième point"), new ItemList([new ListItem("sous-point a"), new ListItem("sous-point b")], Ordered: true)]),
            ]),
            new BlockQuote([new Paragraph("« Une citation du rapport. »"), new BlockQuote([new Paragraph("Imbriquée.")])]),
            new HorizontalRule(),
            new Preformatted("SELECT * FROM contrats\n    WHERE commune = 'Élancourt';"),
            new KeepTogether([new Paragraph("Groupé 1"), new Paragraph("Groupé 2")]),
            new Spacer(20),
            new ImageBlock(TestPdf.Png(120, 60, (x, y) => ((byte)(x * 2), (byte)(y * 4), 160))) { Caption = "Figure 1 — Plan des caméras" });

        var result = TestPdf.Render(document, "blocks.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        var page = pdf.GetPage(1);
        var text = TestPdf.NormalizeSpaces(page.Text);
        foreach (var expected in new[] { "• Premier point", "• Deuxième point", "1. sous-point a", "2. sous-point b", "« Une citation du rapport. »",
                     "SELECT * FROM contrats", "WHERE commune = 'Élancourt';", "Figure 1 — Plan des caméras" })
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' not in: {text}");
        Assert.Single(page.GetImages());
        var indented = page.GetWords().First(w => w.Text == "WHERE").BoundingBox.Left - page.GetWords().First(w => w.Text == "SELECT").BoundingBox.Left;
        Assert.InRange(indented, 15, 30);
    }

    [Fact]
    public void Rendering_from_several_threads_gives_identical_text()
    {
        PrintDocument Build(int seed)
        {
            var document = TestPdf.NewDocument();
            for (var i = 0; i < 30; i++)
                document.Add(new Heading(2, $"Partie {i}"), new Paragraph(Run.Plain(TestPdf.Lorem(60, seed + i)), Run.Bold(" fin.")));
            return document;
        }

        var expected = Enumerable.Range(0, 8).Select(s => Text(PdfRenderer.Render(Build(s)).Pdf)).ToArray();
        var parallel = new string[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, s => parallel[s] = Text(PdfRenderer.Render(Build(s)).Pdf));

        Assert.Equal(expected, parallel);

        static string Text(byte[] bytes)
        {
            using var pdf = TestPdf.Open(bytes);
            return string.Join("\n", pdf.GetPages().Select(p => p.Text));
        }
    }
}
