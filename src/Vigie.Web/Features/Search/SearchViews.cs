using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Search;

/// <summary>How a search result is shown: its address and its line of details, in French.</summary>
public static class SearchViews
{
    public static string Url(SearchHit hit) => hit.Kind switch
    {
        SearchKind.Dossiers => $"/dossiers/{hit.Key}",
        SearchKind.Marches => $"/dossiers/{hit.Key}#marches",
        SearchKind.Demandes => hit.Key.Length > 0 ? hit.Key : "/demandes-cada",
        SearchKind.Documents => $"/documents/{hit.Key}",
        SearchKind.Prestataires => $"/prestataires/{hit.Key}",
        _ => $"/communes/{hit.Key}",
    };

    public static string Detail(SearchHit hit) => hit.Kind switch
    {
        SearchKind.Marches => string.Join(" · ", new[]
        {
            hit.Detail,
            hit.Amount is decimal a ? Fr.Euros(a) : "montant inconnu",
            hit.Date is { } d ? "signé " + (Enum.TryParse<DatePrecision>(hit.Precision, out var p) && p != DatePrecision.Day ? "en " : "le ") + Fr.Date(d, p) : null,
        }.Where(x => !string.IsNullOrEmpty(x))),
        SearchKind.Demandes => string.Join(" · ", new[]
        {
            Enum.TryParse<RequestState>(hit.Detail, out var state) ? state.Label() : hit.Detail,
            hit.Date is { } sent ? "envoyée le " + Fr.Date(sent) : "pas encore envoyée",
        }.Where(x => !string.IsNullOrEmpty(x))),
        SearchKind.Documents => string.Join(" · ", new[]
        {
            Enum.TryParse<DocumentKind>(hit.Detail, out var kind) ? Labels.Of(kind) : hit.Detail,
            hit.Date is { } date ? Fr.Date(date) : null,
        }.Where(x => !string.IsNullOrEmpty(x))),
        SearchKind.Communes => int.TryParse(hit.Detail, out var n) && n > 0 ? Fr.Count(n, "dossier publié", "dossiers publiés") : "aucun dossier publié",
        _ => hit.Detail ?? "",
    };
}
