using BenchmarkDotNet.Attributes;
using Microsoft.Playwright;
using Vigie.Pdf;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.CaseFiles;
using Vigie.Web.Features.Cases;

namespace Vigie.Benchmarks;

/// <summary>
/// The Élancourt case file. Baseline: a one-paragraph PDF through the same renderer (the floor of any PDF).
/// Compared with headless Chromium printing the same case page to PDF (Playwright Page.PdfAsync), the
/// usual alternative.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CaseFileBenchmarks
{
    private CasePage _page = null!;
    private PrintDocument _appendix200 = null!;
    private BenchmarkApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _browserPage = null!;
    private string _caseUrl = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        PdfFonts.EnsureFonts();
        var connectionString = await TestDatabase.CreateDatabaseAsync("bench_case_file");
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            _page = (await CaseQueries.LoadPublishedPageAsync(db, "elancourt", DateOnly.FromDateTime(DateTime.UtcNow), default))!;
        }
        _appendix200 = new PrintDocument(new DocumentInfo("Annexe de 200 pages"));
        _appendix200.Add(new Heading(1, "Dossier"), new Paragraph("Corps du dossier."));
        _appendix200.AddAppendix(Appendix.Pdf(TwoHundredPages(), "Annexe 1 — Document de 200 pages — page"));

        _app = new BenchmarkApp(connectionString, kestrel: true);
        _caseUrl = _app.StartKestrel() + "/dossiers/elancourt";
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        _browserPage = await _browser.NewPageAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await TestDatabase.DropDatabaseAsync(_app.ConnectionString);
    }

    [Benchmark(Baseline = true, Description = "One-paragraph PDF (floor)")]
    public byte[] Floor() => PdfRenderer.Render(new PrintDocument(new DocumentInfo("Plancher")).Add(new Paragraph("Une ligne."))).Pdf;

    [Benchmark(Description = "Élancourt case file, Vigie.Pdf")]
    public byte[] CaseFile() => PdfRenderer.Render(new CaseFileDocument(_page, "https://vigie.example.org/dossiers/elancourt", DateTimeOffset.UtcNow).Compose()).Pdf;

    [Benchmark(Description = "Élancourt case page printed by Chromium")]
    public async Task<byte[]> Chromium()
    {
        await _browserPage.GotoAsync(_caseUrl);
        return await _browserPage.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
    }

    [Benchmark(Description = "Case file + 200-page appended PDF (201 pages)")]
    public byte[] WithAppendix() => PdfRenderer.Render(_appendix200).Pdf;

    private static byte[] TwoHundredPages()
    {
        var document = new PrintDocument(new DocumentInfo("Source"));
        for (var i = 1; i <= 200; i++)
        {
            document.Add(new Heading(2, $"Page {i}"), new Paragraph("Texte de la page, pour que chaque page ait un contenu."), new PageBreak());
        }
        return PdfRenderer.Render(document).Pdf;
    }
}
