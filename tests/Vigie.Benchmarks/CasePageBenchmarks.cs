using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Vigie.Tests.Infrastructure;

namespace Vigie.Benchmarks;

/// <summary>
/// Server time of the Élancourt case page, in-process (no network): rendered from the database with the
/// output cache off, and served from the output cache. Baseline: a static file through the same pipeline.
/// </summary>
[MemoryDiagnoser]
public class CasePageBenchmarks
{
    private BenchFactory _uncached = null!;
    private BenchFactory _cached = null!;
    private HttpClient _uncachedClient = null!;
    private HttpClient _cachedClient = null!;

    private sealed class BenchFactory(string connectionString, bool cache) : WebApplicationFactory<Program>
    {
        public string ConnectionString { get; } = connectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSolutionRelativeContentRoot("src/Vigie.Web", "*.slnx");
            builder.UseSetting("ConnectionStrings:Vigie", ConnectionString);
            builder.UseSetting("Vigie:MigrateOnStartup", "false");
            builder.UseSetting("Vigie:SeedOnStartup", "false");
            builder.UseSetting("Vigie:CachePublicPages", cache ? "true" : "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("bench_case_page");
        _uncached = new BenchFactory(connectionString, cache: false);
        _cached = new BenchFactory(connectionString, cache: true);
        _uncachedClient = _uncached.CreateClient();
        _cachedClient = _cached.CreateClient();
        (await _uncachedClient.GetAsync(new Uri("/dossiers/elancourt", UriKind.Relative))).EnsureSuccessStatusCode();
        (await _cachedClient.GetAsync(new Uri("/dossiers/elancourt", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _uncachedClient.Dispose();
        _cachedClient.Dispose();
        await _uncached.DisposeAsync();
        await _cached.DisposeAsync();
        await TestDatabase.DropDatabaseAsync(_uncached.ConnectionString);
    }

    [Benchmark(Baseline = true, Description = "Static file /css/site.css")]
    public Task<byte[]> StaticFile() => _uncachedClient.GetByteArrayAsync(new Uri("/css/site.css", UriKind.Relative));

    [Benchmark(Description = "Case page, rendered from the database")]
    public Task<byte[]> CasePageUncached() => _uncachedClient.GetByteArrayAsync(new Uri("/dossiers/elancourt", UriKind.Relative));

    [Benchmark(Description = "Case page, from the output cache")]
    public Task<byte[]> CasePageCached() => _cachedClient.GetByteArrayAsync(new Uri("/dossiers/elancourt", UriKind.Relative));
}
