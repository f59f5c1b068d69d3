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
}
