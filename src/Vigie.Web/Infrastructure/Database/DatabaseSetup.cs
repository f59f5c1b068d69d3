using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vigie.Web.Data;
using Vigie.Web.Data.Seeding;
using Vigie.Web.Infrastructure.Postgres;

namespace Vigie.Web.Infrastructure.Database;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Vigie";

    /// <summary>
    /// Registers the DbContext on the configured connection string or, when there is none, on a private
    /// PostgreSQL started from the machine's binaries and stopped with the app.
    /// </summary>
    public static void AddVigieDatabase(this WebApplicationBuilder builder, VigieOptions options)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = options.ResolveDataDirectory(builder.Environment.ContentRootPath);
            var server = LocalPostgres.Start(dataDirectory, Console.WriteLine);
            server.EnsureDatabase("vigie");
            connectionString = server.ConnectionString("vigie");
            builder.Services.AddSingleton(server);
            builder.Services.AddHostedService<LocalPostgresLifetime>();
        }
        // Interceptors registered as services: the output-cache eviction, and in tests a simulated crash at commit.
        builder.Services.AddDbContextPool<VigieDbContext>((services, o) =>
            Configure(o, connectionString).AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        builder.Services.AddScoped<Seeder>();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithoutJit(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Privacy.VisibilityRules.Interceptor);

    /// <summary>
    /// Turns PostgreSQL's JIT off for the app's sessions unless the connection string sets its own options: the search
    /// statement's estimated cost crosses the JIT threshold, and compiling it took seconds for a query that runs in
    /// milliseconds. The app's queries are all short.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }
        return builder.ConnectionString;
    }

    /// <summary>Applies migrations and imports seeds/, as configured, one process at a time.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<VigieOptions>>().Value;
        if (!options.MigrateOnStartup && !options.SeedOnStartup)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        await using var exclusive = await PreparationLockAsync(db);
        if (options.MigrateOnStartup)
        {
            // Npgsql reads the history table before creating it and logs the expected "relation does not exist" as a failed
            // command (npgsql/efcore.pg#3407): on a new database, create it first so the first start logs no false failure.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
            await db.Database.MigrateAsync();
        }
        if (options.SeedOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(options.ResolveSeedsDirectory());
        }
    }

    /// <summary>
    /// Waits until no other process (the site and a command, or two instances) migrates or seeds the same database, and
    /// holds that place until disposed. EF's own migration lock does not suffice: it is released with each transaction,
    /// and the facet migrations run outside one, so a second process re-ran them and failed ("relation already exists").
    /// A session-level advisory lock on a connection of its own, released when that connection closes, even on a crash.
    /// </summary>
    public static async Task<IAsyncDisposable> PreparationLockAsync(VigieDbContext db)
    {
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        // An arbitrary key, the same in every Vigie process.
        await using var command = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(86105103105101)", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}

/// <summary>Stops the private PostgreSQL when the app stops.</summary>
internal sealed class LocalPostgresLifetime(LocalPostgres server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        server.Stop();
        return Task.CompletedTask;
    }
}

/// <summary>For `dotnet ef`: builds the model without starting any server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<VigieDbContext>
{
    public VigieDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<VigieDbContext>();
        DatabaseSetup.Configure(builder, "Host=127.0.0.1;Database=vigie_design");
        return new VigieDbContext(builder.Options);
    }
}
