using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Campaigns.Creation;

namespace Vigie.Benchmarks;

/// <summary>
/// Creating the requests of a 1,000-target campaign (the 1,000 most populous communes of the seeds), as the background
/// worker does: every request with its documents, its "created" event and its target linked. Each iteration starts
/// from the same state (the requests of the previous one deleted). Baseline: inserting 1,000 bare rows with one
/// INSERT … SELECT into a scratch table of the same database, the floor of any write of that many rows.
/// </summary>
[MemoryDiagnoser]
public class CampaignCreationBenchmarks
{
    public const int Targets = 1_000;

    private string _connectionString = "";
    private NpgsqlDataSource _source = null!;
    private int _campaignId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _connectionString = await TestDatabase.CreateDatabaseAsync("bench_campaign");
        _source = NpgsqlDataSource.Create(_connectionString);
        await using var db = TestDatabase.CreateContext(_connectionString);
        var bodies = await db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune)
            .OrderByDescending(b => b.Municipality!.Population).Select(b => b.Id).Take(Targets).ToListAsync();
        var campaign = new Campaign
        {
            Slug = "campagne-mesure",
            Title = "Campagne de mesure",
            Subject = "Contrats de vidéoprotection et leurs annexes",
            Status = CampaignStatus.Running,
            RequestsArePublic = true,
            Documents = [new() { Title = "Acte d'engagement", Position = 1 }, new() { Title = "CCTP et annexes", Position = 2 }, new() { Title = "Avenants", Position = 3 }],
            Targets = bodies.Select(id => new CampaignTarget { PublicBodyId = id, AddedAt = DateTimeOffset.UtcNow }).ToList(),
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        _campaignId = campaign.Id;
        await ExecuteAsync("CREATE UNLOGGED TABLE bench_floor (id serial PRIMARY KEY, body_id int NOT NULL, subject text NOT NULL)");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _source.DisposeAsync();
        await TestDatabase.DropDatabaseAsync(_connectionString);
    }

    [IterationSetup]
    public void Reset()
    {
        ExecuteAsync($"""
            UPDATE campaign_targets SET cada_request_id = NULL WHERE campaign_id = {_campaignId};
            DELETE FROM cada_requests WHERE campaign_id = {_campaignId};
            TRUNCATE bench_floor;
            """).GetAwaiter().GetResult();
        ExecuteAsync("VACUUM ANALYZE cada_requests").GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "INSERT … SELECT of 1,000 bare rows (baseline)")]
    public async Task<int> Floor()
    {
        await using var command = _source.CreateCommand(
            $"INSERT INTO bench_floor (body_id, subject) SELECT public_body_id, 'Contrats' FROM campaign_targets WHERE campaign_id = {_campaignId}");
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark(Description = "Create the 1,000 requests of a campaign")]
    public async Task<int> CreateRequests()
    {
        await using var db = TestDatabase.CreateContext(_connectionString);
        var created = await new CampaignRequestCreator(db, TimeProvider.System).CreateMissingAsync(_campaignId, null, default);
        return created == Targets ? created : throw new InvalidOperationException($"{created} requests created, {Targets} expected.");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
