using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Browse;

/// <summary>
/// The filters shared by the search, the browse pages, the open-data downloads and the API. Empty means "all".
/// A year is the year of a contract's signature (for a case: of any of its contracts) or of a request's sending.
/// Every public property is a query-string parameter, and its [Description] is its description in the OpenAPI document
/// (French): anything else belongs in a method.
/// </summary>
public sealed partial class PublicFilter : IValidatableObject
{
    [Description("Code du département (par exemple 78, 2A ou 971) : celui de la commune du dossier, de l'acheteur d'un marché ou de l'organisme sollicité.")]
    [FromQuery(Name = "departement")]
    [Display(Name = "Département")]
    [StringLength(3, ErrorMessage = "Code de département invalide.")]
    public string? Departement { get; set; }

    [Description("Code de la région (code officiel géographique, par exemple 11 pour l'Île-de-France).")]
    [FromQuery(Name = "region")]
    [Display(Name = "Région")]
    [StringLength(3, ErrorMessage = "Code de région invalide.")]
    public string? Region { get; set; }

    [Description("Identifiant d'une technologie (voir /api/v1/technologies), par exemple videoprotection.")]
    [FromQuery(Name = "technologie")]
    [Display(Name = "Technologie")]
    [StringLength(100, ErrorMessage = "Technologie invalide.")]
    public string? Technologie { get; set; }

    [Description("Identifiant d'un prestataire (voir /api/v1/vendors), par exemple genetec.")]
    [FromQuery(Name = "prestataire")]
    [Display(Name = "Prestataire")]
    [StringLength(100, ErrorMessage = "Prestataire invalide.")]
    public string? Prestataire { get; set; }

    [Description("État d'une demande CADA publique, par son identifiant (envoyee, refus-implicite, close…) : pour un dossier ou un marché, l'une des demandes publiques du dossier est dans cet état. Les anciens codes anglais (Closed…) restent acceptés.")]
    [FromQuery(Name = "etat")]
    [Display(Name = "État d'une demande CADA")]
    public RequestState? Etat { get; set; }

    [Description("Année de signature d'un marché (pour un dossier : de l'un de ses marchés) ou d'envoi d'une demande, de 1990 à 2100.")]
    [FromQuery(Name = "annee")]
    [Display(Name = "Année")]
    [Range(1990, 2100, ErrorMessage = "Indiquez une année entre 1990 et 2100.")]
    public int? Annee { get; set; }

    public bool IsEmpty() => Departement is null && Region is null && Technologie is null && Prestataire is null && Etat is null && Annee is null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Departement is { Length: > 0 } d && !Code().IsMatch(d))
        {
            yield return new ValidationResult("Code de département invalide (par exemple 78, 2A ou 971).", [nameof(Departement)]);
        }
        if (Region is { Length: > 0 } r && !Code().IsMatch(r))
        {
            yield return new ValidationResult("Code de région invalide (par exemple 11).", [nameof(Region)]);
        }
    }

    /// <summary>The query-string pairs of the active filters, for links that keep them.</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        if (Departement is not null)
        {
            yield return new("departement", Departement);
        }
        if (Region is not null)
        {
            yield return new("region", Region);
        }
        if (Technologie is not null)
        {
            yield return new("technologie", Technologie);
        }
        if (Prestataire is not null)
        {
            yield return new("prestataire", Prestataire);
        }
        if (Etat is { } state)
        {
            yield return new("etat", RequestStateIds.Of(state));
        }
        if (Annee is int year)
        {
            yield return new("annee", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Blank strings become null, so "departement=" is no filter.</summary>
    public PublicFilter Normalized()
    {
        Departement = Clean(Departement)?.ToUpperInvariant();
        Region = Clean(Region);
        Technologie = Clean(Technologie);
        Prestataire = Clean(Prestataire);
        return this;
    }

    public IQueryable<Case> Apply(IQueryable<Case> cases)
    {
        cases = cases.Public();
        if (Departement is not null)
        {
            cases = cases.Where(c => c.Municipality!.DepartmentCode == Departement);
        }
        if (Region is not null)
        {
            cases = cases.Where(c => c.Municipality!.RegionCode == Region);
        }
        if (Technologie is not null)
        {
            cases = cases.Where(c => c.Technologies.Any(t => t.Slug == Technologie));
        }
        if (Prestataire is not null)
        {
            cases = cases.Where(c => c.Vendors.Any(v => v.Slug == Prestataire));
        }
        if (Etat is { } state)
        {
            cases = cases.Where(c => c.CadaRequests.Any(r => Visibility.IsPublic(r) && r.State == state));
        }
        if (Annee is int year)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            cases = cases.Where(c => c.Contracts.Any(k => k.SignedOn >= first && k.SignedOn <= last));
        }
        return cases;
    }

    /// <summary>Contracts of published cases; the place is the buyer's, else the case's commune.</summary>
    public IQueryable<Contract> Apply(IQueryable<Contract> contracts)
    {
        contracts = contracts.Public();
        if (Departement is not null)
        {
            contracts = contracts.Where(k => (k.BuyerMunicipality != null ? k.BuyerMunicipality.DepartmentCode : k.Case!.Municipality!.DepartmentCode) == Departement);
        }
        if (Region is not null)
        {
            contracts = contracts.Where(k => (k.BuyerMunicipality != null ? k.BuyerMunicipality.RegionCode : k.Case!.Municipality!.RegionCode) == Region);
        }
        if (Technologie is not null)
        {
            contracts = contracts.Where(k => k.Case!.Technologies.Any(t => t.Slug == Technologie));
        }
        if (Prestataire is not null)
        {
            contracts = contracts.Where(k => k.Vendor!.Slug == Prestataire);
        }
        if (Etat is { } state)
        {
            contracts = contracts.Where(k => k.Case!.CadaRequests.Any(r => Visibility.IsPublic(r) && r.State == state));
        }
        if (Annee is int year)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            contracts = contracts.Where(k => k.SignedOn >= first && k.SignedOn <= last);
        }
        return contracts;
    }

    /// <summary>Public requests, not attached to an unpublished case; the place is the body's department, else the case's.</summary>
    public IQueryable<CadaRequest> Apply(IQueryable<CadaRequest> requests)
    {
        requests = requests.Public();
        if (Departement is not null)
        {
            requests = requests.Where(r => r.PublicBody!.DepartmentCode == Departement
                || (r.PublicBody.DepartmentCode == null && r.Case != null && r.Case.Municipality!.DepartmentCode == Departement));
        }
        if (Region is not null)
        {
            requests = requests.Where(r => r.PublicBody!.Department!.RegionCode == Region
                || (r.PublicBody.DepartmentCode == null && r.Case != null && r.Case.Municipality!.RegionCode == Region));
        }
        if (Technologie is not null)
        {
            requests = requests.Where(r => r.Case != null && r.Case.Technologies.Any(t => t.Slug == Technologie));
        }
        if (Prestataire is not null)
        {
            requests = requests.Where(r => r.Case != null && r.Case.Vendors.Any(v => v.Slug == Prestataire));
        }
        if (Etat is { } state)
        {
            requests = requests.Where(r => r.State == state);
        }
        if (Annee is int year)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            requests = requests.Where(r => r.SentOn >= first && r.SentOn <= last);
        }
        return requests;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[0-9][0-9AB][0-9]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Code();
}
