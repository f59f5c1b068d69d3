using static Vigie.Web.Features.Requests.Deadlines.FrenchDates;

namespace Vigie.Web.Features.Requests.Deadlines;

// One pass over a request's events in date order. The rules that depend on when things happened (a written refusal
// inside or after the referral window, a premature referral) apply as each event comes; the state is read at the end.
internal sealed partial class RequestWalk
{
    const string ReferralRestart = "Ce refus écrit, notifié dans le délai de saisine, fait courir un nouveau délai.";
    const string CourtRestart =
        "Cette décision explicite, intervenue dans le délai de recours, fait courir un nouveau délai (art. R421-2 CJA).";

    readonly IReadOnlyList<RequestEvent> events;
    readonly DateOnly today;
    readonly DeadlineFactory make;
    readonly DocumentLedger documents;
    readonly List<Warning> warnings = [];
    readonly RequestSent sent;
    readonly ReceivedByBody? receipt;
    readonly Deadline impliedRefusal;

    bool impliedRefusalBorn;
    Refusal? refusal;
    Deadline? referralDue;
    DateOnly? referralSentOn;
    // A referral sent before the refusal was born, and its registration: held aside, not a referral, unless the CADA
    // answers it on the merits.
    DateOnly? prematureReferralOn;
    DateOnly? prematureRegisteredOn;
    DateOnly? registeredOn;
    Deadline? opinionExpected;
    CadaOpinion? opinion;
    Deadline? bodyDecision;
    DateOnly? bodyDecidedOn;
    Deadline? confirmedRefusal;
    Deadline? courtDue;
    DateOnly? courtCaseFiledOn;
    DateOnly? communicationAnnouncedOn;
    RequestState? endState;
    ClosingOutcome? closing;
    DeadlineKind? timeBarredBy;
    bool keepDeadlines;
    readonly DateOnly? renewedOn;

    // The refusal the CADA must hear: the implied one, or the latest written one notified inside the window.
    sealed record Refusal(bool IsWritten, AppealRoutes Routes);

    // Events in date order; the first sending starts the request.
    public RequestWalk(RequestContext context, IReadOnlyList<RequestEvent> events, RequestSent sent, DateOnly today)
    {
        this.events = events;
        this.sent = sent;
        this.today = today;
        make = new DeadlineFactory(context.DepartmentCode);
        documents = new DocumentLedger(context.DocumentCount);
        renewedOn = context.RenewedOn;
        receipt = events.OfType<ReceivedByBody>().FirstOrDefault();
        impliedRefusal = make.ImpliedRefusal(receipt is null
            ? new StartingPoint(sent.Date, "l'envoi", "date de réception inconnue", IsEstimate: true)
            : new StartingPoint(receipt.Date, "réception"));
    }

    public RequestAnalysis Run()
    {
        foreach (var e in events)
        {
            Check(e);
            if (endState is not null)
            {
                if (e is not Note)
                    Warn(WarningKind.EventAfterClosing, $"{EventWords.Named(e)} daté du {Long(e.Date)}, postérieur à la clôture : il est ignoré.");
                continue;
            }
            AdvanceTo(e.Date);
            Apply(e);
        }
        if (endState is null)
        {
            AdvanceTo(today);
            CloseIfTimeBarred();
        }
        return Result();
    }

    // The forms refuse these dates; older or imported data may still hold them.
    void Check(RequestEvent e)
    {
        if (e is not Note && e.Date < sent.Date)
            Warn(WarningKind.EventBeforeSending, $"{EventWords.Named(e)} daté du {Long(e.Date)}, avant l'envoi de la demande.");
        // The body cannot answer a request it has not received: one of the two dates is wrong.
        else if (e is ReplyReceived or ExplicitRefusal && receipt is not null && e.Date < receipt.Date)
        {
            Warn(WarningKind.EventBeforeReceipt,
                $"{EventWords.Named(e)} daté du {Long(e.Date)}, avant la réception de la demande le {Long(receipt.Date)} : "
                + "l'une des deux dates est erronée.");
        }
    }

    // The refusals that silence brings about by a given day.
    void AdvanceTo(DateOnly date)
    {
        if (refusal is null && impliedRefusal.Date <= date)
        {
            impliedRefusalBorn = true;
            var routes = AppealRoutes.FromAcknowledgement(receipt);
            refusal = new Refusal(IsWritten: false, routes);
            referralDue = make.ReferralDue(DeadlineFactory.BirthOf(impliedRefusal, "la naissance du refus implicite"), routes);
        }
        if (confirmedRefusal is not null && courtDue is null && bodyDecidedOn is null && confirmedRefusal.Date <= date)
        {
            courtDue = make.CourtDue(
                DeadlineFactory.BirthOf(confirmedRefusal, "le refus confirmé"), refusal?.Routes ?? AppealRoutes.Unknown);
        }
    }

    void Apply(RequestEvent e)
    {
        switch (e)
        {
            case RequestSent again when !ReferenceEquals(again, sent):
                Warn(WarningKind.SeveralSendings,
                    $"Nouvel envoi le {Long(again.Date)} : seul le premier envoi, le {Long(sent.Date)}, est pris en compte.");
                break;
            case ReplyReceived reply:
                OnReply(reply);
                break;
            case ExplicitRefusal explicitRefusal:
                documents.RefuseRemaining(explicitRefusal.Ground);
                OnWrittenRefusal(
                    new StartingPoint(explicitRefusal.Date, "la notification du refus écrit"),
                    AppealRoutes.FromDecision("le refus écrit", explicitRefusal.Date, explicitRefusal.StatesAppealRoutes));
                break;
            case ReferralSent referral:
                OnReferral(referral.Date);
                break;
            case ReferralRegistered registration:
                OnRegistration(registration);
                break;
            case CadaOpinion cadaOpinion:
                OnOpinion(cadaOpinion);
                break;
            case DecisionAfterOpinion decision:
                OnDecision(decision);
                break;
            case CourtCaseFiled courtCase:
                OnCourtCase(courtCase.Date);
                break;
            case Judgment judgment:
                Close(RequestState.Closed, Closing(judgment.Outcome), keep: false);
                break;
            case RequestWithdrawn:
                Close(RequestState.Closed, ClosingOutcome.Abandoned, keep: false);
                break;
        }
    }

    // Non-lieu: the court finds nothing left to decide, usually because the documents arrived during the case.
    static ClosingOutcome Closing(JudgmentOutcome outcome) => outcome switch
    {
        JudgmentOutcome.CommunicationOrdered or JudgmentOutcome.NoNeedToRule => ClosingOutcome.Satisfied,
        JudgmentOutcome.PartlyOrdered => ClosingOutcome.Partial,
        _ => ClosingOutcome.Dismissed,
    };

    void CloseIfTimeBarred()
    {
        if (courtDue is not null)
        {
            if (courtCaseFiledOn is null && communicationAnnouncedOn is null && Lapsed(courtDue))
            {
                TimeBar(WarningKind.CourtWindowExpired, DeadlineKind.CourtDue,
                    $"Délai de recours expiré le {Long(courtDue.LastDay)} sans saisine du tribunal administratif.");
            }
        }
        else if (referralDue is not null && referralSentOn is null && opinion is null && Lapsed(referralDue))
        {
            TimeBar(WarningKind.ReferralWindowExpired, DeadlineKind.ReferralDue,
                $"Délai de saisine de la CADA expiré le {Long(referralDue.LastDay)} : la demande est forclose pour les "
                + "documents non communiqués.");
        }
    }

    // A deadline that ran through spring 2020 is left for a person to judge rather than closed silently.
    bool Lapsed(Deadline deadline) => today > deadline.LastDay && !deadline.NeedsCovidCheck;

    void TimeBar(WarningKind kind, DeadlineKind window, string message)
    {
        Warn(kind, message);
        timeBarredBy = window;
        Close(RequestState.Closed, documents.AnyCommunicated ? ClosingOutcome.Partial : ClosingOutcome.TimeBarred, keep: true);
    }

    void Close(RequestState state, ClosingOutcome outcome, bool keep)
    {
        endState = state;
        closing = outcome;
        keepDeadlines = keep;
    }

    void Warn(WarningKind kind, string message) => warnings.Add(new Warning(kind, message));
}
