using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Vigie.Web.Data;
using Vigie.Web.Features.Browse;
using Vigie.Web.Infrastructure;

using Vigie.Web.Features.OpenData;

namespace Vigie.Web.Features.Search;

[AllowAnonymous]
[Route("recherche")]
public sealed class SearchController(VigieDbContext db) : Controller
{
    /// <summary>Rows of the results' CSV at most (the open-data files have everything).</summary>
    public const int CsvLimit = 5000;

    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? q, [FromQuery(Name = "type")] string? type,
        [FromQuery] PublicFilter filter, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        filter.Normalized();
        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var kind = SearchPage.ParseKind(type);
        var errors = Validate(q, type, kind, page);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new SearchPage(q, kind, filter, 1, null, null, [], errors));
        }
        if (q is null)
        {
            return View(new SearchPage(null, kind, filter, 1, null, null, [], []));
        }
        var results = await SiteSearch.RunAsync(db, q, filter, kind, page, withFacets: true, cancellationToken);
        var labels = await FacetLabels.LoadAsync(db, results.Facets, filter, cancellationToken);
        IReadOnlyList<NameSuggestion> didYouMean = [];
        if (results.Total < 3)
        {
            didYouMean = (await SiteSearch.SuggestNamesAsync(db, q, null, 4, cancellationToken))
                .Where(s => !string.Equals(s.Label.Split(" (")[0], q, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        }
        return View(new SearchPage(q, kind, filter, page, results, labels, didYouMean, []));
    }

    /// <summary>Every result of the search (up to <see cref="CsvLimit"/>), best first within each kind, as CSV.</summary>
    [HttpGet("resultats.csv")]
    [EnableRateLimiting(OpenData.OpenDataController.RateLimit)]
    public async Task<IActionResult> Csv([FromQuery(Name = "q")] string? q, [FromQuery(Name = "type")] string? type,
        [FromQuery] PublicFilter filter, CancellationToken cancellationToken = default)
    {
        filter.Normalized();
        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var kind = SearchPage.ParseKind(type);
        var errors = Validate(q, type, kind, 1);
        if (q is null)
        {
            errors.Add("Indiquez les mots à chercher (paramètre q).");
        }
        if (errors.Count > 0)
        {
            return Problem(title: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest);
        }
        var results = await SiteSearch.RunAsync(db, q!, filter, kind, 1, withFacets: false, cancellationToken,
            pageSize: CsvLimit, perKind: CsvLimit, snippets: false, matchCap: CsvLimit);
        var baseUrl = $"{Request.Scheme}://{Request.Host}";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"vigie-recherche.csv\"";
        Column<SearchHit>[] columns =
        [
            new("type", h => SearchPage.Names[h.Kind].Slug), new("identifiant", h => h.Key), new("titre", h => h.Title),
            new("lieu", h => h.Place ?? ""), new("detail", h => SearchViews.Detail(h)),
            new("pertinence", h => h.Rank.ToString("0.######", CultureInfo.InvariantCulture)), new("url", h => baseUrl + SearchViews.Url(h)),
        ];
        await TableWriter.WriteCsvAsync(Response.Body, columns,
            results.Hits.OrderBy(h => h.Kind).ThenByDescending(h => h.Rank).ToAsyncEnumerable(), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Communes and vendors for completion (the search box and the editing forms' small script).</summary>
    [HttpGet("suggestions")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Suggestions([FromQuery(Name = "q")] string? q, [FromQuery(Name = "type")] string? type,
        CancellationToken cancellationToken = default)
    {
        q = q?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length > 100 || type is not (null or "communes" or "prestataires"))
        {
            return Problem(title: "Paramètres attendus : q (1 à 100 caractères) et, au choix, type=communes ou type=prestataires.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        var names = await SiteSearch.SuggestNamesAsync(db, q, type, 10, cancellationToken);
        return Json(names.Select(n => new
        {
            kind = n.Kind,
            label = n.Label,
            name = n.Kind == "commune" ? n.Label[..n.Label.LastIndexOf(" (", StringComparison.Ordinal)] : n.Label,
            field = n.Kind == "commune" ? $"{n.Label[..n.Label.LastIndexOf(" (", StringComparison.Ordinal)]} ({n.Key})" : n.Key,
            url = n.Kind == "commune" ? $"/communes/{n.Key}" : $"/prestataires/{n.Key}",
        }));
    }

    private List<string> Validate(string? q, string? type, SearchKind? kind, int page)
    {
        var errors = ModelState.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();
        if (q is { Length: > SiteSearch.MaxQueryLength })
        {
            errors.Add($"La recherche est trop longue ({SiteSearch.MaxQueryLength} caractères au plus).");
        }
        if (!string.IsNullOrEmpty(type) && kind is null)
        {
            errors.Add("Type de résultat inconnu : dossiers, documents, marches, demandes, prestataires ou communes.");
        }
        if (page is < 1 or > 10_000)
        {
            errors.Add("Numéro de page invalide.");
        }
        return errors;
    }
}
