using System.Diagnostics;
using System.Net;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Outline;
using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Features.CaseFiles;

public sealed class CaseFileTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static string Normalize(string text) =>
        string.Join(' ', text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<byte[]> DownloadAsync()
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/dossiers/elancourt.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("inline", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal("vigie-dossier-elancourt.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_elancourt_case_file_holds_the_key_facts_with_accents_and_word_spacing()
    {
        using var pdf = PdfDocument.Open(await DownloadAsync());
        // Content order, as a reader (or a copy-paste) gets it; superscript citations stay where they were written.
        var text = Normalize(string.Join(' ', pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))));
        Assert.Contains("Élancourt : la vitrine française de Genetec", text, StringComparison.Ordinal);
        Assert.Contains("Le 2 juillet 2019, la ville d'Élancourt, dans les Yvelines, a conclu avec l'éditeur canadien Genetec", text, StringComparison.Ordinal);
        Assert.Contains("20 000 000 €", text, StringComparison.Ordinal);
        Assert.Contains("5 000 000 €", text, StringComparison.Ordinal);
        Assert.Contains("25 000 000 €", text, StringComparison.Ordinal);
        Assert.Contains("Pierre Racz", text, StringComparison.Ordinal);
        Assert.Contains("Jean-Michel Fourgous", text, StringComparison.Ordinal);
        Assert.Contains("Close (partielle)", text, StringComparison.Ordinal);
        Assert.Contains("https://lagazette-sqy.fr/2019/09/24/votreville/elancourt/des-innovations-en-videoprotection-vont-etre-testees-a-elancourt/", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_file_has_an_outline_links_metadata_and_a_footer_on_every_page()
    {
        using var pdf = PdfDocument.Open(await DownloadAsync());
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = Flatten(bookmarks.Roots).Select(b => b.Title).ToList();
        Assert.Contains("Description", titles);
        Assert.Contains("Chronologie", titles);
        Assert.Contains("Sources", titles);
        Assert.Equal("Élancourt : la vitrine française de Genetec", Normalize(pdf.Information.Title!));
        Assert.Equal("Vigie", pdf.Information.Author);

        var uris = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).Select(l => l.Uri).OfType<string>().ToList();
        Assert.Contains("https://technopolice.fr/elancourt", uris);
        Assert.Contains(uris, u => u.EndsWith("/dossiers/elancourt", StringComparison.Ordinal));

        var pages = pdf.NumberOfPages;
        var appendixPages = 0;
        foreach (var page in pdf.GetPages())
        {
            var text = Normalize(ContentOrderTextExtractor.GetText(page));
            if (text.Contains("DOCUMENT DE DÉMONSTRATION", StringComparison.Ordinal))
            {
                // An obtained document, appended page by page and stamped with its provenance.
                appendixPages++;
                Assert.Contains("Annexe 1 — Contrat Élancourt – Genetec (3 pages communiquées)", text, StringComparison.Ordinal);
                Assert.Contains("via la demande « Contrat conclu avec Genetec et ses annexes »", text, StringComparison.Ordinal);
                Assert.Contains($"page {appendixPages}/3", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains($"Page {page.Number} / {pages}", text, StringComparison.Ordinal);
            }
        }
        Assert.Equal(3, appendixPages);
        Assert.Contains(titles, t => t.StartsWith("Annexe 1 — Contrat Élancourt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_case_file_passes_qpdf_check_and_page_one_is_rendered_for_review()
    {
        var bytes = await DownloadAsync();
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "case-files");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "elancourt.pdf");
        await File.WriteAllBytesAsync(file, bytes);

        var (code, output) = Run("qpdf", "--check", file);
        Assert.True(code == 0, $"qpdf --check failed ({code}): {output}");
        var (renderCode, renderOutput) = Run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", file, Path.Combine(folder, "elancourt-page"));
        Assert.True(renderCode == 0, renderOutput);
        Assert.NotEmpty(Directory.GetFiles(folder, "elancourt-page*.png"));
        using var pdf = PdfDocument.Open(bytes);
        var last = pdf.NumberOfPages.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (appendixCode, appendixOutput) = Run("pdftoppm", "-png", "-r", "80", "-f", last, "-l", last, file, Path.Combine(folder, "elancourt-annexe"));
        Assert.True(appendixCode == 0, appendixOutput);
        Assert.NotEmpty(Directory.GetFiles(folder, "elancourt-annexe*.png"));
    }

    [Fact]
    public async Task An_unknown_or_unpublished_case_has_no_case_file()
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/dossiers/inconnu.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unchanged_case_file_is_served_again_with_its_etag()
    {
        using var client = factory.CreateBrowserlessClient();
        using var first = await client.GetAsync(new Uri("/dossiers/elancourt.pdf", UriKind.Relative));
        var etag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dossiers/elancourt.pdf", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task The_case_page_links_to_its_case_file()
    {
        var page = await factory.GetDocumentAsync("/dossiers/elancourt");
        var link = page.QuerySelector("a[href='/dossiers/elancourt.pdf']");
        Assert.NotNull(link);
        Assert.Equal("Télécharger le dossier (PDF)", link!.TextContent.Trim());
    }

    private static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    private static (int Code, string Output) Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}

public sealed class CaseFileAppendixFailureTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task A_corrupt_document_is_listed_with_its_reason_and_skipped()
    {
        var bytes = "%PDF-1.7\n1 0 obj <<\n garbage, no xref, truncated"u8.ToArray();
        var hash = Vigie.Web.Features.Documents.Storage.ContentHash.Of(bytes);
        var local = Path.GetTempFileName();
        await File.WriteAllBytesAsync(local, bytes);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services))
        {
            var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Vigie.Web.Features.Documents.Storage.IDocumentStore>(scope.ServiceProvider);
            await store.PutAsync(hash, local, default);
        }
        await using (var db = factory.CreateDbContext())
        {
            var elancourt = db.Cases.Single(c => c.Slug == "elancourt");
            var file = new Vigie.Web.Data.Entities.StoredFile { Sha256 = hash.ToString(), Length = bytes.Length, Format = Vigie.Web.Data.Entities.FileFormat.Pdf, CreatedAt = DateTimeOffset.UtcNow, Status = Vigie.Web.Data.Entities.ProcessingStatus.Failed };
            db.StoredFiles.Add(file);
            db.Documents.Add(new Vigie.Web.Data.Entities.Document { Title = "Délibération abîmée", CaseId = elancourt.Id, IsPublic = true, File = file });
            elancourt.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/dossiers/elancourt.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(' ', pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))).Replace('\u00a0', ' ');
        Assert.Contains("Documents non joints", text, StringComparison.Ordinal);
        Assert.Contains("Délibération abîmée", text, StringComparison.Ordinal);
        Assert.Contains("DOCUMENT DE DÉMONSTRATION", text, StringComparison.Ordinal);
    }
}
