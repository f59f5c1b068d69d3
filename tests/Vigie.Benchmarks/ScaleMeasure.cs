using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Api;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Search;

namespace Vigie.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Vigie.Benchmarks -- --scale [cases]
/// One synthetic database (100,000 cases and 100,000 documents by default, made by the app's generator), then, in the
/// same process: search latency per query (p50, p95, max over 20 runs after 3 warm-ups, 5 runs when a run takes over
/// half a second; without facets, with facets,
/// filtered), API list pages and the full CSV/JSON exports through the app in-process. Baselines measured in the same
/// run: a primary-key lookup on the same server for the search, a static file through the same app for the API.
/// Percentiles are what the goals are about, so this is a timed loop rather than BenchmarkDotNet (whose repetitions
/// would take an hour on the broad queries).
/// </summary>
public static class ScaleMeasure
{
    private const int Warmups = 3;
    private const int Runs = 20;

    private static readonly string[] Queries = ["elancourt", "genetec", "drones -police", "\"centre de supervision\"", "vidéoprotection"];

    public static async Task RunAsync(int cases)
    {
        SyntheticDatabase.Cases = cases;
        var connectionString = await SyntheticDatabase.GetAsync();
        Console.WriteLine($"Synthetic data: {cases:N0} cases generated in {SyntheticDatabase.GenerationTime.TotalSeconds:0.0} s");
        await SearchAsync(connectionString);
        await ApiAsync(connectionString);
        await CsvExportMeasure.DownloadAllAsync(connectionString);
    }

    private static async Task SearchAsync(string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var baseline = await TimeAsync(async () =>
        {
            await using var command = source.CreateCommand("SELECT title FROM cases WHERE id = 1");
            await command.ExecuteScalarAsync();
        });
        Console.WriteLine();
        Console.WriteLine($"Baseline, primary-key lookup: p50 {Ms(baseline.P50)}, p95 {Ms(baseline.P95)}");
        Console.WriteLine();
        Console.WriteLine("| query | matches (cases / contracts / requests / documents) | mode | p50 | p95 | max | p95 / baseline p95 |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|");
        await using var db = TestDatabase.CreateContext(connectionString);
        foreach (var query in Queries)
        {
            var matches = await MatchesAsync(source, query);
            foreach (var (mode, run) in new (string, Func<Task>)[]
            {
                ("best 5 of each kind, no facets", () => SiteSearch.RunAsync(db, query, new PublicFilter(), null, 1, withFacets: false, default)),
                ("the page: with facet counts", () => SiteSearch.RunAsync(db, query, new PublicFilter(), null, 1, withFacets: true, default)),
                ("cases only, region 11, page 2, facets", () => SiteSearch.RunAsync(db, query, new PublicFilter { Region = "11" }, SearchKind.Dossiers, 2, withFacets: true, default)),
            })
            {
                var t = await TimeAsync(run);
                Console.WriteLine($"| `{query}` | {matches} | {mode} | {Ms(t.P50)} | {Ms(t.P95)} | {Ms(t.Max)} | {t.P95 / baseline.P95:0}× |");
            }
        }
    }

    private static async Task ApiAsync(string connectionString)
    {
        await using var app = new BenchmarkApp(connectionString, cachePublicPages: false);
        using var client = app.CreateClient();
        var deep = "/api/v1/cases?limit=50&cursor=" + ApiCursor.Encode("cases", (SyntheticDatabase.Cases * 9 / 10).ToString(CultureInfo.InvariantCulture));
        var baseline = await TimeAsync(() => client.GetByteArrayAsync(new Uri("/css/site.css", UriKind.Relative)));
        Console.WriteLine();
        Console.WriteLine("| API request (output cache off) | p50 | p95 | max | p50 / static-file p50 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| `GET /css/site.css` (baseline) | {Ms(baseline.P50)} | {Ms(baseline.P95)} | {Ms(baseline.Max)} | 1 |");
        foreach (var path in new[] { "/api/v1/cases?limit=50", deep, "/api/v1/contracts?limit=50&prestataire=genetec", "/api/v1/requests?limit=50", "/api/v1/search?q=genetec" })
        {
            var t = await TimeAsync(() => client.GetByteArrayAsync(new Uri(path, UriKind.Relative)));
            var shown = path == deep ? "/api/v1/cases?limit=50&cursor=… (90 % down the list)" : path;
            Console.WriteLine($"| `GET {shown}` | {Ms(t.P50)} | {Ms(t.P95)} | {Ms(t.Max)} | {t.P50 / baseline.P50:0}× |");
        }
    }

    private static async Task<string> MatchesAsync(NpgsqlDataSource source, string query)
    {
        await using var command = source.CreateCommand("""
            WITH q AS (SELECT websearch_to_tsquery('public.vigie_fr', $1) AS q)
            SELECT (SELECT count(*) FROM case_search, q WHERE search_vector @@ q.q) || ' / ' || (SELECT count(*) FROM contract_search, q WHERE search_vector @@ q.q)
                || ' / ' || (SELECT count(*) FROM request_search, q WHERE search_vector @@ q.q)
                || ' / ' || (SELECT count(DISTINCT d.id) FROM documents d LEFT JOIN file_pages p ON p.file_id = d.file_id, q
                             WHERE d.search_vector @@ q.q OR p.search_vector @@ q.q)
            """);
        command.Parameters.AddWithValue(query);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private sealed record Timing(double P50, double P95, double Max);

    private static async Task<Timing> TimeAsync(Func<Task> action)
    {
        var first = Stopwatch.StartNew();
        await action();
        // A slow query (seconds) gets 5 runs instead of 20: enough to show its order of magnitude, not an hour.
        var slow = first.Elapsed > TimeSpan.FromMilliseconds(500);
        for (var i = 1; i < (slow ? 1 : Warmups); i++)
        {
            await action();
        }
        var runs = slow ? 5 : Runs;
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new Timing(Percentile(times, 0.50), Percentile(times, 0.95), times[^1]);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Ms(double ms) => ms < 1 ? $"{ms * 1000:0} µs" : $"{ms:0.0} ms";
}
