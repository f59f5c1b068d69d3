using System.Diagnostics;
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
    public void A_ten_page_document_lays_out_in_a_few_milliseconds_warm()
    {
        var document = new SampleCaseFile(narrativeRepeats: 8).Compose();
        var width = Typography.PageWidth - Typography.MarginLeft - Typography.MarginRight;
        var height = Typography.PageHeight - Typography.MarginTop - Typography.MarginBottom;

        int Layout()
        {
            using var measurer = new TextMeasurer();
            var units = new BlockComposer(measurer, height).Compose(document.Blocks, width);
            return Paginator.Paginate(units, height).Count;
        }

        var pages = Layout();
        for (var i = 0; i < 5; i++)
        {
            Layout();
            PdfRenderer.Render(document);
        }
        var layout = Median(30, () => Layout());
        var render = Median(30, () => PdfRenderer.Render(document));
        output.WriteLine($"{pages} pages: layout {layout:0.00} ms, full render to bytes {render:0.00} ms (medians of 30, warm)");

        Assert.InRange(pages, 9, 14);
        Assert.True(layout < 50, $"layout took {layout:0.0} ms");
        Assert.True(render < 150, $"render took {render:0.0} ms");
    }

    static double Median(int runs, Action action)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
