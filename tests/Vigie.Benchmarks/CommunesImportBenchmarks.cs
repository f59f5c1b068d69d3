using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Seeding;

namespace Vigie.Benchmarks;

/// <summary>
/// Importing all current communes. Baseline: a bare binary COPY of the same rows into an empty table,
/// the floor any import has to pay; the import adds the upsert that leaves unchanged rows untouched.
/// </summary>
[MemoryDiagnoser]
public class CommunesImportBenchmarks
{
    private GeoSeed _geo = null!;
    private string _connectionString = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _geo = SeedReader.ReadGeo(Path.Combine(TestDatabase.SeedsDirectory, "geo"));
        _connectionString = await TestDatabase.CreateDatabaseAsync("bench_communes");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => TestDatabase.DropDatabaseAsync(_connectionString);

    // Every benchmark gets an iteration setup so that all run in the same job (one invocation per
    // iteration) and BenchmarkDotNet can compute their ratio to the baseline.
    [IterationSetup(Targets = [nameof(CopyOnly), nameof(ImportUnchanged)])]
    public void Nothing()
    {
    }

    [IterationSetup(Targets = [nameof(ImportIntoEmptyDatabase)])]
    public void EmptyGeography()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "DELETE FROM case_technologies; DELETE FROM case_vendors; DELETE FROM documents; DELETE FROM cada_requests; " +
            "DELETE FROM contracts; DELETE FROM cases; DELETE FROM municipalities;", connection);
        command.ExecuteNonQuery();
    }

    [Benchmark(Baseline = true, Description = "COPY only (floor)")]
    public async Task CopyOnly()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE copy_floor (insee_code text, name text, population integer)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using var importer = await connection.BeginBinaryImportAsync("COPY copy_floor FROM STDIN (FORMAT BINARY)");
        foreach (var m in _geo.Municipalities)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(m.InseeCode, NpgsqlDbType.Text);
            await importer.WriteAsync(m.Name, NpgsqlDbType.Text);
            await importer.WriteAsync(m.Population ?? 0, NpgsqlDbType.Integer);
        }
        await importer.CompleteAsync();
    }

    [Benchmark(Description = "Import, empty database")]
    public Task<int> ImportIntoEmptyDatabase() => ImportAsync();

    [Benchmark(Description = "Import again, nothing changed")]
    public Task<int> ImportUnchanged() => ImportAsync();

    private async Task<int> ImportAsync()
    {
        await using var db = TestDatabase.CreateContext(_connectionString);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance).ImportGeographyAsync(_geo, default);
        await transaction.CommitAsync();
        return changed;
    }
}
