namespace Vigie.Web.Features.Requests.Deadlines;

public enum RequestState
{
    Draft,
    Sent,
    ImpliedRefusal,
    ExplicitRefusal,
    PartialReply,
    Satisfied,
    ReferralDue,
    ReferredToCada,
    CadaOpinionGiven,
    CommunicationAnnounced,
    RefusalConfirmed,
    CourtAppealPossible,
    CourtCaseOpen,
    Closed,
}

public enum WarningKind
{
    ReceiptDateUnknown,
    RegistrationDateUnknown,
    PrematureReferral,
    PrematureReferralHeard,
    LateReferral,
    ConfirmatoryRefusal,
    ReferralWindowExpired,
    CourtWindowExpired,
    CourtCaseWithoutReferral,
    LateCourtCase,
    OpinionWithoutReferral,
    OpinionIrrecevable,
    OpinionIncompetence,
    OpinionSansObjet,
    RedactedDocuments,
    UnknownDocument,
    CovidPeriod,
    EventsWithoutSending,
    EventBeforeSending,
    EventBeforeReceipt,
    EventInFuture,
    EventAfterClosing,
    SeveralSendings,
}

public sealed record Warning(WarningKind Kind, string Message);

public sealed record RequestAnalysis(
    RequestState State,
    string StateLabel,
    ClosingOutcome? ClosingOutcome,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<Warning> Warnings,
    string NextAction,
    DocumentsSummary Documents)
{
    // The latest outcome of each requested document, in the order of the request (not answered when none).
    public IReadOnlyList<DocumentOutcome> DocumentOutcomes { get; init; } = [];

    public bool IsClosed => ClosingOutcome is not null;

    // The window whose expiry closed the request: the request can be renewed, since the right of access remains.
    public DeadlineKind? TimeBarredBy { get; init; }

    // Ordinance n° 2020-306: a person must check deadlines that ran through spring 2020.
    public bool NeedsHumanReview => Deadlines.Any(d => d.NeedsCovidCheck);

    public Deadline? Find(DeadlineKind kind) => Deadlines.LastOrDefault(d => d.Kind == kind);
}
