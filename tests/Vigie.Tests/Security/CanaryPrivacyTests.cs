using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Features.Documents;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Security.Canary;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Exports;

namespace Vigie.Tests.Security;

/// <summary>
/// Issue 13, "Private stays private". Random worlds of cases, campaigns, requests, events and documents, in every
/// status and with every visibility flag, are inserted; each value that must not be public carries a unique canary
/// (<see cref="WorldBuilder"/>, from the test's own reading of the policy in <see cref="Visibility"/>). Then every GET
/// route of the app, filled with every id and slug of the world (<see cref="RouteSamples"/>), the searches queried
/// with every canary, the case files, the letters, the bulk export ZIP, the open data and the API with its cursors are
/// read anonymously and as a volunteer who owns nothing, and no canary may show (nor, in the API's case records, the id
/// of a hidden request or document).
/// Budget: 60 seconds of sampling (worlds accumulate in one database, so each sample stays cheap);
/// <c>VIGIE_CANARY_SECONDS=600</c> samples for ten minutes instead. A failure names each canary seen, the field it was
/// planted in, the reader and the URL.
/// </summary>
public sealed class CanaryPrivacyTests(CanaryFactory factory) : IClassFixture<CanaryFactory>
{
    private static int Budget => int.TryParse(Environment.GetEnvironmentVariable("VIGIE_CANARY_SECONDS"), out var seconds) && seconds > 0 ? seconds : 60;

    /// <summary>
    /// Search terms: the world's common words and its canaries, eight at a time joined by "or" (full-text search reads
    /// them as alternatives). Every search route gets the words and the first batch; the site's and the documents'
    /// full-text searches get every batch, the documents' again as the volunteer (its answer depends on the reader).
    /// Searches that match letter for letter get canaries alone: the completion all of them, the team's case list those
    /// of cases, the other lookups (communes, public bodies, requests) three per world.
    /// </summary>
    private static readonly string[] FullTextSearches = ["recherche", "documents"];

    [Fact]
    public void Every_get_route_is_read_by_the_canary_test()
    {
        var unknown = RouteSamples.Unknown(RouteSamples.AppRoutes(factory.Services));
        Assert.True(unknown.Count == 0, "GET routes the canary test does not know how to fill (add them to RouteSamples): " + string.Join(", ", unknown));
    }

    [Fact]
    public async Task No_canary_of_a_random_world_reaches_a_reader_who_may_not_see_it()
    {
        var routes = RouteSamples.AppRoutes(factory.Services);
        var unknown = RouteSamples.Unknown(routes);
        Assert.True(unknown.Count == 0, "GET routes the canary test does not know how to fill: " + string.Join(", ", unknown));
        // A leak does not stop the sampling: worlds accumulate (a world's page may show an earlier world's rows, so no
        // world alone reproduces a leak, and shrinking would only explore ever smaller worlds), and every kind of leak
        // met in the budget is worth reporting. Each is reported once, at its first sighting, with its world.
        var found = new ConcurrentDictionary<string, (int World, string Line)>();
        var worlds = new ConcurrentDictionary<int, string>();
        await WorldGen.World.SampleAsync(async spec =>
        {
            var world = await ReadWorldAsync(spec, routes, found);
            worlds[world.Number] = world.ToString();
        }, threads: 1, time: Budget, print: s => s.ToString());
        Assert.True(found.IsEmpty, $"{found.Count} leaks over {worlds.Count} worlds, one line per field, reader and route:\n"
            + string.Join("\n", found.Values.OrderBy(f => f.Line, StringComparer.Ordinal).Select(f => $"{f.Line} (world {f.World})"))
            + "\n\n" + string.Join("\n", found.Values.Select(f => f.World).Distinct().Order().Take(20).Select(n => worlds[n])));
    }

    /// <summary>Builds a world, reads everything, and adds each leak not met yet to <paramref name="found"/>.</summary>
    private async Task<World> ReadWorldAsync(WorldSpec spec, IReadOnlyList<string> routes, ConcurrentDictionary<string, (int, string)> found)
    {
        var world = await new WorldBuilder(factory, factory.Canaries, factory.Communes).BuildAsync(spec, factory.NextWorld());
        var sample = new Sample(world, await ExportAsync(factory, world.Technology.Slug));
        static List<string> Batches(IEnumerable<CanaryToken> canaries) => canaries.Select(c => Canaries.AsQuery(c.Token)).Chunk(8).Select(b => string.Join(" or ", b)).ToList();
        var batches = Batches(world.Canaries);
        var tokens = world.Canaries.Select(c => Canaries.AsQuery(c.Token)).ToList();
        var lookups = RouteSamples.SearchRoutes.Keys.Except([.. FullTextSearches, "recherche/resultats.csv", "api/v1/search", "recherche/suggestions"]);
        var everyone = RouteSamples.Urls(routes, sample)
            .Concat(RouteSamples.SearchUrls(routes, [world.Words, .. batches.Take(1)]))
            .Concat(RouteSamples.SearchUrls(routes.Intersect(lookups), tokens.Skip(world.Number * 3 % tokens.Count).Take(3))).ToList();
        using var client = factory.CreateBrowserlessClient();
        var anonymous = new SurfaceReader(factory.Canaries, Reader.Anonymous, client);
        var nobody = new SurfaceReader(factory.Canaries, Reader.NobodyVolunteer, factory.Nobody);
        await Task.WhenAll(
            ReadAllAsync(anonymous, [.. everyone, .. RouteSamples.SearchUrls(FullTextSearches, batches.Skip(1)),
                .. RouteSamples.SearchUrls(["recherche/suggestions"], tokens)]),
            ReadAllAsync(nobody, [.. everyone.Where(u => !RouteSamples.AnswersEveryoneAlike(u.Route)),
                .. RouteSamples.SearchUrls(["documents"], Batches(world.Canaries.Where(c => c.Class == CanaryClass.Private))),
                .. RouteSamples.SearchUrls(["edition/dossiers"], world.Canaries.Where(c => c.Entity == "case").Select(c => Canaries.AsQuery(c.Token)))]));
        foreach (var leak in anonymous.Leaks.Concat(nobody.Leaks))
        {
            found.TryAdd(leak.Kind, (world.Number, $"- {leak}"));
        }
        // Controls: the test reads what it means to read (the volunteer is signed in, public rows show).
        var shown = world.Cases.Where(Visibility.IsPublic).Select(c => (anonymous, $"/dossiers/{c.Slug}"))
            .Concat(world.Requests.Where(Visibility.IsPublic).Select(r => (anonymous, $"/api/v1/requests/{r.Id}")))
            .Concat(world.Documents.Where(Visibility.IsPublic).Select(d => (anonymous, $"/documents/{d.Id}")))
            .Concat([(nobody, "/espace"), (nobody, "/demandes/suivi")]);
        foreach (var (reader, url) in shown.Where(s => s.Item1.Statuses.GetValueOrDefault(s.Item2) != HttpStatusCode.OK))
        {
            found.TryAdd($"control: {url}", (world.Number, $"- control: {reader.Reader} GET {url} answered {(int)reader.Statuses.GetValueOrDefault(url)}, not 200"));
        }
        foreach (var (kind, example) in anonymous.Unreadable.Concat(nobody.Unreadable).Select(u => ($"unreadable: {u}", "")).Concat(await ListedIdsAsync(client, world)))
        {
            found.TryAdd(kind, (world.Number, $"- {kind}{(example.Length > 0 ? $": {example}" : "")}"));
        }
        return world;
    }

    private static async Task ReadAllAsync(SurfaceReader reader, IEnumerable<(string Route, string Url)> urls)
    {
        foreach (var (route, url) in urls)
        {
            await reader.ReadAsync(route, url);
        }
    }

    /// <summary>The API gives a case's requests and documents as ids, where no canary shows: none may be one the public may not see.</summary>
    private static async Task<List<(string Kind, string Example)>> ListedIdsAsync(HttpClient client, World world)
    {
        var problems = new List<(string, string)>();
        foreach (var c in world.Cases.Where(Visibility.IsPublic))
        {
            var url = $"/api/v1/cases/{c.Slug}";
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
            var hidden = world.Requests.Where(r => !Visibility.IsPublic(r)).Select(r => (Property: "requests", r.Id, What: Describe(r)))
                .Concat(world.Documents.Where(d => !Visibility.IsPublic(d)).Select(d => (Property: "documents", d.Id, What: Describe(d))));
            foreach (var (property, id, what) in hidden)
            {
                if (json.RootElement.TryGetProperty(property, out var ids) && ids.EnumerateArray().Any(e => e.GetInt32() == id))
                {
                    problems.Add(($"id of a hidden {property[..^1]} listed in \"{property}\" to Anonymous on GET api/v1/cases/{{slug}}", $"{what} at {url}"));
                }
            }
        }
        return problems;
    }

    private static string Describe(CadaRequest r) =>
        $"request {r.Id} (IsPublic={r.IsPublic}, case {r.Case?.Status.ToString() ?? "none"}, campaign {r.Campaign?.Status.ToString() ?? "none"}" +
        $"{(r.Campaign?.IsDemonstration == true ? " demonstration" : "")})";

    private static string Describe(Document d) =>
        $"document {d.Id} (IsPublic={d.IsPublic}, case {d.Case?.Status.ToString() ?? "none"}, {(d.CadaRequest is { } r ? Describe(r) : "no request")})";

    /// <summary>Repro A: a volunteer's private request on a published case, and a document uploaded to it flagged public.</summary>
    [Fact]
    public async Task A_public_document_of_a_private_request_stays_private()
    {
        var canaries = new Canaries();
        var scenario = await ReproAsync(canaries, "repro-a", requestIsPublic: false);
        await ReadReproAsync(canaries, scenario);
    }

    /// <summary>Repro B: a public request gets a public document, then its requester makes the request private.</summary>
    [Fact]
    public async Task A_document_of_a_request_made_private_is_no_longer_published()
    {
        var canaries = new Canaries();
        var scenario = await ReproAsync(canaries, "repro-b", requestIsPublic: true);
        using var response = await scenario.Volunteer.PostFormAsync($"/demandes/{scenario.RequestId}/modifier", $"/demandes/{scenario.RequestId}/modifier",
            scenario.RequestForm(false));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await ReadReproAsync(canaries, scenario);
    }

    private sealed record Repro(string Slug, string Title, int RequestId, HttpClient Volunteer, Func<bool, Dictionary<string, string>> RequestForm);

    /// <summary>
    /// A published case (with its own technology, to export it alone) and a volunteer who, through the app's forms,
    /// makes a request on it and uploads a public document to the request. Request and document carry private canaries.
    /// </summary>
    private async Task<Repro> ReproAsync(Canaries canaries, string slug, bool requestIsPublic)
    {
        var volunteer = await factory.CreateAsync($"{slug}@example.org", Roles.Volunteer, $"Bénévole {slug}");
        var commune = factory.Communes[slug.Length * 7 % factory.Communes.Count];
        var title = $"Dossier publié {slug}";
        await using (var db = factory.CreateDbContext())
        {
            var technology = new Technology { Slug = $"{slug}-techno", Name = $"Technologie {slug}", Position = 900 };
            db.Cases.Add(new Case
            {
                Slug = slug, Title = title, Summary = "Un résumé public.", Body = "Un récit public.", MunicipalityId = commune.MunicipalityId,
                Status = CaseStatus.Published, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow,
                Technologies = [technology],
            });
            await db.SaveChangesAsync();
        }
        var caseId = await CaseIdAsync(slug);
        string Owner() => $"{slug} request (made by volunteer {volunteer.Id}, IsPublic={requestIsPublic} then private)";
        var subject = $"Demande de {slug} {canaries.Plant(CanaryClass.Private, "Subject", Owner).Token}";
        Dictionary<string, string> Form(bool isPublic)
        {
            var form = new Dictionary<string, string>
            {
                ["PublicBodyId"] = commune.BodyId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Subject"] = subject,
                ["Documents"] = "Acte d'engagement", ["CaseId"] = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (isPublic)
            {
                form["IsPublic"] = "true";
            }
            return form;
        }
        var client = await factory.SignedInClientAsync($"{slug}@example.org");
        using var created = await client.PostFormAsync("/demandes/nouvelle", "/demandes/nouvelle", Form(requestIsPublic));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var requestId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        string Document() => $"{slug} document (IsPublic=true) on request {requestId}";
        var fileName = canaries.Plant(CanaryClass.Private, "FileName", Document).Token + ".pdf";
        var documentTitle = $"Courrier {canaries.Plant(CanaryClass.Private, "Title", Document).Token}";
        var text = $"Lettre de {canaries.Plant(CanaryClass.Private, "File text", Document).Token}";
        using var uploaded = await client.UploadAsync($"?demande={requestId}", [new UploadFile(fileName, TestFiles.Pdf(text), documentTitle, IsPublic: true)], []);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        return new Repro(slug, title, requestId, client, Form);
    }

    /// <summary>The case page, its case file, its API record and the bulk export, as anyone reads them.</summary>
    private async Task ReadReproAsync(Canaries canaries, Repro scenario)
    {
        await factory.EvictCacheAsync();
        using var client = factory.CreateBrowserlessClient();
        var page = await client.GetStringAsync(new Uri($"/dossiers/{scenario.Slug}", UriKind.Relative));
        Assert.Contains(scenario.Title, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var reader = new SurfaceReader(canaries, Reader.Anonymous, client);
        var export = await ExportAsync(factory, $"{scenario.Slug}-techno");
        foreach (var (surface, url) in new[]
        {
            ("case page", $"/dossiers/{scenario.Slug}"), ("case file", $"/dossiers/{scenario.Slug}.pdf"),
            ("API", $"/api/v1/cases/{scenario.Slug}"), ("export", $"/export/{export}/archive"),
        })
        {
            await reader.ReadAsync(surface, url);
        }
        // The API gives the case's requests and documents as ids.
        int documentId;
        await using (var db = factory.CreateDbContext())
        {
            documentId = await db.Documents.Where(d => d.CadaRequestId == scenario.RequestId).Select(d => d.Id).SingleAsync();
        }
        using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/cases/{scenario.Slug}", UriKind.Relative)));
        var listed = new[] { ("requests", scenario.RequestId), ("documents", documentId) }
            .Where(p => api.RootElement.GetProperty(p.Item1).EnumerateArray().Any(e => e.GetInt32() == p.Item2))
            .Select(p => $"{p.Item1} {p.Item2} of the private request listed by Anonymous on api/v1/cases/{{slug}} (/api/v1/cases/{scenario.Slug})");
        var problems = reader.Unreadable.Concat(reader.Leaks.Select(l => l.ToString())).Concat(listed).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<int> CaseIdAsync(string slug)
    {
        await using var db = factory.CreateDbContext();
        return await db.Cases.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Asks for the bulk export of one technology's published cases, as anyone would, and waits for the worker to build it.</summary>
    private static async Task<Guid> ExportAsync(VigieFactory factory, string technology)
    {
        using var client = factory.CreateCookieClient();
        using var response = await client.PostFormAsync("/export", "/export", new() { ["Technologie"] = technology });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST /export answered {(int)response.StatusCode}");
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        await factory.Services.GetRequiredService<ExportSignal>().WhenFinished(id).WaitAsync(TimeSpan.FromMinutes(2));
        return id;
    }
}
