using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Requests;

namespace Vigie.Tests.Features.Api;

/// <summary>
/// /openapi/v1.json, read as a client reads it: a French site describes its API in French, every parameter it documents
/// works, nothing internal leaks into it, and the request states it lists are the ones every surface accepts.
/// </summary>
public sealed partial class OpenApiDocumentTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var client = factory.CreateBrowserlessClient();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.Clone();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)));

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [];

    /// <summary>French function words or letters, and no English function word: enough to tell the two apart in a description.</summary>
    private static bool LooksFrench(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && !EnglishWord().IsMatch(text)
        && (FrenchWord().IsMatch(text) || text.Any(c => "éèêàâçîôûùëïœÉÈÀ".Contains(c)));

    [Fact]
    public async Task Every_operation_parameter_response_and_field_is_described_in_French()
    {
        var document = await DocumentAsync();
        var problems = new List<string>();
        Assert.True(LooksFrench(document.GetProperty("info").GetProperty("description").GetString()));
        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var key in new[] { "summary", "description" })
            {
                if (!LooksFrench(operation.TryGetProperty(key, out var text) ? text.GetString() : null))
                {
                    problems.Add($"{method} {path}: {key} {(operation.TryGetProperty(key, out var t) ? t.GetString() : "missing")}");
                }
            }
            foreach (var parameter in Parameters(operation))
            {
                var description = parameter.TryGetProperty("description", out var d) ? d.GetString() : null;
                if (!LooksFrench(description))
                {
                    problems.Add($"{method} {path}: parameter {parameter.GetProperty("name")}: {description ?? "no description"}");
                }
            }
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                var description = response.Value.TryGetProperty("description", out var d) ? d.GetString() : null;
                if (!LooksFrench(description))
                {
                    problems.Add($"{method} {path}: response {response.Name}: {description ?? "no description"}");
                }
            }
            foreach (var code in new[] { "200", "304", "429" })
            {
                if (!operation.GetProperty("responses").TryGetProperty(code, out _))
                {
                    problems.Add($"{method} {path}: response {code} not documented");
                }
            }
        }
        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties))
            {
                continue;
            }
            foreach (var field in properties.EnumerateObject())
            {
                var description = field.Value.TryGetProperty("description", out var d) ? d.GetString() : null;
                if (!LooksFrench(description))
                {
                    problems.Add($"{schema.Name}.{field.Name}: {description ?? "no description"}");
                }
            }
        }
        Assert.True(problems.Count == 0, "Not described in French:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_documented_parameter_is_accepted_with_its_example_and_none_is_internal()
    {
        var document = await DocumentAsync();
        using var client = factory.CreateBrowserlessClient();
        foreach (var (path, method, operation) in Operations(document))
        {
            var query = new Dictionary<string, string?>();
            var target = path;
            foreach (var parameter in Parameters(operation))
            {
                var name = parameter.GetProperty("name").GetString()!;
                // Query-string names are the site's: lower-case French words, never a C# property (IsEmpty).
                Assert.Matches("^[a-z]+$", name);
                Assert.True(parameter.TryGetProperty("example", out var example), $"{method} {path}: {name} has no example");
                var value = example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
                if (parameter.GetProperty("in").GetString() == "path")
                {
                    target = target.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                }
                else
                {
                    query[name] = value;
                }
            }
            var url = QueryHelpers.AddQueryString(target, query);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound,
                $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Every_documented_request_state_is_accepted_by_the_api_the_browse_page_and_the_open_data()
    {
        var document = await DocumentAsync();
        var etat = Parameters(document.GetProperty("paths").GetProperty("/api/v1/requests").GetProperty("get"))
            .Single(p => p.GetProperty("name").GetString() == "etat");
        var schema = etat.GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        var documented = schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Equal(RequestStateIds.Filterable.Select(RequestStateIds.Of), documented);
        Assert.Contains("close", documented);

        using var client = factory.CreateBrowserlessClient();
        // The documented identifiers, and for links made before them the English names and the labels as they read.
        foreach (var value in documented.Concat(["Closed", "Close", "ImpliedRefusal", "Refus implicite"]))
        {
            foreach (var path in new[] { "/api/v1/requests", "/demandes-cada", "/donnees/demandes.csv" })
            {
                var url = QueryHelpers.AddQueryString(path, "etat", value);
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
            }
        }
        foreach (var path in new[] { "/api/v1/requests?etat=nimporte", "/demandes-cada?etat=nimporte", "/donnees/demandes.csv?etat=nimporte", "/api/v1/requests?etat=3" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("refus-implicite", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // What the outputs say is what the filter takes, and filtering by it gives back that state.
        var closed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/requests?etat=Close&limit=200", UriKind.Relative))).RootElement;
        var items = closed.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, r => Assert.Equal("close", r.GetProperty("state").GetString()));
        Assert.All(items, r => Assert.Equal("Close", r.GetProperty("stateLabel").GetString()![..5]));
        var csv = await client.GetStringAsync(new Uri("/donnees/demandes.csv?etat=close", UriKind.Relative));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "etat");
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.Equal("close", l.Split(',')[column]));
        var browse = await factory.GetDocumentAsync("/demandes-cada");
        Assert.Equal(documented, browse.QuerySelectorAll("#f-etat option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }));
    }

    [GeneratedRegex(@"\b(the|of|and|with|by|is|are|for|each|to|from|this|that|which|when|its|one)\b")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"\b(le|la|les|un|une|des|du|de|et|ou|à|au|aux|en|par|pour|sur|dans|sous|avec|sans|est|sont|ne|pas|qui|que|son|sa|ses|ce|cet|cette|leur|leurs)\b|\b(l|d|qu)['’]\w", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchWord();
}
