using Xunit.Abstractions;

namespace Vigie.Pdf.Tests;

public class SampleTests(ITestOutputHelper output)
{
    [Fact]
    public void The_sample_case_file_renders_and_its_first_page_becomes_a_png_artifact()
    {
        var result = PdfRenderer.Render(new SampleCaseFile().Compose());
        var pdfPath = TestPdf.Save(result.Pdf, "sample-case-file.pdf");
        TestPdf.AssertQpdfAccepts(result.Pdf, "sample-case-file-check.pdf");

        var prefix = Path.Combine(TestPdf.ArtifactsFolder, "sample-case-file");
        var (exitCode, text) = TestPdf.RunTool("pdftoppm", "poppler-utils", "-png", "-r", "60", "-f", "1", "-l", "1", pdfPath, prefix);
        Assert.True(exitCode == 0, text);
        var png = Directory.GetFiles(TestPdf.ArtifactsFolder, "sample-case-file-*.png").Single();
        Assert.True(new FileInfo(png).Length > 10_000);
        output.WriteLine($"{result.PageCount} pages: {pdfPath}, page 1: {png}");

        using var pdf = TestPdf.Open(result.Pdf);
        var first = TestPdf.NormalizeSpaces(pdf.GetPage(1).Text);
        Assert.Contains("Vigie — dossier documentaire", first);
        Assert.Contains("Marché n° 2019-07 — 20 000 000 € TTC sur 5 ans", first);
    }

    [Fact]
    public void A_cada_letter_renders_with_its_blocks_in_reading_order()
    {
        var letter = new PrintDocument(new DocumentInfo("Demande de communication de documents administratifs")
        {
            Author = "Vigie",
            GeneratedAt = TestPdf.GeneratedAt,
        }).Add(
            new Paragraph(Run.Bold("Association Vigie"), Run.LineBreak, Run.Plain("12 rue de la République"), Run.LineBreak, Run.Plain("75011 Paris")),
            new Spacer(18),
            new Paragraph(Run.Plain("Monsieur le Maire"), Run.LineBreak, Run.Plain("Hôtel de ville"), Run.LineBreak, Run.Plain("78990 Élancourt")) { Align = TextAlign.Right },
            new Spacer(12),
            new Paragraph("Paris, le 3 octobre 2019") { Align = TextAlign.Right },
            new Spacer(12),
            new Paragraph(Run.Bold("Objet : "), Run.Plain("demande de communication du marché de vidéoprotection n° 2019-07")),
            new Paragraph("Monsieur le Maire,"),
            new Paragraph(
                Run.Plain("En application des articles L.\u00A0311-1 et suivants du code des relations entre le public et l'administration, "),
                Run.Plain("nous sollicitons la communication du contrat et de ses annexes.")) { Align = TextAlign.Justify },
            new Spacer(24),
            new Paragraph("Le président") { Align = TextAlign.Right });

        var result = TestPdf.Render(letter, "cada-letter.pdf");

        using var pdf = TestPdf.Open(result.Pdf);
        Assert.False(pdf.TryGetBookmarks(out _));
        var text = TestPdf.NormalizeSpaces(pdf.GetPage(1).Text);
        var order = new[] { "Association Vigie", "Monsieur le Maire", "Paris, le 3 octobre 2019", "Objet : demande", "articles L. 311-1", "Le président" }
            .Select(part => text.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        var date = pdf.GetPage(1).GetWords().First(w => w.Text == "2019");
        Assert.InRange(date.BoundingBox.Right, Typography.PageWidth - Typography.MarginRight - 1, Typography.PageWidth - Typography.MarginRight + 0.5);
    }
}
