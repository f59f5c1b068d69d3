using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Processing;

namespace Vigie.Tests.Features.Documents;

/// <summary>A server without poppler-utils: documents are still processed, the log says why once, and PDF pages explain the missing preview.</summary>
public sealed class PreviewWithoutPdftoppmTests(PreviewWithoutPdftoppmTests.NoPdftoppmFactory factory) : IClassFixture<PreviewWithoutPdftoppmTests.NoPdftoppmFactory>
{
    public sealed class NoPdftoppmFactory : VigieFactory
    {
        public LogCapture Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Vigie:Documents:PdftoppmPath", "/nonexistent/poppler/pdftoppm");
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
        }
    }

    private IEnumerable<LogEntry> PdftoppmWarnings => factory.Log.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("pdftoppm", StringComparison.Ordinal));

    [Fact]
    public async Task A_pdf_without_thumbnails_explains_that_the_server_lacks_pdftoppm()
    {
        int documentId;
        await using (var db = factory.CreateDbContext())
        {
            var document = await db.Documents.FirstAsync(d => d.IsPublic && d.File!.Format == FileFormat.Pdf && d.File.Status == ProcessingStatus.Done);
            documentId = document.Id;
            // As if it had been processed on this server: no thumbnails.
            await db.FilePages.Where(p => p.FileId == document.FileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ThumbnailSha256, (string?)null));
        }
        await factory.EvictCacheAsync();

        var page = await factory.GetDocumentAsync($"/documents/{documentId}");
        var text = string.Join(' ', page.Body!.TextContent.Replace('\u00a0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Aperçu indisponible : l'outil pdftoppm (paquet poppler-utils) n'est pas installé sur le serveur.", text, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".thumbnails img"));
        Assert.Single(PdftoppmWarnings);
    }

    [Fact]
    public async Task Pdfs_are_still_processed_and_the_missing_tool_is_logged_once()
    {
        var folder = Path.Combine(factory.DataDirectory, $"sans-pdftoppm-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var pdf = Path.Combine(folder, "marche.pdf");
        await File.WriteAllBytesAsync(pdf, TestFiles.Pdf("Première page du marché.", "Deuxième page."));
        for (var i = 0; i < 2; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DocumentProcessor>().ProcessAsync(pdf, FileFormat.Pdf, folder, default);
            Assert.Equal(2, result.PageCount);
            Assert.Contains("Deuxième page", result.Pages[1].Text, StringComparison.Ordinal);
            Assert.All(result.Pages, p => Assert.Null(p.ThumbnailFile));
        }
        Assert.Single(PdftoppmWarnings);
    }
}
