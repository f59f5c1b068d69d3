using System.ComponentModel.DataAnnotations;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Campaigns.Targets;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Web.Features.Campaigns;

public sealed class CampaignForm
{
    [Required(ErrorMessage = "Indiquez un titre.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    [Display(Name = "Titre")]
    public string Title { get; set; } = "";

    [StringLength(150, ErrorMessage = "150 caractères au plus.")]
    [Display(Name = "Adresse de la campagne")]
    public string? Slug { get; set; }

    /// <summary>Checked by NarrativeMarkdown.Validate (length included), like a case's narrative.</summary>
    [Display(Name = "Présentation")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Indiquez l'objet des demandes.")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    [Display(Name = "Objet des demandes")]
    public string Subject { get; set; } = "";

    [Display(Name = "Documents demandés, un par ligne")]
    public string? Documents { get; set; }

    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [Display(Name = "Paragraphe propre à la campagne")]
    public string? LetterParagraph { get; set; }

    public RequestMode Mode { get; set; } = RequestMode.Email;

    public RequestChannel Channel { get; set; } = RequestChannel.Email;

    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [Display(Name = "Contexte")]
    public string? Context { get; set; }

    public bool RequestsArePublic { get; set; } = true;

    public CampaignStatus Status { get; set; } = CampaignStatus.Preparing;

    /// <summary>User ids of the organisers.</summary>
    public List<int> Organisers { get; set; } = [];

    /// <summary>The campaign's xmin when the form was loaded.</summary>
    public uint Version { get; set; }
}

public sealed record MemberChoice(int Id, string Name);

/// <summary>The campaign form: creation (no <see cref="Slug"/>) or edition; <see cref="Conflict"/> after a concurrent change.</summary>
public sealed record CampaignFormPage(CampaignForm Form, string? Slug, IReadOnlyList<MemberChoice> Editors, string? Conflict = null);

/// <summary>The target list's filters and order, from the query string.</summary>
public sealed class TargetListFilter
{
    /// <summary>A <see cref="CampaignStage"/> slug.</summary>
    public string? Etape { get; set; }
    public RequestState? Etat { get; set; }
    public string? Departement { get; set; }
    /// <summary>"libres", "miennes" or "reservees" (team only).</summary>
    public string? Attribution { get; set; }
    /// <summary>"echeance" (default), "organisme", "etat" or "population".</summary>
    public string? Tri { get; set; }
    public int Page { get; set; } = 1;

    public bool IsEmpty => Etape is null && Etat is null && string.IsNullOrWhiteSpace(Departement) && string.IsNullOrWhiteSpace(Attribution);

    /// <summary>The query string of these filters with one value changed (null removes it).</summary>
    public string With(string key, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["etape"] = Etape, ["etat"] = Etat is { } state ? RequestStateIds.Of(state) : null, ["departement"] = Departement, ["attribution"] = Attribution, ["tri"] = Tri,
        };
        values[key] = value;
        var pairs = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}").ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }
}

/// <summary>
/// One target as the list shows it. <see cref="State"/> and what follows are null for a target without a request, and on
/// public pages for a private request. <see cref="RequesterName"/> is only filled for organisers.
/// </summary>
public sealed record TargetRow(
    int TargetId, int BodyId, string BodyName, PublicBodyKind Kind, string? DepartmentCode, string? InseeCode, int? Population,
    int? RequestId, RequestState? State, string? StateLabel, ClosingOutcome? Outcome, DateOnly? NextDeadlineOn, DeadlineKind? NextDeadlineKind,
    string? NextAction, DateOnly? SentOn, bool IsPublic, int? RequesterId, string? RequesterName, int? CaseId)
{
    public CampaignStage Stage => RequestId is null ? CampaignStage.NotCreated : State is null ? CampaignStage.Private : CampaignStages.Of(State);

    public bool IsClaimed => RequesterId is not null;

    public Urgency UrgencyOn(DateOnly today) => NextDeadlineOn is not { } next ? Urgency.None
        : next < today ? Urgency.Overdue
        : next <= today.AddDays(7) ? Urgency.ThisWeek
        : Urgency.None;
}

public sealed record DepartmentProgress(string Code, string Name, int Total, IReadOnlyDictionary<CampaignStage, int> ByStage)
{
    /// <summary>The stage most of its targets are at; on a tie, the one that asks for action first.</summary>
    public CampaignStage Dominant => ByStage.OrderByDescending(s => s.Value).ThenBy(s => Priority(s.Key)).First().Key;

    private static int Priority(CampaignStage stage) => stage switch
    {
        CampaignStage.Refused => 0,
        CampaignStage.ToSend => 1,
        CampaignStage.Waiting => 2,
        CampaignStage.AtCada => 3,
        CampaignStage.NotCreated => 4,
        CampaignStage.Done => 5,
        _ => 6,
    };
}

public sealed record DocumentTally(int Position, string Title, int Received, int Redacted, int Refused, int NotAnswered);

public sealed record OpinionRow(int TargetId, string BodyName, DateOnly Date, string Number, OpinionSens Sens, string? Motivation);

public sealed record DocumentResult(string Title, DocumentOutcome Outcome);

/// <summary>What one target's request brought back, for the results section and the "draft case" button.</summary>
public sealed record TargetResult(
    int TargetId, int RequestId, string BodyName, bool IsCommune, PublicOutcome Outcome, IReadOnlyList<DocumentResult> Documents,
    DateOnly? RepliedOn, int? CaseId, string? CaseTitle);

public sealed record CampaignResults(
    int Sent, int Full, int Partial, int Refused, int Silent, IReadOnlyList<DocumentTally> Documents,
    IReadOnlyList<(RefusalGround Ground, int Targets)> Grounds, IReadOnlyList<OpinionRow> Opinions, IReadOnlyList<TargetResult> Targets);

/// <summary>Recording the sending of many requests at once, with one date.</summary>
public sealed class BulkSentForm
{
    [Display(Name = "Date d'envoi")]
    public string? Date { get; set; }

    /// <summary>"cochees" (the ticked requests) or "brouillons" (every request not sent yet).</summary>
    public string Scope { get; set; } = "cochees";

    public List<int> Ids { get; set; } = [];
}

public sealed record CampaignPage(
    Campaign Campaign,
    CampaignViewer Viewer,
    bool CanManage,
    string DescriptionHtml,
    IReadOnlyList<TargetRow> All,
    IReadOnlyList<TargetRow> Rows,
    int Filtered,
    int PageCount,
    TargetListFilter Filter,
    IReadOnlyList<(RequestState State, int Count)> StateCounts,
    IReadOnlyList<(CampaignStage Stage, int Count)> StageCounts,
    string ProgressSvg,
    string MapSvg,
    string MapAttribution,
    IReadOnlyList<DepartmentProgress> Departments,
    CampaignResults Results,
    IReadOnlyList<string> OrganiserNames,
    IReadOnlyList<MemberChoice> Members,
    CampaignJob? ActiveJob,
    DateOnly Today,
    BulkSentForm Bulk)
{
    public int Missing => All.Count(r => r.RequestId is null);

    public int Unclaimed => All.Count(r => r.RequestId is not null && !r.IsClaimed);

    public int Mine => All.Count(r => r.RequesterId is not null && r.RequesterId == Viewer.UserId);
}

public sealed record CampaignCard(Campaign Campaign, int Targets, int Sent, int Answered);

public sealed record CampaignListPage(IReadOnlyList<CampaignCard> Campaigns, bool IsMember, bool IsEditor);

/// <summary>The targets page: the filter, its preview, and the current targets (to remove some).</summary>
public sealed record TargetsPage(
    Campaign Campaign,
    TargetFilter Filter,
    TargetPreview? Preview,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<TargetRow> Current);

public sealed record TargetPreview(int Matching, int AlreadyTargets, IReadOnlyList<PreviewBody> Sample)
{
    public int New => Matching - AlreadyTargets;
}

public sealed record PreviewBody(string Name, string? DepartmentCode, string? InseeCode, int? Population, bool AlreadyTarget);

public sealed record CampaignJobPage(Campaign Campaign, CampaignJob Job);

public sealed record CampaignMessagePage(Campaign Campaign, string Title, string Message);
