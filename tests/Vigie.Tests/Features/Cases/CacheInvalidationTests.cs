using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Features.Editing;
using Vigie.Web.Data;

namespace Vigie.Tests.Features.Cases;

/// <summary>
/// The output cache forgets exactly the pages a write changed: they show the change on the next request, while pages
/// the write did not touch keep being served from the cache (the Age header says so).
/// </summary>
public sealed class CacheInvalidationTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private const string Elancourt = "/communes/78208";
    private const string ElancourtCase = "/dossiers/elancourt";
    private const string Versailles = "/communes/78646";
    private const string Home = "/";

    [Fact]
    public async Task A_request_change_shows_at_once_on_its_commune_and_case_pages_and_leaves_other_pages_cached()
    {
        using var client = factory.CreateBrowserlessClient();
        await WarmAsync(client, Elancourt, ElancourtCase, Versailles, Home);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
            var request = await db.CadaRequests.SingleAsync(r => r.Subject == "Contrat conclu avec Genetec et ses annexes");
            request.Subject = "Contrat Genetec, annexes techniques comprises";
            await db.SaveChangesAsync();
        }

        foreach (var path in new[] { Elancourt, ElancourtCase })
        {
            using var fresh = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Null(fresh.Headers.Age);
            Assert.Contains("Contrat Genetec, annexes techniques comprises", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await AssertCachedAsync(client, Versailles);
        await AssertFreshAsync(client, Home);
    }

    [Fact]
    public async Task A_case_change_inside_a_transaction_is_evicted_when_it_commits_not_before()
    {
        using var client = factory.CreateBrowserlessClient();
        await WarmAsync(client, ElancourtCase, Versailles);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var elancourt = await db.Cases.SingleAsync(c => c.Slug == "elancourt");
            elancourt.Summary = "Résumé changé dans une transaction.";
            await db.SaveChangesAsync();
            // Not committed yet: the page may still come from the cache, and must not cache the uncommitted state.
            await AssertCachedAsync(client, ElancourtCase);
            await transaction.CommitAsync();
        }
        using var fresh = await client.GetAsync(new Uri(ElancourtCase, UriKind.Relative));
        Assert.Null(fresh.Headers.Age);
        Assert.Contains("Résumé changé dans une transaction.", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertCachedAsync(client, Versailles);

        // A rolled-back change evicts nothing.
        await WarmAsync(client, ElancourtCase);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var elancourt = await db.Cases.SingleAsync(c => c.Slug == "elancourt");
            elancourt.Summary = "Jamais enregistré.";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        await AssertCachedAsync(client, ElancourtCase);
    }

    [Fact]
    public async Task Private_writes_such_as_a_new_account_evict_nothing()
    {
        using var client = factory.CreateBrowserlessClient();
        await WarmAsync(client, ElancourtCase, Home);
        using var member = await factory.MemberAsync(Vigie.Web.Data.Entities.Roles.Volunteer, "Compte Sans Effet");
        await AssertCachedAsync(client, ElancourtCase);
        await AssertCachedAsync(client, Home);
    }

    private static async Task WarmAsync(HttpClient client, params string[] paths)
    {
        foreach (var path in paths)
        {
            (await client.GetAsync(new Uri(path, UriKind.Relative))).Dispose();
            await AssertCachedAsync(client, path);
        }
    }

    private static async Task AssertCachedAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.Headers.Age is not null, $"{path} was not served from the output cache");
    }

    private static async Task AssertFreshAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.Headers.Age is null, $"{path} was served from the output cache after a change it shows");
    }
}
