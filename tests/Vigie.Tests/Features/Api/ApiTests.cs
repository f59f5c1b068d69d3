using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Features.Search;

namespace Vigie.Tests.Features.Api;

public sealed class ApiTests(SearchFixture factory) : IClassFixture<SearchFixture>
{
    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Cursors_walk_every_published_case_once()
    {
        await using var db = factory.CreateDbContext();
        var expected = await db.Cases.Where(c => c.Status == Vigie.Web.Data.Entities.CaseStatus.Published).OrderBy(c => c.Id).Select(c => c.Slug).ToListAsync();
        var seen = new List<string>();
        var path = "/api/v1/cases?limit=1";
        for (var pages = 0; path is not null && pages < 100; pages++)
        {
            var page = await GetJsonAsync(path);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!));
            path = page.GetProperty("nextUrl").GetString();
        }
        Assert.Equal(expected, seen);
        Assert.DoesNotContain("recherche-brouillon", seen);
    }

    [Theory]
    [InlineData("/api/v1/cases?cursor=nimportequoi")]
    [InlineData("/api/v1/cases?cursor=djF8Y2FzZXN8eA")]
    [InlineData("/api/v1/contracts?cursor=djF8Y29udHJhY3RzfDk5OTk5OTk5OTk5")]
    [InlineData("/api/v1/search?q=genetec&type=dossiers&cursor=djF8c2VhcmNofDA")]
    [InlineData("/api/v1/cases?limit=0")]
    [InlineData("/api/v1/cases?annee=12")]
    [InlineData("/api/v1/search")]
    public async Task Bad_parameters_are_a_400_problem_in_French(string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var title = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!;
        Assert.Matches("invalide|obligatoire|compris|Paramètres", title);
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_refused()
    {
        var communes = await GetJsonAsync("/api/v1/communes?limit=1");
        var cursor = communes.GetProperty("next").GetString();
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri($"/api/v1/cases?cursor={cursor}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Etags_answer_304_when_nothing_changed()
    {
        using var client = factory.CreateBrowserlessClient();
        using var first = await client.GetAsync(new Uri("/api/v1/technologies", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/technologies", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/technologies", UriKind.Relative));
        other.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"autre\""));
        using var third = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Cors_is_open_for_reading()
    {
        using var client = factory.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/cases", UriKind.Relative));
        request.Headers.Add("Origin", "https://example.org");
        using var response = await client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Private_data_never_appears_in_the_api()
    {
        using var client = factory.CreateBrowserlessClient();
        var bodies = new List<string>();
        foreach (var path in new[] { "/api/v1/cases?limit=200", "/api/v1/requests?limit=200", "/api/v1/documents?limit=200", "/api/v1/contracts?limit=200",
            "/api/v1/cases/recherche-zorglub", "/api/v1/communes/69123", "/api/v1/search?q=demande" })
        {
            bodies.Add(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        }
        var all = string.Concat(bodies);
        foreach (var secret in new[] { "clandestinus", "ornithorynque", "wombat", "Discretnom", "recherche-benevole" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
        using var draft = await client.GetAsync(new Uri("/api/v1/cases/recherche-brouillon", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_is_valid_and_lists_every_api_route()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(document.GetProperty("info").GetProperty("title").GetString()));
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{(\w+)(:[^}]+)?\}", "{$1}"))
            .ToHashSet();
        Assert.True(routes.Count >= 13, $"{routes.Count} API routes");
        Assert.Equal(routes.Order(), paths.Keys.Order());
        foreach (var (path, item) in paths)
        {
            var get = item.GetProperty("get");
            Assert.True(get.TryGetProperty("responses", out var responses) && responses.TryGetProperty("200", out _), $"{path} has no 200 response");
            Assert.True(get.TryGetProperty("summary", out _), $"{path} has no summary");
            foreach (var parameter in Parameters(path))
            {
                Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == parameter);
            }
        }
        var reference = await factory.GetDocumentAsync("/api");
        Assert.Equal(paths.Count, reference.QuerySelectorAll(".api-operation").Length);
    }

    private static IEnumerable<string> Parameters(string path) =>
        System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)\}").Select(m => m.Groups[1].Value);

    [Theory]
    [InlineData("/api/demandes", "/api/v1/requests")]
    [InlineData("/api/documents?q=plaques", "/api/v1/search?q=plaques&type=documents")]
    public async Task Old_endpoints_redirect_to_v1(string old, string target)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(old, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_public_request_shows_its_computed_state_and_deadlines()
    {
        var list = await GetJsonAsync("/api/v1/requests?limit=200");
        var capybara = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("subject").GetString() == "Demande capybara");
        var detail = await GetJsonAsync($"/api/v1/requests/{capybara.GetProperty("id").GetInt32()}");
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("stateLabel").GetString()));
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("deadlines").ValueKind);
        Assert.DoesNotContain("requester", detail.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
