using System.Net;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Infrastructure.Postgres;

namespace Vigie.Tests.Resilience;

/// <summary>
/// The documented commands (<c>dotnet run --project src/Vigie.Web -- admin create …</c>) run against the data folder of a
/// site that is serving, as a newcomer does: they share its embedded PostgreSQL and must leave it running. The server
/// stops with the last process that uses it.
/// </summary>
public sealed class CommandsWhileServingTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"vigie-commands-{Guid.NewGuid():N}");
    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"vigie-commands-backup-{Guid.NewGuid():N}");

    /// <summary>What <c>dotnet run</c> gives a newcomer: Development, no connection string, the embedded server in the data folder.</summary>
    private Dictionary<string, string> Environment(bool seed = true) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Vigie__DataDirectory"] = _data,
        ["Vigie__SeedOnStartup"] = seed ? "true" : "false",
    };

    private string Cluster => Path.Combine(_data, "postgres");

    private bool ServerRunning => File.Exists(Path.Combine(Cluster, "postmaster.pid"));

    private static async Task AssertServesAsync(AppProcess site, string after)
    {
        using var client = new HttpClient { BaseAddress = site.Url };
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.True(health.StatusCode == HttpStatusCode.OK, $"/healthz answered {(int)health.StatusCode} after {after}\n{site.Output}");
        using var page = await client.GetAsync(new Uri("/dossiers", UriKind.Relative));
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"/dossiers answered {(int)page.StatusCode} after {after}");
    }

    [Fact]
    public async Task Every_command_run_while_the_site_serves_leaves_it_serving()
    {
        using var site = await AppProcess.StartSiteAsync(Environment());
        await AssertServesAsync(site, "the start");

        string[][] commands =
        [
            ["migrate"],
            ["seed"],
            ["admin", "create", "--email", "admin@example.org", "--name", "Première admin"],
            ["documents", "cleanup"],
            ["documents", "process"],
            ["generate", "--cases", "3"],
            ["backup", "--to", _backup],
        ];
        foreach (var command in commands)
        {
            var (code, output) = await AppProcess.RunCommandAsync(Environment(seed: false), command);
            Assert.True(code == 0, $"{string.Join(' ', command)} exited with {code}:\n{output}");
            Assert.Contains("PostgreSQL local laissé en marche", output, StringComparison.Ordinal);
            await AssertServesAsync(site, string.Join(' ', command));
        }
        // A command that fails (the database is not empty) leaves the server too.
        var (refused, refusal) = await AppProcess.RunCommandAsync(Environment(seed: false), "restore", "--from", _backup);
        Assert.True(refused == 1, $"restore into the live database exited with {refused}:\n{refusal}");
        await AssertServesAsync(site, "a refused restore");

        // The site was the last one using the server: stopping it stops PostgreSQL.
        Assert.Equal(0, await site.StopAsync());
        Assert.Contains("PostgreSQL local arrêté.", site.Output, StringComparison.Ordinal);
        Assert.False(ServerRunning, "the embedded server outlived the last process using it");
    }

    [Fact]
    public async Task A_command_that_started_the_server_leaves_it_to_the_site_that_started_meanwhile()
    {
        // admin create --password-stdin waits for the password with the server started: the site starts in between.
        using var command = AppProcess.StartCommand(Environment(seed: false), "admin", "create", "--email", "relais@example.org", "--password-stdin");
        await command.WaitForLineAsync("PostgreSQL local démarré", TimeSpan.FromMinutes(4));
        using var site = await AppProcess.StartSiteAsync(Environment(seed: false));
        Assert.Contains("Réutilisation du serveur PostgreSQL local", site.Output, StringComparison.Ordinal);

        Assert.False(command.Exited.IsCompleted, $"the command ended before it was given the password:\n{command.Output}");
        await command.Input.WriteLineAsync("une longue phrase de passe 2024");
        command.Input.Close();
        Assert.Equal(0, await command.Exited.WaitAsync(TimeSpan.FromMinutes(4)));
        Assert.Contains("PostgreSQL local laissé en marche", command.Output, StringComparison.Ordinal);
        await AssertServesAsync(site, "the command that started the server");

        Assert.Equal(0, await site.StopAsync());
        Assert.Contains("PostgreSQL local arrêté.", site.Output, StringComparison.Ordinal);
        Assert.False(ServerRunning, "the embedded server outlived the last process using it");
    }

    [Fact]
    public async Task A_command_run_after_the_site_was_killed_adopts_the_server_and_stops_it()
    {
        using (var site = await AppProcess.StartSiteAsync(Environment(seed: false)))
        {
            site.Kill();
            await site.Exited.WaitAsync(TimeSpan.FromMinutes(1));
        }
        Assert.True(ServerRunning, "a killed site leaves its server running");

        var (code, output) = await AppProcess.RunCommandAsync(Environment(seed: false), "migrate");
        Assert.True(code == 0, output);
        Assert.Contains("Réutilisation du serveur PostgreSQL local", output, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL local arrêté.", output, StringComparison.Ordinal);
        Assert.False(ServerRunning, "the server of a dead site was left running by the only process using it");
    }

    public void Dispose()
    {
        LocalPostgres.StopCluster(Cluster);
        TestDatabase.DeleteQuietly(_data);
        TestDatabase.DeleteQuietly(_backup);
    }
}
