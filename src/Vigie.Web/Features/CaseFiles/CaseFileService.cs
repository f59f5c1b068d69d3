using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Vigie.Pdf;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Cases;
using Vigie.Web.Features.Documents.Storage;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.CaseFiles;

public sealed record CaseFile(byte[] Pdf, string FileName, string ETag, DateTimeOffset LastModified, IReadOnlyList<AppendixFailure> Failures);

/// <summary>An obtained document appended to the case file, with its number ("Annexe 2").</summary>
public sealed record CaseFileAppendix(int Number, Document Document, StoredFile File);

/// <summary>
/// Builds case files and keeps them while their case is unchanged: the cache key holds the last change of the
/// case, of its public requests and documents, today's date (request deadlines move with the calendar) and the
/// site's address printed in the file (it follows the request's host when <c>Vigie:PublicUrl</c> is not set).
/// </summary>
public sealed class CaseFileService(VigieDbContext db, IDocumentStore store, CaseFileCache cache, TimeProvider clock)
{
    /// <summary>The case file of a published case; <paramref name="siteUrl"/> is the site's address (<see cref="SiteAddress"/>) for its link to the case page.</summary>
    public async Task<CaseFile?> GetAsync(string slug, string siteUrl, CancellationToken cancellationToken)
    {
        var stamp = await db.Cases.AsNoTracking().Public().Where(c => c.Slug == slug)
            .Select(c => new
            {
                c.UpdatedAt,
                Requests = c.CadaRequests.Where(r => Visibility.IsPublic(r)).Max(r => (DateTimeOffset?)r.UpdatedAt),
                RequestCount = c.CadaRequests.Count(r => Visibility.IsPublic(r)),
                Documents = c.Documents.Count(d => Visibility.IsPublic(d)),
                LastDocument = c.Documents.Where(d => Visibility.IsPublic(d)).Max(d => (int?)d.Id),
                Processed = c.Documents.Count(d => Visibility.IsPublic(d) && d.File != null && d.File.Status != ProcessingStatus.Pending),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (stamp is null)
        {
            return null;
        }
        var today = ParisClock.TodayInParis(clock);
        var key = $"case-file:{slug}:{stamp.UpdatedAt.UtcTicks}:{stamp.Requests?.UtcTicks}:{stamp.RequestCount}:{stamp.Documents}:{stamp.LastDocument}:{stamp.Processed}:{today.DayNumber}:{siteUrl}";
        if (cache.Files.TryGetValue(key, out CaseFile? cached) && cached is not null)
        {
            return cached;
        }
        var page = await CaseQueries.LoadPublishedPageAsync(db, slug, today, cancellationToken);
        if (page is null)
        {
            return null;
        }
        var file = await BuildAsync(page, siteUrl, clock.GetUtcNow(), cancellationToken);
        var lastModified = new[] { stamp.UpdatedAt, stamp.Requests ?? stamp.UpdatedAt }.Max();
        file = file with { ETag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32]}\"", LastModified = lastModified };
        cache.Files.Set(key, file, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(6), Size = file.Pdf.Length });
        return file;
    }

    /// <summary>The case file, with the case's public PDF and image documents appended, each stamped with its provenance.</summary>
    public async Task<CaseFile> BuildAsync(CasePage page, string publicUrl, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var fileIds = page.Documents.Where(d => d.FileId is not null).Select(d => d.FileId!.Value).Distinct().ToList();
        var files = fileIds.Count == 0 ? [] : await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var appendices = page.Documents
            .Where(d => d.FileId is int id && files.TryGetValue(id, out var f) && f.Format is FileFormat.Pdf or FileFormat.Png or FileFormat.Jpeg)
            .Select((d, i) => new CaseFileAppendix(i + 1, d, files[d.FileId!.Value]))
            .ToList();
        var contents = new List<(CaseFileAppendix Appendix, byte[]? Bytes)>();
        foreach (var appendix in appendices)
        {
            contents.Add((appendix, await ReadAsync(appendix.File, cancellationToken)));
        }

        var url = $"{publicUrl.TrimEnd('/')}/dossiers/{page.Case.Slug}";
        var result = Render(page, url, generatedAt, contents, []);
        if (result.Failures.Count > 0 || contents.Any(c => c.Bytes is null))
        {
            // Rare: list what could not be appended, and why, in the file itself.
            var unusable = contents.Where(c => c.Bytes is null).Select(c => (c.Appendix, "fichier introuvable dans le stockage"))
                .Concat(result.Failures.Select(f => (contents.First(c => ReferenceEquals(c.Bytes, f.Appendix.Data)).Appendix, f.Reason)))
                .ToList();
            var usable = contents.Where(c => c.Bytes is not null && unusable.All(u => u.Appendix != c.Appendix)).ToList();
            result = Render(page, url, generatedAt, usable, unusable);
        }
        return new CaseFile(result.Pdf, $"vigie-dossier-{page.Case.Slug}.pdf", "", page.Case.UpdatedAt, result.Failures);
    }

    private static RenderResult Render(CasePage page, string url, DateTimeOffset generatedAt,
        IReadOnlyList<(CaseFileAppendix Appendix, byte[]? Bytes)> appendices, IReadOnlyList<(CaseFileAppendix Appendix, string Reason)> skipped)
    {
        var document = new CaseFileDocument(page, url, generatedAt, appendices.Select(a => a.Appendix).ToList(), skipped).Compose();
        foreach (var (appendix, bytes) in appendices)
        {
            var caption = CaseFileDocument.AppendixCaption(page, appendix);
            var title = $"Annexe {appendix.Number} — {appendix.Document.Title}";
            document.AddAppendix((appendix.File.Format == FileFormat.Pdf ? Appendix.Pdf(bytes!, caption) : Appendix.Image(bytes!, caption)) with { OutlineTitle = title });
        }
        return PdfRenderer.Render(document);
    }

    private async Task<byte[]?> ReadAsync(StoredFile file, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(ContentHash.Parse(file.Sha256), cancellationToken);
        if (stream is null)
        {
            return null;
        }
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }
}

/// <summary>Case files kept in memory, bounded by their total size: appendices can make them large.</summary>
public sealed class CaseFileCache : IDisposable
{
    public MemoryCache Files { get; } = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024 });

    public void Dispose() => Files.Dispose();
}
