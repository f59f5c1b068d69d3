using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Vigie.Web.Infrastructure;

/// <summary>
/// X-Forwarded-For and -Proto are honoured only from the addresses and networks listed in <c>Vigie:TrustedProxies</c>.
/// ASP.NET trusts loopback by default, and with both of its lists empty it trusts everyone, so with nothing configured
/// the middleware is not used at all.
/// </summary>
public static class TrustedProxies
{
    public static void AddVigieTrustedProxies(this WebApplicationBuilder builder, VigieOptions vigie)
    {
        var (proxies, networks) = Parse(vigie.TrustedProxies);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
            // Each entry is taken from the right while the address it came from is trusted, so a chain of proxies works.
            o.ForwardLimit = null;
        });
    }

    public static IApplicationBuilder UseVigieTrustedProxies(this IApplicationBuilder app, VigieOptions vigie) =>
        vigie.TrustedProxies.Length == 0 ? app : app.UseForwardedHeaders();

    public static (List<IPAddress> Proxies, List<IPNetwork> Networks) Parse(IEnumerable<string> entries)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<IPNetwork>();
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/', StringComparison.Ordinal))
            {
                proxies.Add(address);
            }
            else if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                throw new InvalidOperationException($"Vigie:TrustedProxies : « {entry} » n'est ni une adresse IP ni un réseau (par exemple 10.0.0.0/8).");
            }
        }
        return (proxies, networks);
    }
}
