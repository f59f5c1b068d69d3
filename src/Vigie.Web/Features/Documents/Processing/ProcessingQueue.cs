using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Storage;

namespace Vigie.Web.Features.Documents.Processing;

/// <summary>
/// The processing queue, a PostgreSQL table. A worker takes the oldest due job with FOR UPDATE SKIP LOCKED (so
/// several workers, in several instances, never take the same one) and gives it a lease, committed at once; the
/// result and the job's removal are committed together. A worker that dies leaves the job to be taken again when
/// the lease ends; a job taken <see cref="DocumentOptions.MaxAttempts"/> times without finishing fails.
/// </summary>
public sealed class ProcessingQueue(VigieDbContext db, IDocumentStore store, DocumentProcessor processor, IOptions<DocumentOptions> options,
    TimeProvider clock, ILogger<ProcessingQueue> logger)
{
    private sealed record Claim(long JobId, int FileId, int Attempts);

    /// <summary>Processes one due job; false when there was none.</summary>
    public async Task<bool> RunNextAsync(string temporaryFolder, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // A worker that died (killed, crashed) holds its job until the lease ends; keep it short, but longer than a job may run.
        var claim = await ClaimAsync((settings.ProcessingTimeout * 1.5) + TimeSpan.FromSeconds(5), cancellationToken);
        if (claim is null)
        {
            return false;
        }
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == claim.FileId, cancellationToken);
        if (claim.Attempts > settings.MaxAttempts)
        {
            await FailAsync(claim, "Le traitement a été interrompu à plusieurs reprises ; le fichier reste disponible au téléchargement.", cancellationToken);
            return true;
        }
        var work = Path.Combine(temporaryFolder, $"processing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var local = Path.Combine(work, "original");
            await using (var source = await store.OpenReadAsync(ContentHash.Parse(file.Sha256), cancellationToken)
                ?? throw new InvalidOperationException($"Le fichier {file.Sha256} manque dans le stockage."))
            await using (var target = File.Create(local))
            {
                await source.CopyToAsync(target, cancellationToken);
            }
            var result = await processor.ProcessAsync(local, file.Format, work, cancellationToken);
            await CompleteAsync(claim, result, cancellationToken);
            logger.LogInformation("Fichier {File} traité : {Pages} pages", file.Id, result.PageCount);
        }
        catch (ProcessingFailure failure)
        {
            logger.LogWarning("Fichier {File} : échec du traitement ({Reason})", file.Id, failure.Message);
            await FailAsync(claim, failure.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Probably passing (the store or the database): try again later, up to the attempt limit.
            logger.LogError(e, "Fichier {File} : erreur pendant le traitement, nouvel essai plus tard", file.Id);
            db.ChangeTracker.Clear();
            await RetryLaterAsync(claim, e.Message, cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return true;
    }

    private async Task<Claim?> ClaimAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        // Plain Npgsql rather than EF: idle workers poll, and their queries need not show in EF's command log.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("""
                UPDATE processing_jobs SET attempts = attempts + 1, lease_until = now() + @lease
                WHERE id = (
                    SELECT id FROM processing_jobs
                    WHERE run_after <= now() AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY id
                    FOR UPDATE SKIP LOCKED
                    LIMIT 1)
                RETURNING id, file_id, attempts
                """, connection);
            command.Parameters.AddWithValue("lease", lease);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? new Claim(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2)) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task CompleteAsync(Claim claim, ProcessingResult result, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreLock.ShareAsync(db, cancellationToken);
        if (!await db.ProcessingJobs.AnyAsync(j => j.Id == claim.JobId, cancellationToken))
        {
            return;
        }
        var pages = new List<FilePage>();
        foreach (var page in result.Pages)
        {
            string? thumbnail = null;
            if (page.ThumbnailFile is not null)
            {
                var hash = await ContentHash.OfFileAsync(page.ThumbnailFile, cancellationToken);
                await store.PutAsync(hash, page.ThumbnailFile, cancellationToken);
                thumbnail = hash.Value;
            }
            pages.Add(new FilePage { FileId = claim.FileId, Number = page.Number, Text = page.Text, ThumbnailSha256 = thumbnail });
        }
        await db.FilePages.Where(p => p.FileId == claim.FileId).ExecuteDeleteAsync(cancellationToken);
        db.FilePages.AddRange(pages);
        await db.SaveChangesAsync(cancellationToken);
        await db.StoredFiles.Where(f => f.Id == claim.FileId).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.Status, ProcessingStatus.Done)
            .SetProperty(f => f.PageCount, result.PageCount)
            .SetProperty(f => f.ProcessingError, (string?)null)
            .SetProperty(f => f.ProcessedAt, clock.GetUtcNow()), cancellationToken);
        await db.ProcessingJobs.Where(j => j.Id == claim.JobId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task FailAsync(Claim claim, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.StoredFiles.Where(f => f.Id == claim.FileId).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.Status, ProcessingStatus.Failed)
            .SetProperty(f => f.ProcessingError, Truncate(reason))
            .SetProperty(f => f.ProcessedAt, clock.GetUtcNow()), cancellationToken);
        await db.ProcessingJobs.Where(j => j.Id == claim.JobId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RetryLaterAsync(Claim claim, string error, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(30 * Math.Pow(4, claim.Attempts - 1));
        await db.ProcessingJobs.Where(j => j.Id == claim.JobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.RunAfter, clock.GetUtcNow() + delay)
            .SetProperty(j => j.LastError, Truncate(error)), cancellationToken);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
