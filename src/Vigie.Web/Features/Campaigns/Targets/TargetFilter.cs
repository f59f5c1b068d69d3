using System.ComponentModel.DataAnnotations;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Campaigns.Targets;

/// <summary>
/// Which bodies to add to a campaign. Every criterion given must hold (they combine with "and"). Population,
/// intercommunality and INSEE codes apply to communes; department and region to every kind of body.
/// Numbers are kept as typed, so a form with an error comes back exactly as it was sent.
/// </summary>
public sealed class TargetFilter
{
    [Display(Name = "Type d'organisme")]
    public PublicBodyKind Kind { get; set; } = PublicBodyKind.Commune;

    [Display(Name = "Département")]
    public string? Departement { get; set; }

    [Display(Name = "Région")]
    public string? Region { get; set; }

    [StringLength(20, ErrorMessage = "20 caractères au plus.")]
    [Display(Name = "Population, au moins")]
    public string? PopulationMin { get; set; }

    [StringLength(20, ErrorMessage = "20 caractères au plus.")]
    [Display(Name = "Population, au plus")]
    public string? PopulationMax { get; set; }

    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [Display(Name = "Intercommunalité (nom ou SIREN)")]
    public string? Intercommunalite { get; set; }

    [StringLength(200_000, ErrorMessage = "Liste trop longue : 200 000 caractères au plus.")]
    [Display(Name = "Codes INSEE des communes")]
    public string? Codes { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Departement) && string.IsNullOrWhiteSpace(Region) && string.IsNullOrWhiteSpace(PopulationMin)
        && string.IsNullOrWhiteSpace(PopulationMax) && string.IsNullOrWhiteSpace(Intercommunalite) && string.IsNullOrWhiteSpace(Codes);
}

/// <summary>A filter once checked: numbers parsed, the intercommunality and the codes resolved.</summary>
public sealed record ResolvedFilter(
    PublicBodyKind Kind, string? Department, string? Region, int? PopulationMin, int? PopulationMax, string? IntercommunalitySiren,
    IReadOnlyList<string>? Codes)
{
    public IQueryable<PublicBody> Apply(IQueryable<PublicBody> bodies)
    {
        bodies = bodies.Where(b => b.Kind == Kind);
        if (Department is not null)
        {
            bodies = bodies.Where(b => b.DepartmentCode == Department);
        }
        if (Region is not null)
        {
            bodies = Kind == PublicBodyKind.Commune
                ? bodies.Where(b => b.Municipality!.RegionCode == Region)
                : bodies.Where(b => b.Department!.RegionCode == Region);
        }
        if (PopulationMin is { } min)
        {
            bodies = bodies.Where(b => b.Municipality!.Population >= min);
        }
        if (PopulationMax is { } max)
        {
            bodies = bodies.Where(b => b.Municipality!.Population <= max);
        }
        if (IntercommunalitySiren is not null)
        {
            bodies = bodies.Where(b => b.Municipality!.IntercommunalitySiren == IntercommunalitySiren);
        }
        if (Codes is not null)
        {
            var codes = Codes.ToList();
            bodies = bodies.Where(b => codes.Contains(b.Municipality!.InseeCode));
        }
        return bodies;
    }
}
