using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.OpenData;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Letters;

namespace Vigie.Tests.Security.Canary;

/// <summary>What the sample URLs of a world are filled with; <see cref="ExportId"/> is the world's bulk export.</summary>
public sealed record Sample(World World, Guid ExportId);

/// <summary>
/// Every GET route of the app, filled with every id and slug of a world. The routes come from the app's endpoint data
/// source: one this table does not know fails the test with its template, so that a new route is read too.
/// Query strings a route reads its search terms from are in <see cref="SearchRoutes"/>.
/// </summary>
public static class RouteSamples
{
    private const string Api = "limit=200";

    private static readonly Dictionary<string, Func<Sample, IEnumerable<string>>> Fill = new()
    {
        [""] = _ => ["/"],
        ["dossiers"] = s => ["/dossiers", .. Browse(s.World, "/dossiers")],
        ["dossiers/{slug:regex(^[a-z0-9-]+$)}"] = s => s.World.Cases.Select(c => $"/dossiers/{c.Slug}"),
        ["dossiers/{slug}.pdf"] = s => s.World.Cases.Select(c => $"/dossiers/{c.Slug}.pdf"),
        ["communes"] = s => ["/communes", .. s.World.Departments.Select(d => $"/communes?departement={d}")],
        ["communes/{code}"] = s => s.World.CommuneCodes.Select(c => $"/communes/{c}"),
        ["communes/{code}/flux.atom"] = s => s.World.CommuneCodes.Select(c => $"/communes/{c}/flux.atom"),
        ["prestataires"] = _ => ["/prestataires"],
        ["prestataires/{slug}"] = s => [$"/prestataires/{s.World.Vendor.Slug}"],
        ["prestataires/{slug}/flux.atom"] = s => [$"/prestataires/{s.World.Vendor.Slug}/flux.atom"],
        ["technologies"] = _ => ["/technologies"],
        ["technologies/{slug}"] = s => [$"/technologies/{s.World.Technology.Slug}"],
        ["technologies/{slug}/flux.atom"] = s => [$"/technologies/{s.World.Technology.Slug}/flux.atom"],
        ["flux/dossiers.atom"] = _ => ["/flux/dossiers.atom"],
        ["carte"] = _ => ["/carte"],
        ["healthz"] = _ => ["/healthz"],
        ["erreur"] = _ => ["/erreur"],
        ["erreur/{code:int}"] = _ => ["/erreur/404"],
        ["{**path}"] = _ => ["/nulle/part"],

        ["campagnes"] = _ => ["/campagnes"],
        ["campagnes/nouvelle"] = _ => ["/campagnes/nouvelle"],
        ["campagnes/{slug}"] = s => Campaigns(s, ""),
        ["campagnes/{slug}/export.csv"] = s => Campaigns(s, "/export.csv"),
        ["campagnes/{slug}/modifier"] = s => Campaigns(s, "/modifier"),
        ["campagnes/{slug}/cibles"] = s => Campaigns(s, "/cibles"),
        ["campagnes/{slug}/courriers.zip"] = s => Enum.GetValues<LetterKind>().SelectMany(k => Campaigns(s, $"/courriers.zip?type={k.Slug()}")),
        ["campagnes/{slug}/creation/{id:guid}"] = s => s.World.CampaignJobs.Select(j => $"/campagnes/{j.Campaign!.Slug}/creation/{j.Id}"),

        ["export"] = _ => ["/export"],
        ["export/{id:guid}"] = s => [$"/export/{s.ExportId}"],
        ["export/{id:guid}/archive"] = s => [$"/export/{s.ExportId}/archive"],

        ["connexion"] = _ => ["/connexion"],
        ["acces-refuse"] = _ => ["/acces-refuse"],
        ["mot-de-passe-oublie"] = _ => ["/mot-de-passe-oublie"],
        ["mot-de-passe/reinitialiser"] = _ => ["/mot-de-passe/reinitialiser"],
        ["compte"] = _ => ["/compte"],
        ["compte/mot-de-passe"] = _ => ["/compte/mot-de-passe"],
        ["invitation/{token}"] = _ => ["/invitation/jeton-inconnu"],
        ["invitation/{token}/confirmer"] = _ => ["/invitation/jeton-inconnu/confirmer"],
        ["inscription"] = _ => ["/inscription"],
        ["espace"] = _ => ["/espace"],
        ["equipe/invitations"] = _ => ["/equipe/invitations"],
        ["admin/utilisateurs"] = _ => ["/admin/utilisateurs"],
        ["admin/journal"] = _ => ["/admin/journal"],

        ["demandes"] = _ => ["/demandes"],
        ["demandes/suivi"] = s => ["/demandes/suivi", .. s.World.Cases.Select(c => $"/demandes/suivi?dossier={c.Id}"),
            .. s.World.Campaigns.Select(k => $"/demandes/suivi?campagne={k.Slug}"), .. s.World.Bodies.Select(b => $"/demandes/suivi?organisme={b.BodyId}")],
        ["demandes/nouvelle"] = s => ["/demandes/nouvelle", .. s.World.Cases.Select(c => $"/demandes/nouvelle?dossier={c.Id}")],
        ["demandes/{id:int}"] = s => Requests(s, ""),
        ["demandes/{id:int}/modifier"] = s => Requests(s, "/modifier"),
        ["demandes/{id:int}/historique"] = s => Requests(s, "/historique"),
        ["demandes/{id:int}/renouveler"] = s => Requests(s, "/renouveler"),
        // One kind of event per request, turning with the world and the request: every kind over a few worlds.
        ["demandes/{id:int}/evenements/nouveau/{type}"] = s => s.World.Requests.Select((r, i) =>
            $"/demandes/{r.Id}/evenements/nouveau/{EventRules.AllKinds.ElementAt((s.World.Number + i) % EventRules.AllKinds.Count()).Slug()}"),
        ["demandes/{id:int}/evenements/{eventId:int}/modifier"] = s => s.World.Events.Select(e => $"/demandes/{e.CadaRequestId}/evenements/{e.Id}/modifier"),
        ["demandes/{id:int}/courriers/{letter}"] = s => Enum.GetValues<LetterKind>().SelectMany(k => Requests(s, $"/courriers/{k.Slug()}")),
        ["demandes/{id:int}/courriers/{letter}.pdf"] = s => Enum.GetValues<LetterKind>().SelectMany(k => Requests(s, $"/courriers/{k.Slug()}.pdf")),
        ["api/demandes"] = _ => ["/api/demandes"],
        ["api/demandes/{id:int}"] = s => s.World.Requests.Select(r => $"/api/demandes/{r.Id}"),
        ["demandes-cada"] = s => ["/demandes-cada", .. Browse(s.World, "/demandes-cada")],

        ["organismes"] = _ => ["/organismes"],
        ["organismes/nouveau"] = _ => ["/organismes/nouveau"],
        ["organismes/{id:int}/modifier"] = s => s.World.Bodies.Select(b => $"/organismes/{b.BodyId}/modifier"),

        ["documents"] = s => ["/documents", .. s.World.Cases.Select(c => $"/documents?dossier={c.Id}")],
        ["documents/{id:int}"] = s => Documents(s, ""),
        ["documents/{id:int}/fichier"] = s => Documents(s, "/fichier"),
        ["documents/{id:int}/telecharger"] = s => Documents(s, "/telecharger"),
        ["documents/{id:int}/pages/{page:int}/apercu"] = s => Documents(s, "/pages/1/apercu"),
        ["documents/{id:int}/modifier"] = s => Documents(s, "/modifier"),
        ["documents/ajouter"] = s => [.. s.World.Cases.Select(c => $"/documents/ajouter?dossier={c.Id}"),
            .. s.World.Requests.Select(r => $"/documents/ajouter?demande={r.Id}"),
            .. s.World.Events.Select(e => $"/documents/ajouter?demande={e.CadaRequestId}&evenement={e.Id}")],
        ["api/documents"] = _ => ["/api/documents"],
        ["api/documents/{id:int}"] = s => Documents(s, "").Select(d => "/api" + d),

        ["recherche"] = s => ["/recherche", .. Browse(s.World, "/recherche?q=monde")],
        ["recherche/resultats.csv"] = s => [$"/recherche/resultats.csv?q=monde&technologie={s.World.Technology.Slug}"],
        ["recherche/suggestions"] = _ => [],
        ["marches"] = s => ["/marches", .. Browse(s.World, "/marches")],
        ["donnees"] = s => ["/donnees", .. Browse(s.World, "/donnees")],
        ["donnees/{name}.csv"] = s => OpenDataSets.Names.SelectMany(n => new[] { $"/donnees/{n}.csv", $"/donnees/{n}.csv?technologie={s.World.Technology.Slug}" }),
        ["donnees/{name}.json"] = s => OpenDataSets.Names.SelectMany(n => new[] { $"/donnees/{n}.json", $"/donnees/{n}.json?technologie={s.World.Technology.Slug}" }),

        ["api"] = _ => ["/api"],
        ["openapi/{documentName:regex(^v1$)}.json"] = _ => ["/openapi/v1.json"],
        ["api/v1/cases"] = s => [$"/api/v1/cases?{Api}", $"/api/v1/cases?technologie={s.World.Technology.Slug}&{Api}"],
        ["api/v1/cases/{slug}"] = s => s.World.Cases.Select(c => $"/api/v1/cases/{c.Slug}"),
        ["api/v1/communes"] = s => s.World.Departments.Select(d => $"/api/v1/communes?departement={d}&{Api}"),
        ["api/v1/communes/{code}"] = s => s.World.CommuneCodes.Select(c => $"/api/v1/communes/{c}"),
        ["api/v1/vendors"] = _ => [$"/api/v1/vendors?{Api}"],
        ["api/v1/vendors/{slug}"] = s => [$"/api/v1/vendors/{s.World.Vendor.Slug}"],
        ["api/v1/technologies"] = _ => ["/api/v1/technologies"],
        ["api/v1/contracts"] = s => [$"/api/v1/contracts?{Api}", $"/api/v1/contracts?prestataire={s.World.Vendor.Slug}&{Api}"],
        ["api/v1/requests"] = s => [$"/api/v1/requests?{Api}", $"/api/v1/requests?technologie={s.World.Technology.Slug}&{Api}"],
        ["api/v1/requests/{id:int}"] = s => s.World.Requests.Select(r => $"/api/v1/requests/{r.Id}"),
        ["api/v1/documents"] = _ => [$"/api/v1/documents?{Api}"],
        ["api/v1/documents/{id:int}"] = s => Documents(s, "").Select(d => "/api/v1" + d),
        ["api/v1/search"] = s => [$"/api/v1/search?q=monde&technologie={s.World.Technology.Slug}"],

        ["edition/dossiers"] = _ => ["/edition/dossiers", .. Enum.GetValues<CaseStatus>().Select(st => $"/edition/dossiers?statut={st}")],
        ["edition/dossiers/nouveau"] = _ => ["/edition/dossiers/nouveau"],
        ["edition/dossiers/{id:int}"] = s => Cases(s, ""),
        ["edition/dossiers/{caseId:int}/historique"] = s => Cases(s, "/historique"),
        ["edition/dossiers/{caseId:int}/historique/{number:int}"] = s => Cases(s, "/historique/1"),
        ["edition/communes"] = _ => ["/edition/communes?q=a"],
        ["edition/prestataires"] = _ => ["/edition/prestataires"],
        ["edition/prestataires/nouveau"] = _ => ["/edition/prestataires/nouveau"],
        ["edition/prestataires/{id:int}"] = s => [$"/edition/prestataires/{s.World.Vendor.Id}"],
        ["edition/technologies"] = _ => ["/edition/technologies"],
        ["edition/technologies/nouveau"] = _ => ["/edition/technologies/nouveau"],
        ["edition/technologies/{id:int}"] = s => [$"/edition/technologies/{s.World.Technology.Id}"],
    };

    /// <summary>
    /// Routes whose answer is the same whoever asks (the public API, the open data, the feeds, the bulk export, the case
    /// files): read once, anonymously, which checks every canary, private ones included.
    /// </summary>
    public static bool AnswersEveryoneAlike(string route) =>
        route.StartsWith("api/v1", StringComparison.Ordinal) || route.StartsWith("donnees/", StringComparison.Ordinal)
        || route.StartsWith("export", StringComparison.Ordinal) || route.StartsWith("openapi", StringComparison.Ordinal)
        || route.EndsWith(".atom", StringComparison.Ordinal) || route is "dossiers/{slug}.pdf" or "recherche/resultats.csv" or "healthz";

    /// <summary>Routes that search: each is also read with the search terms of the world (<see cref="SearchUrls"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> SearchRoutes = new Dictionary<string, string>
    {
        ["recherche"] = "/recherche?q=",
        ["recherche/resultats.csv"] = "/recherche/resultats.csv?q=",
        ["recherche/suggestions"] = "/recherche/suggestions?q=",
        ["documents"] = "/documents?q=",
        ["api/v1/search"] = "/api/v1/search?q=",
        ["communes"] = "/communes?q=",
        ["organismes"] = "/organismes?q=",
        ["edition/communes"] = "/edition/communes?q=",
        ["edition/dossiers"] = "/edition/dossiers?q=",
        ["demandes/suivi"] = "/demandes/suivi?q=",
        ["demandes"] = "/demandes?q=",
        ["demandes/nouvelle"] = "/demandes/nouvelle?recherche=",
    };

    static RouteSamples()
    {
        foreach (var part in new[] { "sources", "marches", "financements", "chronologie", "citations" })
        {
            Fill[$"edition/dossiers/{{caseId:int}}/{part}"] = s => Cases(s, $"/{part}");
            Fill[$"edition/dossiers/{{caseId:int}}/{part}/nouveau"] = s => Cases(s, $"/{part}/nouveau");
            Fill[$"edition/dossiers/{{caseId:int}}/{part}/{{id:int}}"] = s => Parts(s, part).Select(p => $"/edition/dossiers/{p.CaseId}/{part}/{p.Id}");
            Fill[$"edition/dossiers/{{caseId:int}}/{part}/{{id:int}}/supprimer"] = s => Parts(s, part).Select(p => $"/edition/dossiers/{p.CaseId}/{part}/{p.Id}/supprimer");
        }
    }

    /// <summary>The GET routes of the app (and those answering any method), as their templates.</summary>
    public static IReadOnlyList<string> AppRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods || methods.Contains("GET"))
            .Select(e => (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> Unknown(IEnumerable<string> routes) => routes.Where(r => !Fill.ContainsKey(r)).ToList();

    public static IEnumerable<(string Route, string Url)> Urls(IEnumerable<string> routes, Sample sample) =>
        routes.SelectMany(route => Fill[route](sample).Select(url => (route, url)));

    /// <summary>
    /// Each search route read with each term. Terms: the canaries' tokens (as typed into a search box, see
    /// <see cref="Canaries.AsQuery"/>), alone or ten at a time joined by "or".
    /// </summary>
    public static IEnumerable<(string Route, string Url)> SearchUrls(IEnumerable<string> routes, IEnumerable<string> terms)
    {
        var list = terms.ToList();
        return routes.Where(SearchRoutes.ContainsKey)
            .SelectMany(route => list.Select(term => (route, SearchRoutes[route] + Uri.EscapeDataString(term))));
    }

    private static IEnumerable<string> Browse(World w, string path)
    {
        var join = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return [$"{path}{join}technologie={w.Technology.Slug}", $"{path}{join}prestataire={w.Vendor.Slug}",
            .. w.Departments.Take(2).Select(d => $"{path}{join}departement={d}")];
    }

    private static IEnumerable<string> Campaigns(Sample s, params string[] suffixes) =>
        s.World.Campaigns.SelectMany(k => suffixes.Select(x => $"/campagnes/{k.Slug}{x}"));

    private static IEnumerable<string> Cases(Sample s, string suffix) => s.World.Cases.Select(c => $"/edition/dossiers/{c.Id}{suffix}");

    private static IEnumerable<string> Requests(Sample s, string suffix) => s.World.Requests.Select(r => $"/demandes/{r.Id}{suffix}");

    private static IEnumerable<string> Documents(Sample s, string suffix) => s.World.Documents.Select(d => $"/documents/{d.Id}{suffix}");

    private static IEnumerable<ICasePart> Parts(Sample s, string part) => s.World.Cases.SelectMany<Case, ICasePart>(c => part switch
    {
        "sources" => c.Sources,
        "marches" => c.Contracts,
        "financements" => c.Fundings,
        "chronologie" => c.TimelineEvents,
        _ => c.Quotes,
    });
}
