using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Features.Editing.Catalog;

public sealed class VendorForm
{
    [Required(ErrorMessage = "Indiquez le nom du prestataire.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [Display(Name = "Nom")]
    public string? Name { get; set; }

    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    [Display(Name = "Adresse de sa page")]
    public string? Slug { get; set; }

    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    [Display(Name = "Pays")]
    public string? Country { get; set; }

    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    [Display(Name = "Site web")]
    public string? Website { get; set; }

    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    public uint Version { get; set; }
}

public sealed class TechnologyForm
{
    [Required(ErrorMessage = "Indiquez le nom de la technologie.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [Display(Name = "Nom")]
    public string? Name { get; set; }

    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    [Display(Name = "Adresse de sa page")]
    public string? Slug { get; set; }

    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Range(0, 10_000, ErrorMessage = "Un nombre entre 0 et 10 000.")]
    [Display(Name = "Rang dans la liste")]
    public int Position { get; set; }

    public uint Version { get; set; }
}

public sealed record CatalogRow(int Id, string Slug, string Name, string? Details, int CaseCount);

public sealed record CatalogListPage(string Title, string Segment, string PublicSegment, string AddLabel, string Intro, IReadOnlyList<CatalogRow> Rows);

/// <summary>A field whose stored value changed while someone edited it, shown on the 409 page.</summary>
public sealed record CurrentValue(string Label, string? Value);

public sealed class CatalogFormPage<TForm>
{
    public required TForm Form { get; init; }

    public int? Id { get; init; }

    /// <summary>The public address, fixed once created: links to it may already be shared.</summary>
    public string? Slug { get; init; }

    public IReadOnlyList<CurrentValue>? Conflict { get; init; }
}
