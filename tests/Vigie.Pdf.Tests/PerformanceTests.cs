using System.Diagnostics;
using Xunit.Abstractions;

namespace Vigie.Pdf.Tests;

[CollectionDefinition(nameof(PerformanceTests), DisableParallelization = true)]
public class PerformanceCollection;

[Collection(nameof(PerformanceTests))]
public class PerformanceTests(ITestOutputHelper output)
{
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
        var (layoutWall, layoutCpu) = Median(30, () => Layout());
        var (renderWall, renderCpu) = Median(30, () => PdfRenderer.Render(document));
        output.WriteLine($"{pages} pages, medians of 30 warm runs: layout {layoutWall:0.00} ms ({layoutCpu:0.00} ms CPU), " +
            $"full render to bytes {renderWall:0.00} ms ({renderCpu:0.00} ms CPU)");

        Assert.InRange(pages, 9, 14);
        // Loose bounds, on CPU time: the shared test machine is often loaded; they catch a change of order, not noise.
        Assert.True(layoutCpu < 40, $"layout took {layoutCpu:0.0} ms CPU");
        Assert.True(renderCpu < 150, $"render took {renderCpu:0.0} ms CPU");
    }

    /// <summary>Median wall-clock and process CPU milliseconds of <paramref name="runs"/> runs.</summary>
    static (double Wall, double Cpu) Median(int runs, Action action)
    {
        var wall = new double[runs];
        var cpu = new double[runs];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            wall[i] = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }
        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[runs / 2], cpu[runs / 2]);
    }
}
