using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Vigie.Pdf;
using Vigie.Web.Data;
using Vigie.Web.Features.Cases;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.CaseFiles;

public sealed record CaseFile(byte[] Pdf, string FileName, string ETag, DateTimeOffset LastModified, IReadOnlyList<AppendixFailure> Failures);

/// <summary>
/// Builds case files and keeps them while their case is unchanged: the cache key holds the case's last
/// change and today's date (request deadlines move with the calendar), so an edit or a new day rebuilds it.
/// </summary>
public sealed class CaseFileService(VigieDbContext db, IMemoryCache cache, TimeProvider clock, IOptions<VigieOptions> options)
{
    private static readonly MemoryCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromHours(6) };

    public async Task<CaseFile?> GetAsync(string slug, CancellationToken cancellationToken)
    {
        var stamp = await db.Cases.AsNoTracking().Published().Where(c => c.Slug == slug)
            .Select(c => (DateTimeOffset?)c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (stamp is not { } updatedAt)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var key = $"case-file:{slug}:{updatedAt.UtcTicks}:{today.DayNumber}";
        if (cache.TryGetValue(key, out CaseFile? cached) && cached is not null)
        {
            return cached;
        }
        var page = await CaseQueries.LoadPublishedPageAsync(db, slug, Infrastructure.ParisClock.TodayInParis(clock), cancellationToken);
        if (page is null)
        {
            return null;
        }
        var file = Build(page, options.Value.PublicUrl, clock.GetUtcNow());
        file = file with { ETag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32]}\"", LastModified = updatedAt };
        cache.Set(key, file, Entry);
        return file;
    }

    public static CaseFile Build(CasePage page, string publicUrl, DateTimeOffset generatedAt)
    {
        var url = $"{publicUrl.TrimEnd('/')}/dossiers/{page.Case.Slug}";
        var document = new CaseFileDocument(page, url, generatedAt).Compose();
        var result = PdfRenderer.Render(document);
        return new CaseFile(result.Pdf, $"vigie-dossier-{page.Case.Slug}.pdf", "", page.Case.UpdatedAt, result.Failures);
    }
}
