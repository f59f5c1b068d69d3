using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Benchmarks;

/// <summary>
/// What a signed-in request pays for its server-side session (one primary-key SELECT in <c>user_sessions</c> and the
/// ticket's deserialisation), against the same request signed in with the whole ticket in the cookie (ASP.NET's
/// default, no store) and, as the baseline, anonymous. The page, /mot-de-passe-oublie, reads nothing else.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public partial class SessionBenchmarks
{
    private const string Page = "/mot-de-passe-oublie";
    private SessionFactory _stored = null!;
    private SessionFactory _cookieOnly = null!;
    private HttpClient _anonymous = null!;
    private HttpClient _storedClient = null!;
    private HttpClient _cookieOnlyClient = null!;

    private sealed class SessionFactory(string connectionString, bool store) : WebApplicationFactory<Program>
    {
        public string ConnectionString { get; } = connectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Testing: cookies without the Secure flag, over the in-process HTTP client.
            builder.UseEnvironment("Testing");
            builder.UseSolutionRelativeContentRoot("src/Vigie.Web", "*.slnx");
            builder.UseSetting("ConnectionStrings:Vigie", ConnectionString);
            builder.UseSetting("Vigie:MigrateOnStartup", "false");
            builder.UseSetting("Vigie:SeedOnStartup", "false");
            builder.UseSetting("Vigie:Accounts:AuthRequestsPerMinute", "100000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            if (!store)
            {
                builder.ConfigureTestServices(services => services.PostConfigure<CookieAuthenticationOptions>(
                    IdentityConstants.ApplicationScheme, o => o.SessionStore = null));
            }
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("bench_sessions");
        _stored = new SessionFactory(connectionString, store: true);
        _cookieOnly = new SessionFactory(connectionString, store: false);
        using (var scope = _stored.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = "mesure@example.org", Email = "mesure@example.org", DisplayName = "Mesure", EmailConfirmed = true };
            if (!(await users.CreateAsync(user, "une-phrase-de-mesure-1")).Succeeded)
            {
                throw new InvalidOperationException("could not create the member");
            }
            await users.AddToRoleAsync(user, Roles.Volunteer);
        }
        _anonymous = _cookieOnly.CreateClient();
        _storedClient = await SignedInAsync(_stored);
        _cookieOnlyClient = await SignedInAsync(_cookieOnly);
    }

    private static async Task<HttpClient> SignedInAsync(SessionFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/connexion", UriKind.Relative));
        var token = Token().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "mesure@example.org", ["Password"] = "une-phrase-de-mesure-1", ["__jeton"] = token });
        using var response = await client.PostAsync(new Uri("/connexion", UriKind.Relative), content);
        using var check = await client.GetAsync(new Uri("/espace", UriKind.Relative));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || !check.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}, /espace {(int)check.StatusCode}");
        }
        return client;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _anonymous.Dispose();
        _storedClient.Dispose();
        _cookieOnlyClient.Dispose();
        await _stored.DisposeAsync();
        await _cookieOnly.DisposeAsync();
        await TestDatabase.DropDatabaseAsync(_stored.ConnectionString);
    }

    [Benchmark(Baseline = true, Description = "Anonymous")]
    public Task<byte[]> Anonymous() => _anonymous.GetByteArrayAsync(new Uri(Page, UriKind.Relative));

    [Benchmark(Description = "Signed in, ticket in the cookie (no store)")]
    public Task<byte[]> CookieOnly() => _cookieOnlyClient.GetByteArrayAsync(new Uri(Page, UriKind.Relative));

    [Benchmark(Description = "Signed in, server-side session (PostgreSQL)")]
    public Task<byte[]> ServerSide() => _storedClient.GetByteArrayAsync(new Uri(Page, UriKind.Relative));

    [GeneratedRegex("name=\"__jeton\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
