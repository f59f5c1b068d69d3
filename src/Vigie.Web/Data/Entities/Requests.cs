using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Web.Data.Entities;

/// <summary>How the requester wants the documents (CRPA L311-9).</summary>
public enum RequestMode
{
    Email,
    Copy,
    Consultation,
}

/// <summary>How the request was sent; MaDada and online forms have a page address.</summary>
public enum RequestChannel
{
    Email,
    Post,
    RegisteredLetter,
    OnlineForm,
    Madada,
}

/// <summary>
/// A request under the CRPA (livre III) to a public body. Its dated events are the source of truth; the state,
/// the next deadline and the next action are computed from them by the deadline engine and cached here only
/// for lists and counts (<see cref="Features.Requests.RequestAnalyser"/> refreshes them when events change and daily).
/// </summary>
public sealed class CadaRequest
{
    public int Id { get; set; }
    public int PublicBodyId { get; set; }
    public PublicBody? PublicBody { get; set; }
    public int? CaseId { get; set; }
    public Case? Case { get; set; }
    /// <summary>The campaign this request is part of; at most one request per body and campaign.</summary>
    public int? CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    /// <summary>The team member who makes the request; null for requests imported from seeds. Never shown to anyone else.</summary>
    public int? RequesterId { get; set; }
    public User? Requester { get; set; }
    public required string Subject { get; set; }
    public RequestMode Mode { get; set; }
    public RequestChannel Channel { get; set; }
    /// <summary>The request's page on MaDada or the online form's address.</summary>
    public string? ChannelUrl { get; set; }
    /// <summary>A short context for the CADA (R343-1 letters).</summary>
    public string? Context { get; set; }
    /// <summary>A paragraph added to the request letter (a campaign's own wording), after the list of documents.</summary>
    public string? LetterParagraph { get; set; }
    /// <summary>What came of it, in a sentence, for the public pages.</summary>
    public string? OutcomeSummary { get; set; }
    public bool IsPublic { get; set; }
    /// <summary>
    /// The request this one asks again (a time-barred request is renewed: the right of access is not lost). A request is
    /// renewed at most once; its <see cref="Renewal"/> is the new request.
    /// </summary>
    public int? RenewedFromId { get; set; }
    public CadaRequest? RenewedFrom { get; set; }
    public CadaRequest? Renewal { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    // Cached from the engine's analysis of the events (derived data: never edited directly).
    public RequestState State { get; set; }
    public string StateLabel { get; set; } = "";
    public string NextAction { get; set; } = "";
    public DateOnly? SentOn { get; set; }
    public DateOnly? NextDeadlineOn { get; set; }
    public DeadlineKind? NextDeadlineKind { get; set; }
    public bool IsClosed { get; set; }
    public ClosingOutcome? ClosingOutcome { get; set; }
    /// <summary>The day ("today") the cached analysis was computed for.</summary>
    public DateOnly? AnalysedOn { get; set; }

    public List<RequestedDocument> RequestedDocuments { get; set; } = [];
    public List<CadaRequestEvent> Events { get; set; } = [];
    public List<Document> Documents { get; set; } = [];
}

/// <summary>One document asked for; <see cref="Position"/> (1, 2…) is its number in the letters and for the engine.</summary>
public sealed class RequestedDocument
{
    public int Id { get; set; }
    public int CadaRequestId { get; set; }
    public CadaRequest? CadaRequest { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
}

/// <summary>
/// A dated step of a request. Deleting one only marks it deleted: the history (<see cref="CadaRequestEventRevision"/>)
/// keeps every version. A month-precision date is approximate (imported facts whose day is not known).
/// </summary>
public sealed class CadaRequestEvent
{
    public int Id { get; set; }
    public int CadaRequestId { get; set; }
    public CadaRequest? CadaRequest { get; set; }
    public RequestEventKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public DatePrecision OccurredOnPrecision { get; set; }
    /// <summary>For an acknowledgement, a reply, a refusal or a decision: it stated the appeal routes and deadlines.</summary>
    public bool StatesAppealRoutes { get; set; }
    public RefusalGround? Ground { get; set; }
    /// <summary>The CADA's file number, on its acknowledgement of the referral.</summary>
    public string? FileNumber { get; set; }
    public string? OpinionNumber { get; set; }
    public OpinionSens? OpinionSens { get; set; }
    public string? OpinionMotivation { get; set; }
    public OpinionType? OpinionType { get; set; }
    public BodyDecision? Decision { get; set; }
    public JudgmentOutcome? JudgmentOutcome { get; set; }
    /// <summary>Free text of the team (a note's text, a reference…); never shown on public pages.</summary>
    public string? Comment { get; set; }
    public int? AuthorId { get; set; }
    public User? Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public uint Version { get; set; }
    public List<EventDocumentOutcome> DocumentOutcomes { get; set; } = [];

    public bool IsApproximate => OccurredOnPrecision != DatePrecision.Day;
}

/// <summary>What a reply said about one requested document.</summary>
public sealed class EventDocumentOutcome
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public CadaRequestEvent? Event { get; set; }
    public int RequestedDocumentId { get; set; }
    public RequestedDocument? RequestedDocument { get; set; }
    public DocumentStatus Status { get; set; }
    public RefusalGround? Ground { get; set; }
}

public enum EventRevisionAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One change to an event: who, when, and the event as it stood afterwards (before, for a deletion). Never updated.</summary>
public sealed class CadaRequestEventRevision
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public CadaRequestEvent? Event { get; set; }
    public int CadaRequestId { get; set; }
    public DateTimeOffset At { get; set; }
    public int? ActorId { get; set; }
    public User? Actor { get; set; }
    public EventRevisionAction Action { get; set; }
    /// <summary>The event in French: "Réponse de l'administration, 2 septembre 2019 : document 1 reçu…".</summary>
    public required string Summary { get; set; }
}

/// <summary>A daily reminder email sent to a requester; the key (user, day) makes the job idempotent.</summary>
public sealed class ReminderDigest
{
    public int UserId { get; set; }
    public User? User { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public int ItemCount { get; set; }
}

