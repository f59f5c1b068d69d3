using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Accounts;

/// <summary>
/// The app with the real sign-in throttling, a clock the tests move, each request's client address taken from an
/// <c>X-Test-Client</c> header (TestServer has no network), and the password hasher's verifications counted.
/// </summary>
public sealed class ThrottledFactory : ClockedFactory
{
    public const string ClientHeader = "X-Test-Client";

    public int Verifications => Volatile.Read(ref _verifications);

    private int _verifications;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ClientAddressFilter());
            services.RemoveAll<IPasswordHasher<User>>();
            services.AddScoped<IPasswordHasher<User>>(_ => new CountingHasher(this));
        });
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class CountingHasher(ThrottledFactory owner) : PasswordHasher<User>
    {
        public override PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref owner._verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SignInThrottlingTests(ThrottledFactory factory) : IClassFixture<ThrottledFactory>
{
    private const string Wrong = "pas-le-bon-mot-de-passe-1";

    [Fact]
    public async Task The_answer_is_the_same_for_an_unknown_a_locked_and_an_existing_account_and_the_password_is_always_hashed()
    {
        await factory.CreateAsync("existe@example.org", Roles.Volunteer);
        var locked = await factory.CreateAsync("verrouille@example.org", Roles.Volunteer);
        await using (var db = factory.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == locked.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue));
        }

        var existing = await AttemptAsync("existe@example.org", Wrong, "192.0.2.10");
        var unknown = await AttemptAsync("personne-ici@example.org", Wrong, "192.0.2.11");
        var lockedRightPassword = await AttemptAsync("verrouille@example.org", TeamMembers.Password, "192.0.2.12");

        Assert.All([existing, unknown, lockedRightPassword], answer =>
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal("Adresse ou mot de passe incorrect.", answer.Message);
            Assert.Equal(1, answer.Verifications);
        });
    }

    [Fact]
    public async Task Failures_delay_an_account_growing_and_its_owner_signs_in_from_elsewhere_after_the_delay()
    {
        await factory.CreateAsync("cible@example.org", Roles.Volunteer);
        const string stranger = "198.51.100.7", owner = "203.0.113.20";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync("cible@example.org", Wrong, stranger)).Status);
        }

        var refused = await AttemptAsync("cible@example.org", TeamMembers.Password, owner);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("30", refused.RetryAfter);
        Assert.Contains("Réessayez dans 30 secondes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, refused.Verifications);

        // Refused attempts do not count; the next failure after the delay doubles it.
        factory.Clock.Set(factory.Clock.GetUtcNow().AddSeconds(31));
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync("cible@example.org", Wrong, stranger)).Status);
        var longer = await AttemptAsync("cible@example.org", TeamMembers.Password, owner);
        Assert.Equal(HttpStatusCode.TooManyRequests, longer.Status);
        Assert.Contains("Réessayez dans 1 minute", longer.Message, StringComparison.Ordinal);

        factory.Clock.Set(factory.Clock.GetUtcNow().AddSeconds(61));
        var signedIn = await AttemptAsync("cible@example.org", TeamMembers.Password, owner);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.SignInThrottles.AnyAsync(t => t.Key.StartsWith("compte:") && t.BlockedUntil > factory.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task An_email_without_an_account_is_delayed_exactly_like_one_with()
    {
        await factory.CreateAsync("reel@example.org", Roles.Volunteer);
        var answers = new List<string>();
        foreach (var (email, address) in new[] { ("reel@example.org", "192.0.2.30"), ("fantome@example.org", "192.0.2.31") })
        {
            for (var i = 0; i < 5; i++)
            {
                await AttemptAsync(email, Wrong, address);
            }
            var refused = await AttemptAsync(email, Wrong, address);
            answers.Add($"{(int)refused.Status} {refused.RetryAfter} {refused.Message}");
        }
        Assert.Equal(answers[0], answers[1]);
        Assert.StartsWith("429 30 ", answers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_fails_too_often_is_delayed_whatever_the_email_and_others_are_not()
    {
        await factory.CreateAsync("voisin@example.org", Roles.Volunteer);
        const string guesser = "198.51.100.99";
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync($"essai-{i}@example.org", Wrong, guesser)).Status);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync("voisin@example.org", TeamMembers.Password, guesser)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync("voisin@example.org", TeamMembers.Password, "198.51.100.100")).Status);
    }

    [Fact]
    public async Task The_reset_forms_answer_the_same_for_an_unknown_address()
    {
        await factory.CreateAsync("oublieuse@example.org", Roles.Volunteer);
        var pages = new List<string>();
        foreach (var email in new[] { "oublieuse@example.org", "inconnue@example.org" })
        {
            using var client = factory.CreateCookieClient();
            using var asked = await client.PostFormAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", new() { ["Email"] = email });
            var page = await VigieFactory.ParseAsync(asked);
            pages.Add($"{(int)asked.StatusCode} {page.QuerySelector("main")!.TextContent.Replace(email, "…", StringComparison.Ordinal)}");

            using var reset = await client.PostFormAsync($"/mot-de-passe/reinitialiser?email={email}&jeton=faux", "/mot-de-passe/reinitialiser", new()
            {
                ["Email"] = email,
                ["Token"] = "faux",
                ["NewPassword"] = "une-phrase-assez-longue-3",
                ["ConfirmPassword"] = "une-phrase-assez-longue-3",
            });
            var resetPage = await VigieFactory.ParseAsync(reset);
            pages.Add($"{(int)reset.StatusCode} {resetPage.QuerySelector(".form-errors")?.TextContent.Trim()}");
        }
        Assert.Equal(pages[0], pages[2]);
        Assert.Equal(pages[1], pages[3]);
    }

    private sealed record Answer(HttpStatusCode Status, string Message, string? RetryAfter, int Verifications);

    private async Task<Answer> AttemptAsync(string email, string password, string address)
    {
        using var client = factory.CreateCookieClient();
        client.DefaultRequestHeaders.Add(ThrottledFactory.ClientHeader, address);
        var before = factory.Verifications;
        var token = await TeamMembers.AntiforgeryTokenAsync(client, "/connexion");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["__jeton"] = token });
        using var response = await client.PostAsync(new Uri("/connexion", UriKind.Relative), content);
        var message = response.StatusCode == HttpStatusCode.Redirect ? "" : (await VigieFactory.ParseAsync(response)).QuerySelector(".form-errors")?.TextContent.Trim() ?? "";
        return new Answer(response.StatusCode, message, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), factory.Verifications - before);
    }
}
