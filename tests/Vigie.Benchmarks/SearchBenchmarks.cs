using BenchmarkDotNet.Attributes;
using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Search;

namespace Vigie.Benchmarks;

/// <summary>
/// Search on the synthetic database (100,000 cases and documents by default): the ranked first page of each kind
/// without and with the facet counts, and the commune completion. Baseline: a primary-key lookup on the same server.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private string _connectionString = "";
    private VigieDbContext _db = null!;
    private NpgsqlDataSource _source = null!;

    [Params("genetec", "\"centre de supervision\"", "drones -police", "elancourt", "vidéoprotection")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _connectionString = await SyntheticDatabase.GetAsync();
        _db = TestDatabase.CreateContext(_connectionString);
        _source = NpgsqlDataSource.Create(_connectionString);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _db.DisposeAsync();
        await _source.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "Primary-key lookup (baseline)")]
    public async Task<object?> PrimaryKey()
    {
        await using var command = _source.CreateCommand("SELECT title FROM cases WHERE id = 1");
        return await command.ExecuteScalarAsync();
    }

    [Benchmark(Description = "Search: best 5 of each kind, no facets")]
    public Task<SearchResults> Search() => SiteSearch.RunAsync(_db, Query, new PublicFilter(), null, 1, withFacets: false, default);

    [Benchmark(Description = "Search with facet counts (the page)")]
    public Task<SearchResults> SearchWithFacets() => SiteSearch.RunAsync(_db, Query, new PublicFilter(), null, 1, withFacets: true, default);

    [Benchmark(Description = "Search, one kind, page 2, filtered")]
    public Task<SearchResults> SearchFiltered() => SiteSearch.RunAsync(_db, Query, new PublicFilter { Region = "11" }, SearchKind.Dossiers, 2, withFacets: true, default);
}
