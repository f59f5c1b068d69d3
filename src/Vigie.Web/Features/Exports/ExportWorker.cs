using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Queues;

namespace Vigie.Web.Features.Exports;

/// <summary>Wakes the export worker; lets callers await a job.</summary>
public sealed class ExportSignal : JobSignal;

/// <summary>
/// Builds queued exports one at a time. The queue is the export_jobs table, so queued work survives a
/// restart; a job left "running" by a crashed instance for more than 30 minutes is taken up again.
/// Finished archives are deleted after a day.
/// </summary>
public sealed class ExportWorker(IServiceScopeFactory scopes, ExportSignal signal, TimeProvider clock, IOptions<VigieOptions> options,
    SiteAddress address, IWebHostEnvironment environment, ILogger<ExportWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public string ExportsDirectory => Path.Combine(options.Value.ResolveDataDirectory(environment.ContentRootPath), "exports");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobQueueLoop.RunAsync(signal, RunNextAsync, DeleteExpiredAsync, "des exports", clock, logger, stoppingToken);

    /// <summary>Claims the oldest queued job (SKIP LOCKED: several instances never take the same one) and builds it.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var now = clock.GetUtcNow();
        var stale = now.AddMinutes(-30);
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        Guid? claimed;
        await using (var command = new Npgsql.NpgsqlCommand("""
            UPDATE export_jobs SET status = 'Running', started_at = $1
            WHERE id = (SELECT id FROM export_jobs
                        WHERE status = 'Queued' OR (status = 'Running' AND started_at < $2)
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, connection))
        {
            command.Parameters.AddWithValue(now);
            command.Parameters.AddWithValue(stale);
            claimed = (Guid?)await command.ExecuteScalarAsync(cancellationToken);
        }
        if (claimed is not { } id)
        {
            return false;
        }
        var job = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        try
        {
            var builder = scope.ServiceProvider.GetRequiredService<ExportBuilder>();
            var (fileName, size) = await builder.BuildAsync(job, ExportsDirectory, job.SiteUrl ?? address.ForBackgroundWork(), cancellationToken);
            await db.ExportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportStatus.Done).SetProperty(j => j.FileName, fileName)
                .SetProperty(j => j.FileSize, size).SetProperty(j => j.CompletedAt, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Export {Id} en échec", job.Id);
            await db.ExportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportStatus.Failed).SetProperty(j => j.Error, "L'export a échoué ; relancez-le, ou signalez-le si cela se reproduit.")
                .SetProperty(j => j.CompletedAt, clock.GetUtcNow()), cancellationToken);
        }
        finally
        {
            signal.Finished(job.Id);
        }
        return true;
    }

    private async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var limit = clock.GetUtcNow() - Retention;
        var expired = await db.ExportJobs.Where(j => j.CompletedAt < limit && j.FileName != null).ToListAsync(cancellationToken);
        foreach (var job in expired)
        {
            File.Delete(Path.Combine(ExportsDirectory, job.FileName!));
            job.FileName = null;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
