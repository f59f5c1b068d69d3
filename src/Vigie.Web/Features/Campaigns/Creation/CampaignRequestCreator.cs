using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Campaigns.Creation;

/// <summary>
/// Creates the missing request of every target of a campaign, with the campaign's subject, documents and wording.
/// Idempotent: targets that have their request are skipped, the campaign row is locked while a batch is written (two
/// workers take turns), and the unique index on (campaign_id, public_body_id) refuses a second request for a body.
/// Each batch is three SQL statements whatever its size (a thousand requests are written in well under a second).
/// </summary>
public sealed class CampaignRequestCreator(VigieDbContext db, TimeProvider clock)
{
    public const int BatchSize = 500;

    public Task<int> MissingAsync(int campaignId, CancellationToken cancellationToken) =>
        db.CampaignTargets.CountAsync(t => t.CampaignId == campaignId && t.CadaRequestId == null, cancellationToken);

    /// <summary>Creates the requests in batches, one transaction each; returns how many were created.</summary>
    public async Task<int> CreateMissingAsync(int campaignId, Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        var created = 0;
        while (true)
        {
            var batch = await CreateBatchAsync(campaignId, cancellationToken);
            if (batch < 0)
            {
                return created;
            }
            created += batch;
            if (progress is not null)
            {
                await progress(created);
            }
        }
    }

    /// <summary>One batch; -1 when there was nothing left to create.</summary>
    private async Task<int> CreateBatchAsync(int campaignId, CancellationToken cancellationToken)
    {
        // Inside a caller's transaction (the seeds' import) the batch is part of it; otherwise each batch is its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        int documents;
        await using (var lockRow = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM campaign_documents d WHERE d.campaign_id = c.id) FROM campaigns c WHERE c.id = $1 FOR UPDATE", connection))
        {
            lockRow.Parameters.AddWithValue(campaignId);
            if (await lockRow.ExecuteScalarAsync(cancellationToken) is not long count)
            {
                return -1;
            }
            documents = (int)count;
        }
        // The state every new request starts in, as the deadline engine computes it for a request without events.
        var today = clock.TodayInParis();
        var draft = RequestAnalyser.Analyse(
            new CadaRequest { Subject = "", RequestedDocuments = Enumerable.Range(1, Math.Max(1, documents)).Select(i => new RequestedDocument { Id = i, Title = "", Position = i }).ToList() },
            today);
        var linked = await ExecuteAsync(connection, """
            UPDATE campaign_targets t SET cada_request_id = r.id
            FROM cada_requests r
            WHERE t.campaign_id = $1 AND t.cada_request_id IS NULL AND r.campaign_id = t.campaign_id AND r.public_body_id = t.public_body_id
            """, cancellationToken, campaignId);
        var created = await ExecuteAsync(connection, $$"""
            WITH batch AS (
                SELECT t.id, t.public_body_id FROM campaign_targets t
                WHERE t.campaign_id = $1 AND t.cada_request_id IS NULL
                ORDER BY t.id LIMIT $2
            ), created AS (
                INSERT INTO cada_requests (public_body_id, campaign_id, subject, mode, channel, context, letter_paragraph, is_public,
                    created_at, updated_at, state, state_label, next_action, is_closed, analysed_on)
                SELECT b.public_body_id, c.id, c.subject, c.mode, c.channel, c.context, c.letter_paragraph,
                    {{VisibilitySql.CampaignPublishesItsRequests("c")}},
                    $3, $3, $4, $5, $6, false, $7
                FROM batch b CROSS JOIN campaigns c WHERE c.id = $1
                ORDER BY b.id
                ON CONFLICT (campaign_id, public_body_id) WHERE campaign_id IS NOT NULL DO NOTHING
                RETURNING id, public_body_id
            ), documents AS (
                INSERT INTO requested_documents (cada_request_id, position, title)
                SELECT n.id, d.position, d.title FROM created n CROSS JOIN campaign_documents d WHERE d.campaign_id = $1
            )
            UPDATE campaign_targets t SET cada_request_id = n.id
            FROM created n
            WHERE t.campaign_id = $1 AND t.public_body_id = n.public_body_id
            """, cancellationToken, campaignId, BatchSize, clock.GetUtcNow(), draft.State.ToString(), draft.StateLabel, draft.NextAction, today);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        // Nothing created nor linked: every target has its request (or none can get one: stop rather than loop).
        return created + linked == 0 ? -1 : created;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
