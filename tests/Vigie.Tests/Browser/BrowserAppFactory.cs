using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Browser;

/// <summary>
/// The app served by Kestrel on 127.0.0.1 and a free port, so a real browser can reach it, on its own copy of the
/// seeded database. One per browser test class (<c>IClassFixture</c>); the TestServer-based <see cref="VigieFactory"/>
/// is unchanged for the other tests. Its clock starts at the real time and moves only when a test moves it.
/// </summary>
public sealed class BrowserAppFactory : ClockedFactory
{
    // UseKestrel(port) makes the factory listen on http://127.0.0.1:{port} only; 0 lets the system pick the port.
    public BrowserAppFactory() => UseKestrel(0);

    /// <summary>The real time, until a journey moves the clock.</summary>
    protected override DateTimeOffset Start => DateTimeOffset.UtcNow;

    /// <summary>The address the server actually listens on, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel is not listening on 127.0.0.1 (addresses: {string.Join(", ", addresses)}).");
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }
}
