using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Vigie.Web.Infrastructure;

/// <summary>
/// The site's absolute address, for links that leave the page: emails, case file PDFs, exports, feeds, open data.
/// <c>Vigie:PublicUrl</c> when it is set (required in Production); otherwise the address the request came to, so that
/// a site reached on another port or host links to itself. Work done without a request (reminder emails) falls back
/// to the address the server listens on.
/// </summary>
public sealed class SiteAddress(IOptions<VigieOptions> options, IServer server)
{
    public string? Configured => options.Value.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/') : null;

    public string For(HttpRequest request) =>
        Configured ?? (request.Host.HasValue
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : ForBackgroundWork());

    public string ForBackgroundWork()
    {
        if (Configured is { } configured)
        {
            return configured;
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "http://localhost";
        }
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
