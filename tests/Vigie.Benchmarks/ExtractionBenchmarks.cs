using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using Vigie.Tests.Features.Documents;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents;
using Vigie.Web.Features.Documents.Processing;

namespace Vigie.Benchmarks;

/// <summary>
/// Text extraction throughput on a generated 200-page PDF (40 lines of French text a page). Baseline: PdfPig opening
/// the file and counting its pages without extracting anything. Pages per second = 200 / mean time.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    public const int Pages = 200;
    private string _folder = null!;
    private string _pdf = null!;
    private DocumentProcessor _processor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"vigie-bench-extraction-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _pdf = Path.Combine(_folder, "200-pages.pdf");
        var lines = Enumerable.Range(1, 40).Select(i =>
            $"Ligne {i} : le marché de vidéoprotection prévoit l'installation de caméras, la lecture de plaques et un centre de supervision.");
        File.WriteAllBytes(_pdf, TestFiles.Pdf(Enumerable.Range(1, Pages).Select(p => $"Page {p}\n" + string.Join('\n', lines)).ToArray()));
        var options = Options.Create(new DocumentOptions());
        _processor = new DocumentProcessor(options, new Pdftoppm(options, NullLogger<Pdftoppm>.Instance), NullLogger<DocumentProcessor>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "PdfPig open + page count (no extraction)")]
    public int OpenOnly()
    {
        using var document = PdfDocument.Open(_pdf);
        return document.NumberOfPages;
    }

    [Benchmark(Description = "Read the file's bytes")]
    public int ReadBytes() => File.ReadAllBytes(_pdf).Length;

    [Benchmark(Description = "Text extraction, 200 pages (PdfPig, content order)")]
    public int ExtractText() => TextExtraction.Pdf(_pdf, 2000, CancellationToken.None).Pages.Count;

    [Benchmark(Description = "Full processing: text + 6 thumbnails (pdftoppm)")]
    public async Task<int> FullProcessing()
    {
        var work = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            return (await _processor.ProcessAsync(_pdf, FileFormat.Pdf, work, CancellationToken.None)).Pages.Count;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
