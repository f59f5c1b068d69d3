using System.ComponentModel.DataAnnotations;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Documents;

public sealed record DocumentListItem(int Id, string Title, DocumentKind Kind, DateOnly? Date, bool IsPublic, FileFormat? Format,
    ProcessingStatus? Status, string? CaseTitle);

public sealed record DocumentIndexPage(string? Query, int? CaseId, string? CaseTitle, IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<DocumentListItem> Recent, bool CanUpload);

public sealed record PageView(int Number, string Text, bool HasThumbnail);

/// <summary>Where a document came from, as far as the viewer may know.</summary>
public sealed record Provenance(DateOnly? ReceivedOn, int? RequestId, string? RequestSubject, string? RequestAuthority, DateOnly? RequestSentOn,
    bool RequestHidden, string? CaseTitle, string? CaseSlug, bool CasePublished, DateTimeOffset? UploadedAt);

/// <summary>
/// A document's page. <c>IsPublic</c>: whether the public sees it now (<see cref="Infrastructure.Privacy.Visibility"/>), not only
/// whether it is marked public. <c>PreviewToolMissing</c>: a processed PDF without thumbnails because the server has no pdftoppm.
/// </summary>
public sealed record DocumentPage(Document Document, StoredFile? File, Provenance Provenance, IReadOnlyList<PageView> Pages, bool CanEdit, bool IsPublic,
    bool PreviewToolMissing = false);

/// <summary>The metadata form (the file itself does not change: a different file is a different document).</summary>
public sealed class DocumentEditForm
{
    public int Id { get; set; }

    [Display(Name = "Titre")]
    [Required(ErrorMessage = "Indiquez un titre.")]
    [StringLength(500, ErrorMessage = "Le titre fait au plus 500 caractères.")]
    public string Title { get; set; } = "";

    [Display(Name = "Nature")]
    public DocumentKind Kind { get; set; } = DocumentKind.Autre;

    [Display(Name = "Date du document")]
    [DataType(DataType.Date)]
    public DateOnly? Date { get; set; }

    [Display(Name = "Reçu le")]
    [DataType(DataType.Date)]
    public DateOnly? ReceivedOn { get; set; }

    [Display(Name = "Public")]
    public bool IsPublic { get; set; }

    [Display(Name = "Description")]
    [StringLength(5000, ErrorMessage = "La description fait au plus 5 000 caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Reçu occulté")]
    public bool IsRedacted { get; set; }

    [Display(Name = "Ce qui a été occulté")]
    [StringLength(2000, ErrorMessage = "Au plus 2 000 caractères.")]
    public string? RedactionNote { get; set; }

    [Display(Name = "Motif invoqué")]
    [StringLength(500, ErrorMessage = "Au plus 500 caractères.")]
    public string? RedactionGround { get; set; }

    public uint Version { get; set; }
}

/// <summary>Grounds a body may give for blacking out parts of a document (CRPA L311-5 and L311-6), offered as suggestions.</summary>
public static class RedactionGrounds
{
    public static readonly string[] Suggestions =
    [
        "Secret des affaires (L311-6 CRPA)",
        "Protection de la vie privée (L311-6 CRPA)",
        "Sécurité publique ou des personnes (L311-5 CRPA)",
        "Sûreté de l'État, défense nationale (L311-5 CRPA)",
        "Sécurité des systèmes d'information (L311-5 CRPA)",
        "Recherche et prévention d'infractions (L311-5 CRPA)",
        "Appréciation ou jugement de valeur sur une personne (L311-6 CRPA)",
        "Aucun motif donné",
    ];
}
