using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Web.Features.Search;

/// <summary>French names of the facet values (codes and slugs in the query string, names on the page).</summary>
public sealed record FacetLabels(IReadOnlyDictionary<string, string> Departments, IReadOnlyDictionary<string, string> Regions,
    IReadOnlyDictionary<string, string> Technologies, IReadOnlyDictionary<string, string> Vendors)
{
    public static readonly string[] Order = ["departement", "region", "technologie", "prestataire", "etat", "annee"];

    public static string Title(string facet) => facet switch
    {
        "departement" => "Département",
        "region" => "Région",
        "technologie" => "Technologie",
        "prestataire" => "Prestataire",
        "etat" => "État de la demande CADA",
        _ => "Année",
    };

    public string Label(string facet, string value) => facet switch
    {
        "departement" => Departments.TryGetValue(value, out var d) ? $"{d} ({value})" : value,
        "region" => Regions.GetValueOrDefault(value, value),
        "technologie" => Technologies.GetValueOrDefault(value, value),
        "prestataire" => Vendors.GetValueOrDefault(value, value),
        "etat" => RequestStateIds.TryParse(value, out var s) ? s.Label() : value,
        _ => value,
    };

    /// <summary>Names of the values that occur, in a fixed number of queries.</summary>
    public static async Task<FacetLabels> LoadAsync(VigieDbContext db, IEnumerable<FacetCount> facets, PublicFilter filter, CancellationToken cancellationToken)
    {
        var values = facets.GroupBy(f => f.Facet).ToDictionary(g => g.Key, g => g.Select(f => f.Value).ToHashSet());
        HashSet<string> Of(string facet, string? selected)
        {
            var set = values.GetValueOrDefault(facet) ?? [];
            if (selected is not null)
            {
                set.Add(selected);
            }
            return set;
        }
        var departments = Of("departement", filter.Departement);
        var regions = Of("region", filter.Region);
        var technologies = Of("technologie", filter.Technologie);
        var vendors = Of("prestataire", filter.Prestataire);
        return new FacetLabels(
            await db.Departments.AsNoTracking().Where(d => departments.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken),
            await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken),
            await db.Technologies.AsNoTracking().Where(t => technologies.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken),
            await db.Vendors.AsNoTracking().Where(v => vendors.Contains(v.Slug)).ToDictionaryAsync(v => v.Slug, v => v.Name, cancellationToken));
    }
}

public sealed record SearchPage(string? Query, SearchKind? Kind, PublicFilter Filter, int Page, SearchResults? Results,
    FacetLabels? Labels, IReadOnlyList<NameSuggestion> DidYouMean, IReadOnlyList<string> Errors)
{
    public static readonly IReadOnlyDictionary<SearchKind, (string Singular, string Plural, string Slug)> Names =
        new Dictionary<SearchKind, (string, string, string)>
        {
            [SearchKind.Dossiers] = ("dossier", "dossiers", "dossiers"),
            [SearchKind.Documents] = ("document", "documents", "documents"),
            [SearchKind.Marches] = ("marché", "marchés", "marches"),
            [SearchKind.Demandes] = ("demande CADA", "demandes CADA", "demandes"),
            [SearchKind.Prestataires] = ("prestataire", "prestataires", "prestataires"),
            [SearchKind.Communes] = ("commune", "communes", "communes"),
        };

    public static SearchKind? ParseKind(string? slug) => Names.Where(n => n.Value.Slug == slug).Select(n => (SearchKind?)n.Key).FirstOrDefault();

    public int PageCount => Kind is { } k && Results is not null ? Math.Max(1, (Results.CountOf(k) + SiteSearch.PageSize - 1) / SiteSearch.PageSize) : 1;

    /// <summary>This search's address with some parameters changed (null removes one); the page goes back to 1 unless given.</summary>
    public string Link(string path = "/recherche", string? kind = "", IEnumerable<KeyValuePair<string, string?>>? set = null, int? page = null)
    {
        var pairs = new Dictionary<string, string?>();
        if (Query is not null)
        {
            pairs["q"] = Query;
        }
        var typeSlug = kind == "" ? (Kind is { } k ? Names[k].Slug : null) : kind;
        if (typeSlug is not null)
        {
            pairs["type"] = typeSlug;
        }
        foreach (var (key, value) in Filter.Pairs())
        {
            pairs[key] = value;
        }
        foreach (var (key, value) in set ?? [])
        {
            pairs[key] = value;
        }
        if (page is > 1)
        {
            pairs["page"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString(path, pairs.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
    }

    public string? Selected(string facet) => facet switch
    {
        "departement" => Filter.Departement,
        "region" => Filter.Region,
        "technologie" => Filter.Technologie,
        "prestataire" => Filter.Prestataire,
        "etat" => Filter.Etat is { } state ? RequestStateIds.Of(state) : null,
        _ => Filter.Annee?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
