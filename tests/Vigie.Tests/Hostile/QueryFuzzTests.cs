using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Security;
using Vigie.Web.Features.Api;
using Persona = Vigie.Tests.Security.AuthorizationMatrixTests.Persona;

namespace Vigie.Tests.Hostile;

/// <summary>
/// Every GET route of the app, with hostile strings in each query parameter its action binds (found in the endpoint
/// metadata, the properties of [FromQuery] models included, plus those of the authorization matrix's sample URLs) and in
/// each route value, as an anonymous visitor, a volunteer and an editor. No answer may be a 5xx, and a 4xx must carry a
/// French page or a problem+json with a French title. Endpoints a persona is not let into are skipped for it.
/// </summary>
public sealed class QueryFuzzTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    /// <summary>Already percent-encoded, as they would appear in an address. One of each kind, to keep the run near a minute.</summary>
    public static readonly string[] HostileValues =
    [
        "a%00b", // NUL, which PostgreSQL refuses in any text
        "%ED%A0%80", // U+D800, a lone surrogate, as UTF-8 would encode it if it could (invalid UTF-8)
        "%FF%FEx", // bytes that are no UTF-8 at all
        new string('x', 10_000),
        "%E2%80%AEfdp.exe%E2%81%A6x%E2%81%A9", // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 … U+2069 (isolates)
        Uri.EscapeDataString("' OR 1=1 --"),
        Uri.EscapeDataString("!:* & | <-> ( ) a:*"),
        "-1",
        "2147483648",
        "99999999999999999999",
        "",
    ];

    private static readonly Persona[] Personas = [Persona.Anonymous, Persona.Volunteer, Persona.Editor];

    /// <summary>The titles ASP.NET Core would write in English if the app forgot to give its own.</summary>
    private static readonly string[] EnglishTitles =
    [
        "Bad Request", "Not Found", "Unauthorized", "Forbidden", "Conflict", "Method Not Allowed", "Not Acceptable", "Unsupported Media Type",
        "Unprocessable Entity", "One or more validation errors occurred.", "An error occurred while processing your request.",
    ];

    /// <summary>One hostile request. A NUL is only sent in the query: in the path the server itself (Kestrel, and TestServer
    /// alike) refuses it before the app sees the request.</summary>
    public sealed record Probe(Persona Persona, string Route, string Url, string Input);

    [Fact]
    public async Task Hostile_query_and_route_values_are_never_a_5xx_and_every_4xx_explains_itself_in_French()
    {
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var targets = Targets(fixture.Services).ToList();
        var probes = new List<Probe>();
        foreach (var persona in Personas)
        {
            foreach (var group in targets.GroupBy(t => (t.Route, t.Sample)))
            {
                // Only where this persona gets in: a redirect to the login form says nothing about the action's input.
                var baseline = AuthorizationMatrixTests.Outcome(await SendAsync(client, persona, group.Key.Sample));
                if (baseline is "login" or "denied")
                {
                    continue;
                }
                probes.AddRange(group.SelectMany(t => HostileValues
                    .Where(v => !(t.InPath && v.Contains("%00", StringComparison.Ordinal)))
                    .Select(v => new Probe(persona, t.Route, t.Build(v), t.Name))));
            }
        }
        probes = probes.DistinctBy(p => (p.Persona, p.Url)).ToList();

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (probe, cancellationToken) =>
        {
            string? problem;
            try
            {
                using var response = await SendAsync(client, probe.Persona, probe.Url);
                problem = await ProblemAsync(response);
            }
            catch (HttpRequestException e)
            {
                // A streamed answer (a CSV download) that failed after its first bytes: the server aborted it.
                problem = "aborted: " + (e.InnerException?.InnerException ?? e.InnerException ?? e).Message;
            }
            if (problem is not null)
            {
                failures.Add($"{probe.Persona} GET {Shorten(probe.Url)} ({probe.Input}): {problem}");
            }
        });
        Assert.True(probes.Count > 1000, $"only {probes.Count} probes: the endpoint discovery found too little");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {probes.Count} hostile requests failed:\n" + string.Join("\n", failures.Order().Take(80)));
    }

    [Theory]
    [InlineData("/recherche?q=")]
    [InlineData("/recherche/resultats.csv?q=")]
    [InlineData("/communes?q=")]
    [InlineData("/documents?q=")]
    [InlineData("/marches?prestataire=")]
    [InlineData("/donnees/dossiers.csv?technologie=")]
    [InlineData("/api/v1/search?q=")]
    [InlineData("/api/v1/cases?technologie=")]
    public async Task A_nul_or_bytes_that_are_no_utf8_in_the_query_are_a_French_400(string prefix)
    {
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        foreach (var value in new[] { "a%00b", "%ED%A0%80", "%FF", "%C0%80" })
        {
            using var response = await client.GetAsync(new Uri(prefix + value, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{prefix}{value} answered {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            if (prefix.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("Paramètres invalides.", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
            }
            else
            {
                var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
                Assert.Equal("Requête invalide", page.QuerySelector("h1")?.TextContent);
                Assert.Contains("caractère invalide", page.QuerySelector(".lede")?.TextContent ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("cases")]
    [InlineData("communes")]
    [InlineData("vendors")]
    [InlineData("contracts")]
    [InlineData("requests")]
    [InlineData("documents")]
    [InlineData("search")]
    public async Task Api_cursors_that_carry_a_nul_or_a_lone_surrogate_are_a_400_problem_in_French(string list)
    {
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var nuls = new[] { "\0", "78\0", "genetec\u0000x" }.Select(key => ApiCursor.Encode(list, key));
        // U+D800 as UTF-8 would encode it if it could: no UTF-8 at all.
        var surrogate = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode([.. System.Text.Encoding.UTF8.GetBytes($"v1|{list}|"), 0xED, 0xA0, 0x80]);
        foreach (var cursor in nuls.Append(surrogate))
        {
            var path = list == "search" ? $"/api/v1/search?q=genetec&type=dossiers&cursor={cursor}" : $"/api/v1/{list}?cursor={cursor}";
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}");
            Assert.Null(await ProblemAsync(response));
        }
    }

    /// <summary>What is wrong with the answer, or null.</summary>
    public static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status}";
        }
        if (status < 400)
        {
            return null;
        }
        var body = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type == "application/problem+json")
        {
            using var json = JsonDocument.Parse(body);
            var title = json.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            return string.IsNullOrWhiteSpace(title) || EnglishTitles.Contains(title) ? $"{status} problem+json without a French title: {body}" : null;
        }
        if (type == "text/html")
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
            return page.DocumentElement.GetAttribute("lang") == "fr" && page.QuerySelector("h1")?.TextContent.Trim() is { Length: > 0 }
                ? null
                : $"{status} HTML page without a French heading";
        }
        return $"{status} with {(body.Length == 0 ? "an empty body" : type ?? "no content type")}";
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Persona persona, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (fixture.Cookies[persona] is { Length: > 0 } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }
        return await client.SendAsync(request);
    }

    private static string Shorten(string url) => url.Length > 160 ? url[..120] + $"…({url.Length} chars)" : url;

    /// <summary>One input of one endpoint: a query parameter or a route value, and how to build its address.</summary>
    private sealed record Target(string Route, string Sample, string Name, bool InPath, Func<string, string> Build);

    /// <summary>The inputs of every GET endpoint, each with the sample address of the authorization matrix to start from.</summary>
    private IEnumerable<Target> Targets(IServiceProvider services)
    {
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains("GET"))
            {
                continue;
            }
            var route = (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var row = AuthorizationMatrixTests.Matrix.FirstOrDefault(r => r.Method is "GET" or "*" && r.Route.TrimStart('/') == route);
            Assert.True(row is not null, $"GET {route} has no sample in the authorization matrix");
            var sample = fixture.Fill(row!.Sample);
            var (path, query) = Split(sample);
            var routeValues = MatchRoute(endpoint.RoutePattern, path);

            var queryNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in BoundNames(endpoint, services))
            {
                queryNames.Add(name);
            }
            foreach (var pair in query)
            {
                queryNames.Add(pair.Key);
            }
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                queryNames.Remove(parameter.Name);
                var name = parameter.Name;
                yield return new Target(route, sample, "{" + name + "}", InPath: true,
                    value => BuildPath(endpoint.RoutePattern, routeValues, name, value) + QueryString(query));
            }
            foreach (var name in queryNames)
            {
                yield return new Target(route, sample, name + "=", InPath: false,
                    value => path + QueryString(query.Where(p => !p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)), (name, value)));
            }
        }
    }

    /// <summary>
    /// The names an action binds from a query string or a form: simple parameters by their binder name, and the
    /// properties of complex ones (under the model's prefix when it has one), as model binding reads them.
    /// </summary>
    internal static IEnumerable<string> BoundNames(RouteEndpoint endpoint, IServiceProvider services)
    {
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
        {
            yield break;
        }
        var metadata = services.GetRequiredService<IModelMetadataProvider>();
        foreach (var parameter in action.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (parameter.ParameterType == typeof(CancellationToken) || !Readable(source))
            {
                continue;
            }
            var model = metadata.GetMetadataForType(parameter.ParameterType);
            if (model.IsComplexType && !model.IsEnumerableType)
            {
                var prefix = parameter.BindingInfo?.BinderModelName is { Length: > 0 } p ? p + "." : "";
                foreach (var property in model.Properties.Where(p => Readable(p.BindingSource)))
                {
                    yield return prefix + (property.BinderModelName ?? property.PropertyName!);
                }
            }
            else
            {
                yield return parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            }
        }

        static bool Readable(BindingSource? source) => source is null || source == BindingSource.Query || source == BindingSource.Form
            || source == BindingSource.ModelBinding || source == BindingSource.Path;
    }

    private static (string Path, List<KeyValuePair<string, string>> Query) Split(string sample)
    {
        var mark = sample.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0)
        {
            return (sample, []);
        }
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(sample[mark..])
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))).ToList();
        return (sample[..mark], query);
    }

    private static RouteValueDictionary MatchRoute(RoutePattern pattern, string path)
    {
        var values = new RouteValueDictionary();
        var matcher = new TemplateMatcher(TemplateParser.Parse((pattern.RawText ?? "").TrimStart('/')), new RouteValueDictionary());
        Assert.True(matcher.TryMatch(new PathString(path), values), $"the sample {path} does not match {pattern.RawText}");
        return values;
    }

    /// <summary>The sample's path with one route value replaced by an already-encoded hostile value.</summary>
    private static string BuildPath(RoutePattern pattern, RouteValueDictionary values, string replaced, string hostile)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.Name == replaced => hostile,
            RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var v) && v is not null
                ? string.Join('/', Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!.Split('/').Select(Uri.EscapeDataString))
                : "",
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static string QueryString(IEnumerable<KeyValuePair<string, string>> pairs, (string Name, string EncodedValue)? hostile = null)
    {
        var parts = pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)).ToList();
        if (hostile is { } h)
        {
            parts.Add(Uri.EscapeDataString(h.Name) + "=" + h.EncodedValue);
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
