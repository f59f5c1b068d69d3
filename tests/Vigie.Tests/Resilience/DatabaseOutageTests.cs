using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Data.Seeding;
using Vigie.Web.Infrastructure.Postgres;

namespace Vigie.Tests.Resilience;

/// <summary>
/// The app on a PostgreSQL of its own, which the test stops and starts again: pages must answer a French 503
/// at once while it is away, and the app must serve again without a restart once it is back.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"vigie-outage-{Guid.NewGuid():N}");
    private LocalPostgres _server = null!;
    private OutageFactory _app = null!;

    private sealed class OutageFactory(string connectionString) : VigieFactory
    {
        public override Task InitializeAsync() => Task.CompletedTask;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Vigie", connectionString);
            builder.UseSetting("Vigie:CachePublicPages", "false");
        }
    }

    public async Task InitializeAsync()
    {
        _server = LocalPostgres.Start(_folder, _ => { }, durable: true, installIfMissing: false);
        _server.EnsureDatabase("vigie");
        var connectionString = _server.ConnectionString("vigie");
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            await db.Database.MigrateAsync();
            var store = new Vigie.Web.Features.Documents.Storage.DiskDocumentStore(Path.Combine(_folder, "store"));
            await new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance, store).SeedAsync(TestDatabase.SeedsDirectory);
        }
        _app = new OutageFactory(connectionString);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_app).DisposeAsync();
        _server.Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [Fact]
    public async Task Pages_answer_503_quickly_while_the_database_is_down_and_serve_again_when_it_is_back()
    {
        await _app.CreateAsync("panne@example.org", Roles.Volunteer, "Avant la panne");
        using var member = await _app.SignedInClientAsync("panne@example.org");
        using var acknowledged = await member.PostFormAsync("/compte", "/compte", new() { ["DisplayName"] = "Écrit avant la panne" });
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        var token = await TeamMembers.AntiforgeryTokenAsync(member, "/compte");

        var port = _server.Port;
        _server.Stop();

        // Under load: many requests at once, none may hang (the client gives up after 20 s) or fail otherwise.
        using var anonymous = _app.CreateBrowserlessClient();
        anonymous.Timeout = TimeSpan.FromSeconds(20);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await anonymous.GetAsync(new Uri(i % 4 == 0 ? "/healthz" : $"/dossiers/elancourt?n={i}", UriKind.Relative));
            return (i, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s.StatusCode));
        Assert.All(statuses.Where(s => s.i % 4 != 0), s => Assert.Contains("Service momentanément indisponible", s.Body, StringComparison.Ordinal));

        // A write during the outage is refused, never acknowledged.
        using var refused = await member.PostAsync(new Uri("/compte", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Écrit pendant la panne",
            ["__jeton"] = token,
        }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        _server = LocalPostgres.Start(_folder, _ => { }, durable: true, installIfMissing: false, port: port);

        using var page = await anonymous.GetAsync(new Uri("/dossiers/elancourt?apres=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var health = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await using var connection = new NpgsqlConnection(_server.ConnectionString("vigie"));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT display_name FROM users WHERE email = 'panne@example.org'", connection);
        Assert.Equal("Écrit avant la panne", await query.ExecuteScalarAsync());
    }
}
