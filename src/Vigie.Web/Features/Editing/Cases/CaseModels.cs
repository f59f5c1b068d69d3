using System.ComponentModel.DataAnnotations;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Municipalities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Markdown;

namespace Vigie.Web.Features.Editing.Cases;

public sealed class CaseForm
{
    [Required(ErrorMessage = "Indiquez un titre.")]
    [StringLength(300, ErrorMessage = "Le titre fait au plus 300 caractères.")]
    [Display(Name = "Titre")]
    public string Title { get; set; } = "";

    [StringLength(150, ErrorMessage = "L'adresse fait au plus 150 caractères.")]
    [Display(Name = "Adresse du dossier")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Indiquez la commune : son nom ou son code INSEE.")]
    [StringLength(250, ErrorMessage = "250 caractères au plus.")]
    [Display(Name = "Commune")]
    public string? Municipality { get; set; }

    /// <summary>The INSEE code picked among namesakes when <see cref="Municipality"/> was ambiguous.</summary>
    public string? MunicipalityCode { get; set; }

    [StringLength(2000, ErrorMessage = "Le résumé fait au plus 2 000 caractères.")]
    [Display(Name = "Résumé")]
    public string? Summary { get; set; }

    [StringLength(NarrativeMarkdown.MaxLength, ErrorMessage = "Le récit fait au plus 100 000 caractères ; découpez-le ou résumez-le.")]
    [Display(Name = "Récit")]
    public string? Body { get; set; }

    /// <summary>Technology slugs.</summary>
    public List<string> Technologies { get; set; } = [];

    /// <summary>Vendor slugs.</summary>
    public List<string> Vendors { get; set; } = [];

    /// <summary>The case's xmin when the form was loaded.</summary>
    public uint Version { get; set; }

    /// <summary>The last revision number when the form was loaded: the conflict page shows what came after.</summary>
    public int BaseRevision { get; set; }

    public static CaseForm From(Case c, Municipality m, int lastRevision) => new()
    {
        Title = c.Title,
        Slug = c.Slug,
        Municipality = new MunicipalityOption(m.Id, m.InseeCode, m.Name, m.DepartmentCode, m.Population).FieldValue,
        Summary = c.Summary,
        Body = c.Body,
        Technologies = [.. c.Technologies.Select(t => t.Slug)],
        Vendors = [.. c.Vendors.Select(v => v.Slug)],
        Version = c.Version,
        BaseRevision = lastRevision,
    };
}

public sealed class CaseFormPage
{
    public required CaseForm Form { get; init; }

    /// <summary>Null for a new case.</summary>
    public CaseHeader? Header { get; init; }

    public bool CanEditSlug { get; init; }

    /// <summary>Why the form cannot be saved (a volunteer's published case); null when it can.</summary>
    public string? ReadOnlyReason { get; init; }

    public IReadOnlyList<Technology> AllTechnologies { get; init; } = [];

    public IReadOnlyList<Vendor> AllVendors { get; init; } = [];

    public IReadOnlyList<SourceHint> Sources { get; init; } = [];

    public IReadOnlyList<MunicipalityOption> MunicipalityCandidates { get; set; } = [];

    public string? PreviewHtml { get; set; }

    public Conflict? Conflict { get; set; }

    public IReadOnlyList<CaseWorkflow.Transition> Transitions { get; init; } = [];

    public DateTimeOffset? PublishedAt { get; init; }

    public string Action => Header is null ? "/edition/dossiers/nouveau" : $"/edition/dossiers/{Header.Id}";
}

public sealed record StatusForm(CaseStatus To, uint Version, int BaseRevision);

public sealed record CaseRow(int Id, string Title, string Slug, CaseStatus Status, string Municipality, string DepartmentCode,
    DateTimeOffset UpdatedAt, string? CreatedBy);

public sealed record CaseListPage(IReadOnlyList<CaseRow> Cases, CaseStatus? Status, string? Query, bool IsEditor,
    IReadOnlyDictionary<CaseStatus, int> Counts, bool Truncated);
