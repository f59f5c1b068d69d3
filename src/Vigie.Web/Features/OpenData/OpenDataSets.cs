using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.OpenData;

public sealed record CaseRow(int Id, string Slug, string Title, string Municipality, string InseeCode, string Department, string Region,
    string? Technologies, string? Vendors, int Contracts, decimal? KnownAmount, decimal Funding, bool FundingEstimated,
    int Requests, int Sources, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt);

public sealed record ContractRow(int Id, string CaseSlug, string Object, string? Buyer, string? BuyerInsee, string? VendorSlug, string? VendorName,
    DateOnly? SignedOn, DatePrecision Precision, decimal? Amount, string? Reference, string? Missing);

public sealed record FundingRow(int Id, string CaseSlug, string Label, string? Funder, decimal Amount, int? Year, bool IsEstimate);

public sealed record RequestRow(int Id, string Subject, string Body, PublicBodyKind BodyKind, string? Department, string? CaseSlug,
    RequestState State, string StateLabel, DateOnly? SentOn, DateOnly? NextDeadline, DeadlineKind? NextDeadlineKind, bool IsClosed,
    ClosingOutcome? Outcome, int Documents, DateOnly? AnalysedOn);

public sealed record TransparencyRow(string InseeCode, string Name, string Department, TransparencySummary Summary);

/// <summary>
/// The open-data files: their columns (names are a contract: docs/data.md describes each one, and a test checks that the two
/// agree) and their rows, read from the database as a stream in a stable order (by identifier).
/// </summary>
public sealed class OpenDataSets(VigieDbContext db, string publicUrl)
{
    public static readonly string[] Names = ["dossiers", "marches", "financements", "demandes", "transparence"];

    private string Url(string path) => publicUrl.TrimEnd('/') + path;

    private static string[] List(string? joined) => string.IsNullOrEmpty(joined) ? [] : joined.Split(';');

    public IReadOnlyList<Column<CaseRow>> CaseColumns =>
    [
        new("id", r => r.Slug),
        new("titre", r => r.Title),
        new("commune", r => r.Municipality),
        new("code_insee", r => r.InseeCode),
        new("departement", r => r.Department),
        new("region", r => r.Region),
        new("technologies", r => List(r.Technologies)),
        new("prestataires", r => List(r.Vendors)),
        new("marches", r => r.Contracts),
        new("montant_connu_marches_euros", r => r.KnownAmount),
        new("financement_annonce_euros", r => r.Funding),
        new("financement_comprend_estimations", r => r.FundingEstimated),
        new("demandes_cada_publiques", r => r.Requests),
        new("sources", r => r.Sources),
        new("publie_le", r => r.PublishedAt is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null),
        new("mis_a_jour_le", r => DateOnly.FromDateTime(r.UpdatedAt.UtcDateTime)),
        new("url", r => Url($"/dossiers/{r.Slug}")),
    ];

    public IReadOnlyList<Column<ContractRow>> ContractColumns =>
    [
        new("id", r => r.Id),
        new("dossier", r => r.CaseSlug),
        new("objet", r => r.Object),
        new("acheteur", r => r.Buyer),
        new("acheteur_code_insee", r => r.BuyerInsee),
        new("prestataire", r => r.VendorSlug),
        new("prestataire_nom", r => r.VendorName),
        new("signe_le", r => r.SignedOn is { } d ? Fr.IsoDate(d, r.Precision) : null),
        new("precision_date", r => r.SignedOn is null ? null : r.Precision switch { DatePrecision.Year => "annee", DatePrecision.Month => "mois", _ => "jour" }),
        new("montant_euros", r => r.Amount),
        new("reference", r => r.Reference),
        new("pieces_manquantes", r => r.Missing),
        new("url", r => Url($"/dossiers/{r.CaseSlug}#marches")),
    ];

    public IReadOnlyList<Column<FundingRow>> FundingColumns =>
    [
        new("id", r => r.Id),
        new("dossier", r => r.CaseSlug),
        new("libelle", r => r.Label),
        new("financeur", r => r.Funder),
        new("montant_euros", r => r.Amount),
        new("annee", r => r.Year),
        new("estimation", r => r.IsEstimate),
    ];

    public IReadOnlyList<Column<RequestRow>> RequestColumns =>
    [
        new("id", r => r.Id),
        new("objet", r => r.Subject),
        new("organisme", r => r.Body),
        new("type_organisme", r => Labels.Of(r.BodyKind)),
        new("departement", r => r.Department),
        new("dossier", r => r.CaseSlug),
        new("etat", r => RequestStateIds.Of(r.State)),
        new("etat_libelle", r => r.StateLabel),
        new("envoyee_le", r => r.SentOn),
        new("prochaine_echeance", r => r.NextDeadline),
        new("prochaine_echeance_type", r => r.NextDeadlineKind?.Label()),
        new("close", r => r.IsClosed),
        new("issue", r => r.Outcome?.Label()),
        new("documents_demandes", r => r.Documents),
        new("calcule_le", r => r.AnalysedOn),
        new("url", r => r.CaseSlug is null ? null : Url($"/dossiers/{r.CaseSlug}#demandes")),
    ];

    public IReadOnlyList<Column<TransparencyRow>> TransparencyColumns =>
    [
        new("code_insee", r => r.InseeCode),
        new("commune", r => r.Name),
        new("departement", r => r.Department),
        new("demandes_envoyees", r => r.Summary.Made),
        new("communiquees_en_totalite", r => r.Summary.Full),
        new("communiquees_en_partie", r => r.Summary.Partial),
        new("refusees", r => r.Summary.Refused),
        new("sans_reponse", r => r.Summary.Silent),
        new("delai_median_premiere_reponse_jours", r => r.Summary.MedianDaysToFirstReply),
        new("reponses_mesurees", r => r.Summary.RepliesMeasured),
        new("saisines_cada", r => r.Summary.Referrals),
        new("avis_cada", r => r.Summary.Opinions.Count),
        new("url", r => Url($"/communes/{r.InseeCode}")),
    ];

    public IAsyncEnumerable<CaseRow> Cases(PublicFilter filter) => filter.Apply(db.Cases.AsNoTracking())
        .OrderBy(c => c.Id)
        .Select(c => new CaseRow(c.Id, c.Slug, c.Title, c.Municipality!.Name, c.Municipality.InseeCode, c.Municipality.DepartmentCode, c.Municipality.RegionCode,
            // Aggregated in SQL (string_agg), two lists per row without a join that multiplies the rows. EF translates
            // string.Join to string_agg only over a group: a string.Join over the navigation itself loaded both
            // collections in one cartesian query (and logged MultipleCollectionIncludeWarning).
            c.Technologies.GroupBy(t => 1).Select(g => string.Join(";", g.OrderBy(t => t.Position).Select(t => t.Slug))).SingleOrDefault(),
            c.Vendors.GroupBy(v => 1).Select(g => string.Join(";", g.OrderBy(v => v.Slug).Select(v => v.Slug))).SingleOrDefault(),
            c.Contracts.Count, c.Contracts.Where(k => k.AmountEuros != null).Sum(k => k.AmountEuros),
            c.Fundings.Sum(f => f.AmountEuros), c.Fundings.Any(f => f.IsEstimate),
            c.CadaRequests.Count(r => Visibility.IsPublic(r)), c.Sources.Count, c.PublishedAt, c.UpdatedAt))
        .AsAsyncEnumerable();

    public IAsyncEnumerable<ContractRow> Contracts(PublicFilter filter) => filter.Apply(db.Contracts.AsNoTracking())
        .OrderBy(k => k.Id)
        .Select(k => new ContractRow(k.Id, k.Case!.Slug, k.Object,
            k.BuyerMunicipality != null ? k.BuyerMunicipality.Name : k.Case.Municipality!.Name,
            k.BuyerMunicipality != null ? k.BuyerMunicipality.InseeCode : k.Case.Municipality!.InseeCode,
            k.Vendor != null ? k.Vendor.Slug : null, k.Vendor != null ? k.Vendor.Name : null,
            k.SignedOn, k.SignedOnPrecision, k.AmountEuros, k.Reference, k.Missing))
        .AsAsyncEnumerable();

    public IAsyncEnumerable<FundingRow> Fundings(PublicFilter filter) => filter.Apply(db.Cases.AsNoTracking())
        .SelectMany(c => c.Fundings)
        .OrderBy(f => f.Id)
        .Select(f => new FundingRow(f.Id, f.Case!.Slug, f.Label, f.Funder, f.AmountEuros, f.Year, f.IsEstimate))
        .AsAsyncEnumerable();

    public IAsyncEnumerable<RequestRow> Requests(PublicFilter filter) => filter.Apply(db.CadaRequests.AsNoTracking())
        .OrderBy(r => r.Id)
        .Select(r => new RequestRow(r.Id, r.Subject, r.PublicBody!.Name, r.PublicBody.Kind, r.PublicBody.DepartmentCode,
            r.Case != null ? r.Case.Slug : null, r.State, r.StateLabel, r.SentOn, r.NextDeadlineOn, r.NextDeadlineKind, r.IsClosed,
            r.ClosingOutcome, r.RequestedDocuments.Count, r.AnalysedOn))
        .AsAsyncEnumerable();

    /// <summary>
    /// The commune pages' "Transparence" figures for every commune that received a sent public request, computed by the
    /// deadline engine as on the page, a batch of communes at a time so that memory stays flat.
    /// </summary>
    public async IAsyncEnumerable<TransparencyRow> Transparency(PublicFilter filter, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requests = filter.Apply(db.CadaRequests).Where(r => r.PublicBody!.Kind == PublicBodyKind.Commune && r.PublicBody.MunicipalityId != null);
        var communes = (await requests.Where(r => r.SentOn != null)
            .Select(r => new { Id = r.PublicBody!.MunicipalityId!.Value, r.PublicBody.Municipality!.InseeCode }).Distinct()
            .OrderBy(m => m.InseeCode).ToListAsync(cancellationToken)).Select(m => m.Id).ToList();
        foreach (var batch in communes.Chunk(200))
        {
            var names = await db.Municipalities.AsNoTracking().Where(m => batch.Contains(m.Id))
                .ToDictionaryAsync(m => m.Id, m => (m.InseeCode, m.Name, m.DepartmentCode), cancellationToken);
            var views = await PublicRequests.LoadAsync(db, requests.Where(r => batch.Contains(r.PublicBody!.MunicipalityId!.Value)), today, cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var group in views.GroupBy(v => v.Request.PublicBody!.MunicipalityId!.Value).OrderBy(g => names[g.Key].InseeCode))
            {
                var (insee, name, department) = names[group.Key];
                yield return new TransparencyRow(insee, name, department, TransparencySummary.Of(group.ToList()));
            }
        }
    }
}
