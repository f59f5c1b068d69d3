using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Vigie.Benchmarks;

/// <summary>The app on a benchmark database, in-process (TestServer) or on Kestrel for a real browser.</summary>
public sealed class BenchmarkApp(string connectionString, bool cachePublicPages = true, bool kestrel = false) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSolutionRelativeContentRoot("src/Vigie.Web", "*.slnx");
        builder.UseSetting("ConnectionStrings:Vigie", ConnectionString);
        builder.UseSetting("Vigie:MigrateOnStartup", "false");
        builder.UseSetting("Vigie:SeedOnStartup", "false");
        builder.UseSetting("Vigie:CachePublicPages", cachePublicPages ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The API's per-address limit would answer 429 to a benchmark, which is a single client.
        builder.UseSetting("Vigie:Api:RequestsPerMinute", "1000000000");
        builder.UseSetting("Vigie:Api:DownloadsPerMinute", "1000000");
        if (kestrel)
        {
            // HTTPS redirection is for production behind a proxy; the browser talks plain HTTP on loopback here.
            builder.UseEnvironment("Testing");
        }
    }

    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }
}
