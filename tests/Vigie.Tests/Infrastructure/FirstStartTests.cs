using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Vigie.Web.Infrastructure.Postgres;

namespace Vigie.Tests.Infrastructure;

/// <summary>
/// What a newcomer reads on their console: the app started as <c>dotnet run</c> does (Development, embedded database, an
/// empty data folder), then its first pages. A failure or a warning there sends them looking for a problem that is not one.
/// </summary>
public sealed partial class FirstStartTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"vigie-first-start-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_first_start_and_the_first_pages_log_no_failure_or_warning()
    {
        using var site = await AppProcess.StartSiteAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Vigie__DataDirectory"] = _data,
        });
        using var client = new HttpClient { BaseAddress = site.Url };
        var casePage = await GetAsync(client, "/dossiers/elancourt");
        var document = new HtmlParser().ParseDocument(casePage).QuerySelectorAll("a[href^='/documents/']")
            .Select(a => a.GetAttribute("href")!).First(h => DocumentPath().IsMatch(h));
        // The seeded contract is processed in the background (text and thumbnails): its outcome is logged.
        await site.WaitForLineAsync("traité", TimeSpan.FromMinutes(2));
        foreach (var path in new[] { "/", "/dossiers", document, "/dossiers/elancourt.pdf", "/api/v1/cases", "/api/v1/cases/elancourt", "/donnees/dossiers.csv",
            "/donnees/demandes.csv", "/recherche?q=vid%C3%A9oprotection", "/communes/78208", "/erreur-404-voulue" })
        {
            await GetAsync(client, path, path == "/erreur-404-voulue" ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        }
        // A clean stop flushes the log.
        Assert.Equal(0, await site.StopAsync());

        var noise = site.Lines.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("warn:", StringComparison.Ordinal)).ToList();
        Assert.True(noise.Count == 0, $"the first start logged:\n{site.Output}");
        Assert.DoesNotContain("__ef_migrations_history", site.Output, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL local arrêté.", site.Output, StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == expected, $"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"^/documents/\d+$")]
    private static partial Regex DocumentPath();

    public void Dispose()
    {
        LocalPostgres.StopCluster(Path.Combine(_data, "postgres"));
        TestDatabase.DeleteQuietly(_data);
    }
}
