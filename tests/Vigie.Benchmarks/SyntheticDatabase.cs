using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Generator;

namespace Vigie.Benchmarks;

/// <summary>
/// One database per benchmark process with the seeds plus <see cref="Cases"/> synthetic cases (one document of a few
/// paragraphs each), made by the app's generator (binary COPY). Shared by every benchmark class of the run.
/// </summary>
public static class SyntheticDatabase
{
    public static int Cases { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("VIGIE_BENCH_CASES"), out var n) ? n : 100_000;

    private static readonly Lazy<Task<string>> Instance = new(CreateAsync);

    public static Task<string> GetAsync() => Instance.Value;

    public static TimeSpan GenerationTime { get; private set; }

    private static async Task<string> CreateAsync()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("bench_synthetic");
        await using var db = TestDatabase.CreateContext(connectionString);
        var report = await new SyntheticData(db, TimeProvider.System).GenerateAsync(new GeneratorOptions(Cases, 1), TextWriter.Null, default);
        GenerationTime = report.Elapsed;
        Console.WriteLine($"// Synthetic data: {report.Cases} cases, {report.Contracts} contracts, {report.Requests} requests, {report.Documents} documents in {report.Elapsed.TotalSeconds:0.0} s");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 900 };
        await vacuum.ExecuteNonQueryAsync();
        return connectionString;
    }
}
