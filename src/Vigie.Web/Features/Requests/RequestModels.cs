using System.ComponentModel.DataAnnotations;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Requests;

public sealed class RequestForm
{
    public int? PublicBodyId { get; set; }

    [Required(ErrorMessage = "Indiquez l'objet de la demande.")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    [Display(Name = "Objet de la demande")]
    public string Subject { get; set; } = "";

    [Display(Name = "Documents demandés, un par ligne")]
    public string Documents { get; set; } = "";

    [Display(Name = "Dossier (facultatif)")]
    public int? CaseId { get; set; }

    [Display(Name = "Forme de communication demandée (art. L311-9 CRPA)")]
    public RequestMode Mode { get; set; } = RequestMode.Email;

    [Display(Name = "Moyen d'envoi")]
    public RequestChannel Channel { get; set; } = RequestChannel.Email;

    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [Display(Name = "Adresse de la demande en ligne (page MaDada, formulaire)")]
    public string? ChannelUrl { get; set; }

    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [Display(Name = "Contexte, en quelques lignes (repris dans la saisine de la CADA)")]
    public string? Context { get; set; }

    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [Display(Name = "Résultat, en une phrase (affiché sur les pages publiques si la demande est publique)")]
    public string? OutcomeSummary { get; set; }

    [Display(Name = "Demande publique : elle apparaît sur les pages du dossier et de la commune, sans votre identité")]
    public bool IsPublic { get; set; }

    [Display(Name = "Date d'envoi, si la demande est déjà partie (facultatif)")]
    public string? SentOn { get; set; }

    /// <summary>The day the body received the request: it starts the one-month silence (R311-13 CRPA).</summary>
    [Display(Name = "Date de réception par l'administration (facultatif)")]
    public string? ReceivedOn { get; set; }

    [Display(Name = "L'accusé de réception mentionne les voies et délais de recours")]
    public bool ReceiptStatesAppealRoutes { get; set; }

    /// <summary>The request this new one renews, if any.</summary>
    public int? RenewedFromId { get; set; }
}

/// <summary>The request a new one renews, as the form names it.</summary>
public sealed record RenewedRequest(int Id, string Subject, DateOnly? SentOn);

public sealed record BodyChoice(int Id, string Name, PublicBodyKind Kind, string? DepartmentCode, string? InseeCode);

public sealed record CaseChoice(int Id, string Title);

/// <summary>The request form: creation (no <see cref="RequestId"/>) or edition.</summary>
public sealed record RequestFormPage(
    RequestForm Form,
    BodyChoice? Body,
    string? BodySearch,
    IReadOnlyList<BodyChoice> BodyResults,
    IReadOnlyList<CaseChoice> Cases,
    int? RequestId,
    RenewedRequest? Renews = null);

public sealed class DocumentOutcomeField
{
    public int DocumentId { get; set; }
    public DocumentStatus Status { get; set; } = DocumentStatus.NotAnswered;
    public RefusalGround? Ground { get; set; }
}

public sealed class EventForm
{
    [Display(Name = "Date")]
    public string? Date { get; set; }

    public bool StatesAppealRoutes { get; set; }

    [Display(Name = "Motif invoqué")]
    public RefusalGround? Ground { get; set; }

    [Display(Name = "Numéro de dossier de la CADA")]
    public string? FileNumber { get; set; }

    [Display(Name = "Numéro de l'avis (8 chiffres)")]
    public string? OpinionNumber { get; set; }

    [Display(Name = "Sens de l'avis")]
    public OpinionSens? OpinionSens { get; set; }

    [Display(Name = "Motivation (par exemple « Sauf secret des affaires »)")]
    public string? OpinionMotivation { get; set; }

    [Display(Name = "Type")]
    public OpinionType OpinionType { get; set; } = OpinionType.Avis;

    [Display(Name = "Décision")]
    public BodyDecision? Decision { get; set; }

    [Display(Name = "Sens du jugement")]
    public JudgmentOutcome? JudgmentOutcome { get; set; }

    [Display(Name = "Commentaire pour l'équipe (jamais publié)")]
    public string? Comment { get; set; }

    public List<DocumentOutcomeField> Documents { get; set; } = [];
}

public sealed record EventFormPage(CadaRequest Request, RequestEventKind Kind, EventForm Form, int? EventId);

public sealed record RequestPage(
    CadaRequest Request,
    RequestAnalysis Analysis,
    IReadOnlyList<CadaRequestEvent> Events,
    DateOnly Today,
    Viewer Viewer,
    IReadOnlyList<RequestEventKind> Suggested,
    Deadline? Next,
    RenewalLinks Renewals)
{
    public bool HasApproximateDates => Events.Any(e => e.IsApproximate);

    public IReadOnlyList<RequestedDocument> Documents { get; } = Request.RequestedDocuments.OrderBy(d => d.Position).ToList();
}

/// <summary>
/// The renewal links a viewer may follow: the request this one renews, and the request that renewed it (with the day).
/// A link to a request the viewer may not see shows only that it exists.
/// </summary>
public sealed record RenewalLinks(RenewalLink? Renews, RenewalLink? RenewedBy)
{
    public static readonly RenewalLinks None = new(null, null);
}

public sealed record RenewalLink(int? Id, DateOnly On);

public sealed record EventRevisionRow(DateTimeOffset At, EventRevisionAction Action, string Summary, string Actor);

public sealed record HistoryPage(CadaRequest Request, IReadOnlyList<EventRevisionRow> Revisions, IReadOnlyList<CadaRequestEvent> Deleted);

/// <summary>What a member may change (who may see a request is <see cref="Visibility"/>'s to say).</summary>
public static class RequestRights
{
    public static bool CanManage(this Viewer viewer, CadaRequest request) => viewer.IsEditor || viewer.IsRequester(request);

    /// <summary>Events are changed by their author or an editor.</summary>
    public static bool CanChange(this Viewer viewer, CadaRequestEvent e) => viewer.IsEditor || viewer.Owns(e.AuthorId);
}

public sealed class RequestFilter
{
    public RequestState? Etat { get; set; }
    public string? Departement { get; set; }
    public int? Dossier { get; set; }
    public int? Organisme { get; set; }
    /// <summary>Part of the body's name.</summary>
    public string? Q { get; set; }
    /// <summary>A campaign's slug.</summary>
    public string? Campagne { get; set; }

    public bool IsEmpty => Etat is null && string.IsNullOrWhiteSpace(Departement) && Dossier is null && Organisme is null && string.IsNullOrWhiteSpace(Q)
        && string.IsNullOrWhiteSpace(Campagne);
}

public enum Urgency
{
    None,
    ThisWeek,
    Overdue,
}

public sealed record RequestRow(
    int Id, string Subject, int BodyId, string BodyName, string? DepartmentCode, int? CaseId, string? CaseTitle,
    RequestState State, string StateLabel, ClosingOutcome? Outcome, DateOnly? NextDeadlineOn, DeadlineKind? NextDeadlineKind,
    string NextAction, bool IsPublic, bool IsMine, DateOnly? SentOn, string? CampaignTitle = null, string? CampaignSlug = null)
{
    public Urgency UrgencyOn(DateOnly today) => NextDeadlineOn is not { } next ? Urgency.None
        : next < today ? Urgency.Overdue
        : next <= today.AddDays(7) ? Urgency.ThisWeek
        : Urgency.None;
}

public sealed record Choice(string Value, string Label);

public sealed record RequestListPage(
    bool Mine,
    RequestFilter Filter,
    IReadOnlyList<RequestRow> Open,
    IReadOnlyList<RequestRow> Closed,
    IReadOnlyList<(RequestState State, int Count)> Counts,
    DateOnly Today,
    IReadOnlyList<Choice> Cases,
    IReadOnlyList<Choice> Departments,
    IReadOnlyList<Choice> Campaigns);
