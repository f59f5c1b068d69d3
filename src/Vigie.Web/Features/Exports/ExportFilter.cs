using System.ComponentModel.DataAnnotations;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Exports;

/// <summary>Which published cases an export holds. Empty fields mean "all".</summary>
public sealed class ExportFilter
{
    [Display(Name = "Département")]
    public string? Departement { get; set; }

    [Display(Name = "Technologie")]
    public string? Technologie { get; set; }

    [Display(Name = "Prestataire")]
    public string? Prestataire { get; set; }

    [Display(Name = "État d'une demande CADA")]
    public Requests.Deadlines.RequestState? EtatDemande { get; set; }

    [Range(1990, 2100, ErrorMessage = "Indiquez une année entre 1990 et 2100.")]
    [Display(Name = "Année de signature d'un marché")]
    public int? Annee { get; set; }

    public string Key => string.Join('|', Departement, Technologie, Prestataire, EtatDemande, Annee);

    public static ExportFilter From(ExportJob job) => new()
    {
        Departement = job.DepartmentCode,
        Technologie = job.TechnologySlug,
        Prestataire = job.VendorSlug,
        EtatDemande = job.RequestStatus,
        Annee = job.Year,
    };

    public IQueryable<Case> Apply(VigieDbContext db)
    {
        var cases = db.Cases.Public();
        if (!string.IsNullOrEmpty(Departement))
        {
            cases = cases.Where(c => c.Municipality!.DepartmentCode == Departement);
        }
        if (!string.IsNullOrEmpty(Technologie))
        {
            cases = cases.Where(c => c.Technologies.Any(t => t.Slug == Technologie));
        }
        if (!string.IsNullOrEmpty(Prestataire))
        {
            cases = cases.Where(c => c.Vendors.Any(v => v.Slug == Prestataire));
        }
        if (EtatDemande is { } state)
        {
            cases = cases.Where(c => c.CadaRequests.Any(r => Visibility.IsPublic(r) && r.State == state));
        }
        if (Annee is int year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            cases = cases.Where(c => c.Contracts.Any(k => k.SignedOn >= first && k.SignedOn <= last));
        }
        return cases;
    }

    /// <summary>The filters in words, for the README of the archive and the progress page.</summary>
    public string Describe(IReadOnlyDictionary<string, string> names)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Departement))
        {
            parts.Add($"département {names.GetValueOrDefault("d:" + Departement, Departement)} ({Departement})");
        }
        if (!string.IsNullOrEmpty(Technologie))
        {
            parts.Add($"technologie « {names.GetValueOrDefault("t:" + Technologie, Technologie)} »");
        }
        if (!string.IsNullOrEmpty(Prestataire))
        {
            parts.Add($"prestataire {names.GetValueOrDefault("v:" + Prestataire, Prestataire)}");
        }
        if (EtatDemande is { } state)
        {
            parts.Add($"demande CADA « {Requests.Deadlines.FrenchLabels.Label(state)} »");
        }
        if (Annee is int year)
        {
            parts.Add($"marché signé en {year}");
        }
        return parts.Count == 0 ? "tous les dossiers publiés" : "dossiers publiés : " + string.Join(", ", parts);
    }
}
