using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Data.Seeding;

namespace Vigie.Tests.Data;

public sealed class SeedingTests : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await TestDatabase.CreateDatabaseAsync(nameof(SeedingTests));

    public Task DisposeAsync() => TestDatabase.DropDatabaseAsync(_connectionString);

    private static Seeder SeederFor(VigieDbContext db) => new(db, TimeProvider.System, NullLogger<Seeder>.Instance);

    /// <summary>A digest of every row of every table, and the sum of their xmin (which changes on any rewrite).</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var parts = new List<string>();
        foreach (var table in tables)
        {
            await using var digest = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') || ':' || coalesce(sum(xmin::text::bigint), 0) FROM \"{table}\" t",
                connection);
            parts.Add($"{table}={await digest.ExecuteScalarAsync()}");
        }
        return string.Join('\n', parts);
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        var before = await FingerprintAsync();
        await using var db = TestDatabase.CreateContext(_connectionString);
        var report = await SeederFor(db).SeedAsync(TestDatabase.SeedsDirectory);
        Assert.Equal(0, report.CommunesChanged);
        Assert.Equal(0, report.CasesAdded);
        Assert.Equal(0, report.TechnologiesAdded);
        Assert.Equal(0, report.CampaignsAdded);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task The_demonstration_campaign_targets_the_large_communes_of_yvelines_and_is_marked_as_such()
    {
        await using var db = TestDatabase.CreateContext(_connectionString);
        var campaign = await db.Campaigns.Include(c => c.Targets).ThenInclude(t => t.CadaRequest).Include(c => c.Documents)
            .SingleAsync(c => c.Slug == "demonstration-videoprotection-yvelines");
        Assert.True(campaign.IsDemonstration);
        Assert.StartsWith("Démonstration", campaign.Title);
        Assert.Equal(24, campaign.Targets.Count);
        Assert.Equal(3, campaign.Documents.Count);
        Assert.All(campaign.Targets, t => Assert.False(t.CadaRequest!.IsPublic));
        var versailles = await db.CadaRequests.Include(r => r.Events).SingleAsync(r => r.CampaignId == campaign.Id && r.PublicBody!.Municipality!.InseeCode == "78646");
        Assert.Equal(Vigie.Web.Features.Requests.Deadlines.RequestState.CadaOpinionGiven, versailles.State);
        Assert.Equal(Vigie.Web.Infrastructure.ParisClock.TodayInParis(TimeProvider.System).AddDays(-95), versailles.Events.Min(e => e.OccurredOn));
    }

    [Fact]
    public async Task Communes_import_holds_every_current_commune_with_elancourt()
    {
        await using var db = TestDatabase.CreateContext(_connectionString);
        Assert.InRange(await db.Municipalities.CountAsync(), 34_000, 36_000);
        var elancourt = await db.Municipalities.Include(m => m.Department).Include(m => m.Region).Include(m => m.Intercommunality)
            .SingleAsync(m => m.InseeCode == "78208");
        Assert.Equal("Élancourt", elancourt.Name);
        Assert.Equal("elancourt", elancourt.Slug);
        Assert.Equal("Yvelines", elancourt.Department!.Name);
        Assert.Equal("11", elancourt.RegionCode);
        Assert.Equal("Île-de-France", elancourt.Region!.Name);
        Assert.Equal(26_365, elancourt.Population);
        Assert.Equal(["78990"], elancourt.PostalCodes);
        Assert.Equal("217802081", elancourt.Siren);
        Assert.Equal("CA de Saint Quentin en Yvelines", elancourt.Intercommunality!.Name);
        Assert.Equal(109, await db.Departments.CountAsync());
        Assert.True(await db.Municipalities.AnyAsync(m => m.InseeCode == "2A004"), "Corsican codes are kept as text");
    }

    [Fact]
    public async Task Technology_taxonomy_covers_the_field()
    {
        await using var db = TestDatabase.CreateContext(_connectionString);
        var slugs = await db.Technologies.OrderBy(t => t.Position).Select(t => t.Slug).ToListAsync();
        Assert.Equal(["videoprotection", "lapi", "controle-acces", "vsa", "reconnaissance-faciale", "drones",
            "capteurs-sonores", "eclairage-alarmes", "geolocalisation-agents", "csu-hyperviseur"], slugs);
    }

    [Fact]
    public async Task A_case_edited_in_the_app_is_not_overwritten_by_seeding()
    {
        await using var db = TestDatabase.CreateContext(_connectionString);
        var elancourt = await db.Cases.SingleAsync(c => c.Slug == "elancourt");
        elancourt.Title = "Titre corrigé par un éditeur";
        await db.SaveChangesAsync();
        await SeederFor(db).SeedAsync(TestDatabase.SeedsDirectory);
        db.ChangeTracker.Clear();
        Assert.Equal("Titre corrigé par un éditeur", (await db.Cases.SingleAsync(c => c.Slug == "elancourt")).Title);
    }
}
