using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Vigie.Web.Data;
using Vigie.Web.Data.Seeding;
using Vigie.Web.Features.Documents;
using Vigie.Web.Features.Documents.Processing;
using Vigie.Web.Features.Documents.Storage;
using Vigie.Web.Infrastructure.Database;
using Vigie.Web.Infrastructure.Postgres;

namespace Vigie.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL per test run, in a temporary folder, with a template database migrated and
/// seeded once. Each test class gets its own copy of the template (CREATE DATABASE … TEMPLATE), which
/// takes a fraction of a second, so classes run in parallel without seeing each other's writes.
/// <c>VIGIE_TEST_CONNECTION</c> points the run at an existing server instead (its user must be able to create databases).
/// </summary>
public static class TestDatabase
{
    public const string Template = "vigie_template";
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly Lazy<Task<Server>> Instance = new(StartAsync);
    private static int _counter;

    private sealed record Server(LocalPostgres? Local, NpgsqlConnectionStringBuilder Admin, string SeedStore);

    public static string SeedsDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>
    /// The document store holding the seed files the template database references (already processed): a test app
    /// copies it into its own data folder, so that its store matches its database.
    /// </summary>
    public static async Task<string> SeedStoreAsync() => (await Instance.Value).SeedStore;

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await Instance.Value;
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}".ToLowerInvariant();
        await CloneLock.WaitAsync();
        try
        {
            await ExecuteAsync(server.Admin, $"CREATE DATABASE \"{name}\" TEMPLATE {Template}");
        }
        finally
        {
            CloneLock.Release();
        }
        return new NpgsqlConnectionStringBuilder(server.Admin.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>A database with nothing in it (no migration), e.g. to restore a backup into.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        var server = await Instance.Value;
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}".ToLowerInvariant();
        await ExecuteAsync(server.Admin, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server.Admin.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Instance.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await ExecuteAsync(server.Admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static VigieDbContext CreateContext(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<VigieDbContext>();
        DatabaseSetup.Configure(builder, connectionString);
        return new VigieDbContext(builder.Options);
    }

    private static async Task<Server> StartAsync()
    {
        NpgsqlConnectionStringBuilder admin;
        LocalPostgres? local = null;
        var work = Path.Combine(Path.GetTempPath(), $"vigie-tests-store-{Environment.ProcessId}");
        var seedStore = Path.Combine(work, "documents");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(work);
        var external = Environment.GetEnvironmentVariable("VIGIE_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(external))
        {
            admin = new NpgsqlConnectionStringBuilder(external) { Database = "postgres" };
        }
        else
        {
            StopAbandonedServers();
            var folder = Path.Combine(Path.GetTempPath(), $"vigie-tests-{Environment.ProcessId}");
            local = LocalPostgres.Start(folder, _ => { }, durable: false, installIfMissing: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                local.Stop();
                DeleteQuietly(folder);
            };
            admin = new NpgsqlConnectionStringBuilder(local.ConnectionString("postgres"));
        }

        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Template} WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE {Template}");
        var templateConnection = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = Template, Pooling = false }.ConnectionString;
        await using (var db = CreateContext(templateConnection))
        {
            await db.Database.MigrateAsync();
            var store = new DiskDocumentStore(seedStore);
            await new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance, store).SeedAsync(SeedsDirectory);
            var options = Options.Create(new DocumentOptions());
            var queue = new ProcessingQueue(db, store, new DocumentProcessor(options, new Pdftoppm(options, NullLogger<Pdftoppm>.Instance), NullLogger<DocumentProcessor>.Instance), options,
                TimeProvider.System, NullLogger<ProcessingQueue>.Instance);
            while (await queue.RunNextAsync(Path.Combine(work, "tmp"), CancellationToken.None))
            {
            }
        }
        NpgsqlConnection.ClearAllPools();
        return new Server(local, admin, seedStore);
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A test run that was killed leaves its server running: stop those whose test process is gone.</summary>
    private static void StopAbandonedServers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "vigie-tests-*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)["vigie-tests-".Length..], out var pid) || ProcessAlive(pid))
            {
                continue;
            }
            try
            {
                LocalPostgres.StopCluster(Path.Combine(folder, "postgres"));
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
            }
        }
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnectionStringBuilder admin, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
