using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Tests.Security;

/// <summary>The app on Kestrel at 127.0.0.1, so that requests have a real client address (TestServer has none).</summary>
public class LoopbackFactory : VigieFactory
{
    public LoopbackFactory() => UseKestrel(0);

    public Uri BaseUrl { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        BaseUrl = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public HttpClient CreateLoopbackClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseUrl };

    /// <summary>Fails a sign-in while claiming, through X-Forwarded-For, to come from 203.0.113.9; returns the address the app recorded.</summary>
    public async Task<string?> RecordedAddressAsync(string email)
    {
        await this.CreateAsync(email, Roles.Volunteer);
        using var client = CreateLoopbackClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await client.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = email, ["Password"] = "pas-le-bon-mot-de-passe-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = CreateDbContext();
        var entry = await db.AuditLog.Where(a => a.Action == AuditActions.LoginFailed && a.TargetUser!.Email == email).SingleAsync();
        Assert.True(await db.SignInThrottles.AnyAsync(t => t.Key == "adresse:" + entry.IpAddress), "the throttle counted another address than the journal");
        return entry.IpAddress;
    }
}

/// <summary>The same, with the loopback proxy trusted (<c>Vigie:TrustedProxies</c>).</summary>
public sealed class ProxiedLoopbackFactory : LoopbackFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Vigie:TrustedProxies:0", "10.0.0.0/8");
        builder.UseSetting("Vigie:TrustedProxies:1", "127.0.0.1");
    }
}

public sealed class UntrustedProxyTests(LoopbackFactory factory) : IClassFixture<LoopbackFactory>
{
    [Fact]
    public async Task Without_configuration_X_Forwarded_For_from_loopback_changes_nothing()
    {
        Assert.Equal("127.0.0.1", await factory.RecordedAddressAsync("sans-mandataire@example.org"));
    }

    [Fact]
    public async Task HEAD_answers_like_GET_with_its_length_and_does_not_leave_an_empty_page_in_the_output_cache()
    {
        await factory.EvictCacheAsync();
        using var client = factory.CreateLoopbackClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/dossiers/elancourt"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var get = await client.GetAsync(new Uri("/dossiers/elancourt", UriKind.Relative));
        var body = await get.Content.ReadAsByteArrayAsync();
        Assert.Contains("Élancourt", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
    }
}

public sealed class TrustedProxyTests(ProxiedLoopbackFactory factory) : IClassFixture<ProxiedLoopbackFactory>
{
    [Fact]
    public async Task With_the_proxy_configured_X_Forwarded_For_gives_the_client_address()
    {
        Assert.Equal("203.0.113.9", await factory.RecordedAddressAsync("avec-mandataire@example.org"));
    }
}
