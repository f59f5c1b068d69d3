using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Documents.Storage;

public sealed record CleanupReport(int Orphans, int AbandonedWrites, int TemporaryFiles, int ExpiredHolds);

/// <summary>
/// Removes what an interrupted upload or processing can leave behind: files in the store that no row references
/// (put, then the transaction never committed), partial writes, temporary files of uploads, and the kept files
/// of forms nobody submitted again. Deciding and deleting happen under the exclusive <see cref="StoreLock"/>.
/// </summary>
public sealed class StoreCleanup(VigieDbContext db, IDocumentStore store, DocumentFolders folders, IOptions<DocumentOptions> options,
    TimeProvider clock, ILogger<StoreCleanup> logger)
{
    public async Task<CleanupReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var holdLimit = now - settings.HoldFor;
        var expiredHolds = await db.UploadHolds.Where(h => h.CreatedAt < holdLimit).ExecuteDeleteAsync(cancellationToken);

        // Listing the store can be long (S3): it happens outside the lock, and the lock re-checks the candidates.
        var referenced = await ReferencedAsync(cancellationToken);
        var candidates = new List<ContentHash>();
        await foreach (var blob in store.ListAsync(cancellationToken))
        {
            if (!referenced.Contains(blob.Hash.Value))
            {
                candidates.Add(blob.Hash);
            }
        }
        var orphans = 0;
        if (candidates.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await StoreLock.ExclusiveAsync(db, cancellationToken);
            referenced = await ReferencedAsync(cancellationToken);
            foreach (var hash in candidates.Where(h => !referenced.Contains(h.Value)))
            {
                await store.DeleteAsync(hash, cancellationToken);
                orphans++;
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var abandonedLimit = now - settings.AbandonedAfter;
        var abandonedWrites = await store.RemoveAbandonedWritesAsync(abandonedLimit, cancellationToken);
        var temporaryFiles = RemoveOldTemporaryFiles(abandonedLimit);
        var report = new CleanupReport(orphans, abandonedWrites, temporaryFiles, expiredHolds);
        if (report != new CleanupReport(0, 0, 0, 0))
        {
            logger.LogInformation("Nettoyage des documents : {Orphans} fichiers orphelins, {Writes} écritures interrompues, {Temporary} fichiers temporaires, {Holds} fichiers en attente expirés",
                report.Orphans, report.AbandonedWrites, report.TemporaryFiles, report.ExpiredHolds);
        }
        return report;
    }

    private async Task<HashSet<string>> ReferencedAsync(CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<string>("""
            SELECT sha256 AS "Value" FROM stored_files
            UNION SELECT thumbnail_sha256 FROM file_pages WHERE thumbnail_sha256 IS NOT NULL
            UNION SELECT sha256 FROM upload_holds
            """).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    private int RemoveOldTemporaryFiles(DateTimeOffset olderThan)
    {
        var folder = new DirectoryInfo(folders.Temporary);
        if (!folder.Exists)
        {
            return 0;
        }
        var removed = 0;
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry.LastWriteTimeUtc >= olderThan.UtcDateTime)
            {
                continue;
            }
            try
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
                removed++;
            }
            catch (IOException)
            {
            }
        }
        return removed;
    }
}

/// <summary>Runs <see cref="StoreCleanup"/> every <see cref="DocumentOptions.CleanupInterval"/>.</summary>
public sealed class StoreCleanupService(IServiceScopeFactory scopes, IOptions<DocumentOptions> options, ILogger<StoreCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CleanupInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StoreCleanup>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Nettoyage des documents : échec, nouvel essai au prochain passage");
            }
        }
    }
}
