using BenchmarkDotNet.Attributes;
using Vigie.Web.Features.Api;

namespace Vigie.Benchmarks;

/// <summary>
/// The API on the synthetic database, in-process with the output cache off: a first page, a page deep in the list
/// (cursor), one case. Baseline: a static file through the same pipeline.
/// </summary>
[MemoryDiagnoser]
public class ApiBenchmarks
{
    private BenchmarkApp _app = null!;
    private HttpClient _client = null!;
    private string _deep = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = new BenchmarkApp(await SyntheticDatabase.GetAsync(), cachePublicPages: false);
        _client = _app.CreateClient();
        _deep = "/api/v1/cases?limit=50&cursor=" + ApiCursor.Encode("cases", (SyntheticDatabase.Cases * 9 / 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await _client.GetAsync(new Uri(_deep, UriKind.Relative))).EnsureSuccessStatusCode();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "Static file (baseline)")]
    public Task<byte[]> StaticFile() => _client.GetByteArrayAsync(new Uri("/css/site.css", UriKind.Relative));

    [Benchmark(Description = "GET /api/v1/cases?limit=50 (first page)")]
    public Task<byte[]> FirstPage() => _client.GetByteArrayAsync(new Uri("/api/v1/cases?limit=50", UriKind.Relative));

    [Benchmark(Description = "GET /api/v1/cases?limit=50&cursor=… (90% down the list)")]
    public Task<byte[]> DeepPage() => _client.GetByteArrayAsync(new Uri(_deep, UriKind.Relative));

    [Benchmark(Description = "GET /api/v1/contracts?limit=50&prestataire=genetec")]
    public Task<byte[]> FilteredContracts() => _client.GetByteArrayAsync(new Uri("/api/v1/contracts?limit=50&prestataire=genetec", UriKind.Relative));

    [Benchmark(Description = "GET /api/v1/search?q=genetec")]
    public Task<byte[]> ApiSearch() => _client.GetByteArrayAsync(new Uri("/api/v1/search?q=genetec", UriKind.Relative));
}
