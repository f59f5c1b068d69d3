using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Queues;

namespace Vigie.Web.Features.Campaigns.Creation;

/// <summary>Wakes the campaign worker; lets tests await a job.</summary>
public sealed class CampaignSignal : JobSignal;

/// <summary>
/// Creates the requests of queued campaign jobs, one job at a time. The queue is the campaign_jobs table: queued work
/// survives a restart, several instances never take the same job (FOR UPDATE SKIP LOCKED), and a job left running by a
/// crashed instance for ten minutes is taken up again (creation is idempotent, so it simply carries on).
/// </summary>
public sealed class CampaignWorker(IServiceScopeFactory scopes, CampaignSignal signal, TimeProvider clock, ILogger<CampaignWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobQueueLoop.RunAsync(signal, RunNextAsync, null, "des campagnes", clock, logger, stoppingToken);

    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var now = clock.GetUtcNow();
        await db.Database.OpenConnectionAsync(cancellationToken);
        Guid? claimed;
        await using (var command = new NpgsqlCommand("""
            UPDATE campaign_jobs SET status = 'Running', started_at = $1
            WHERE id = (SELECT id FROM campaign_jobs
                        WHERE status = 'Queued' OR (status = 'Running' AND started_at < $2)
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, (NpgsqlConnection)db.Database.GetDbConnection()))
        {
            command.Parameters.AddWithValue(now);
            command.Parameters.AddWithValue(now.AddMinutes(-10));
            claimed = (Guid?)await command.ExecuteScalarAsync(cancellationToken);
        }
        if (claimed is not { } id)
        {
            return false;
        }
        var job = await db.CampaignJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        try
        {
            var creator = scope.ServiceProvider.GetRequiredService<CampaignRequestCreator>();
            var total = await creator.MissingAsync(job.CampaignId, cancellationToken);
            await db.CampaignJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Total, total).SetProperty(j => j.Done, 0), cancellationToken);
            var created = await creator.CreateMissingAsync(job.CampaignId,
                done => db.CampaignJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done), cancellationToken),
                cancellationToken);
            await db.CampaignJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, CampaignJobStatus.Done).SetProperty(j => j.Done, created)
                .SetProperty(j => j.CompletedAt, clock.GetUtcNow()), cancellationToken);
            logger.LogInformation("Campagne {Campaign} : {Created} demandes créées", job.CampaignId, created);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Création des demandes de la campagne {Campaign} en échec", job.CampaignId);
            await db.CampaignJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, CampaignJobStatus.Failed)
                .SetProperty(j => j.Error, "La création des demandes a échoué ; relancez-la (les demandes déjà créées ne seront pas dupliquées).")
                .SetProperty(j => j.CompletedAt, clock.GetUtcNow()), cancellationToken);
        }
        finally
        {
            signal.Finished(id);
        }
        return true;
    }
}
