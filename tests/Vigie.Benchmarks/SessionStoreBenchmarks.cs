using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Benchmarks;

/// <summary>
/// The per-request work of each way to end sessions at once, without HTTP around it: the session store's lookup
/// (what every signed-in request does now), and what Identity's security-stamp validator does on every request when
/// its interval is zero (find the user, compare the stamp, rebuild the principal with its roles). Baseline: finding
/// the user by primary key, one round trip.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SessionStoreBenchmarks
{
    private App _app = null!;
    private SessionStore _store = null!;
    private string _key = "";
    private ClaimsPrincipal _principal = null!;
    private string _userId = "";

    private sealed class App(string connectionString) : WebApplicationFactory<Program>
    {
        public string ConnectionString { get; } = connectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSolutionRelativeContentRoot("src/Vigie.Web", "*.slnx");
            builder.UseSetting("ConnectionStrings:Vigie", ConnectionString);
            builder.UseSetting("Vigie:MigrateOnStartup", "false");
            builder.UseSetting("Vigie:SeedOnStartup", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = new App(await TestDatabase.CreateDatabaseAsync("bench_session_store"));
        _store = _app.Services.GetRequiredService<SessionStore>();
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = "magasin@example.org", Email = "magasin@example.org", DisplayName = "Magasin", EmailConfirmed = true };
        if (!(await users.CreateAsync(user, "une-phrase-de-mesure-2")).Succeeded)
        {
            throw new InvalidOperationException("could not create the member");
        }
        await users.AddToRoleAsync(user, Roles.Editor);
        _userId = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _principal = await scope.ServiceProvider.GetRequiredService<SignInManager<User>>().CreateUserPrincipalAsync(user);
        var properties = new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddDays(14) };
        _key = await _store.StoreAsync(new AuthenticationTicket(_principal, properties, IdentityConstants.ApplicationScheme));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _app.DisposeAsync();
        await TestDatabase.DropDatabaseAsync(_app.ConnectionString);
    }

    [Benchmark(Baseline = true, Description = "Find the user by primary key")]
    public async Task<User?> FindUser()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByIdAsync(_userId);
    }

    [Benchmark(Description = "Session store lookup (RetrieveAsync)")]
    public Task<AuthenticationTicket?> Retrieve() => _store.RetrieveAsync(_key);

    [Benchmark(Description = "Security stamp check + principal rebuilt (stamp validated on every request)")]
    public async Task<ClaimsPrincipal> ValidateStamp()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<User>>();
        var user = await signIn.ValidateSecurityStampAsync(_principal) ?? throw new InvalidOperationException("stamp refused");
        return await signIn.CreateUserPrincipalAsync(user);
    }
}
