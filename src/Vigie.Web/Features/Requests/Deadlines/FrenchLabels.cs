namespace Vigie.Web.Features.Requests.Deadlines;

// The words the French user interface shows for each closed set of values.
public static class FrenchLabels
{
    public static string Label(this RequestState state) => state switch
    {
        RequestState.Draft => "Brouillon",
        RequestState.Sent => "Envoyée",
        RequestState.ImpliedRefusal => "Refus implicite",
        RequestState.ExplicitRefusal => "Refus exprès",
        RequestState.PartialReply => "Réponse partielle",
        RequestState.Satisfied => "Satisfaite",
        RequestState.ReferralDue => "Saisine CADA à faire",
        RequestState.ReferredToCada => "CADA saisie",
        RequestState.CadaOpinionGiven => "Avis CADA rendu",
        RequestState.CommunicationAnnounced => "Communication annoncée",
        RequestState.RefusalConfirmed => "Refus confirmé",
        RequestState.CourtAppealPossible => "Recours possible",
        RequestState.CourtCaseOpen => "Recours en cours",
        RequestState.Closed => "Close",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Label(this ClosingOutcome outcome) => outcome switch
    {
        ClosingOutcome.Satisfied => "satisfaite",
        ClosingOutcome.Partial => "partielle",
        ClosingOutcome.Abandoned => "abandonnée",
        ClosingOutcome.TimeBarred => "forclose",
        ClosingOutcome.Dismissed => "rejetée par le tribunal",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Label(this OpinionSens sens) => sens switch
    {
        OpinionSens.Favorable => "favorable",
        OpinionSens.Defavorable => "défavorable",
        OpinionSens.Irrecevable => "irrecevable",
        OpinionSens.Incompetence => "incompétence",
        OpinionSens.SansObjet => "sans objet",
        _ => throw new ArgumentOutOfRangeException(nameof(sens), sens, null),
    };

    public static string Label(this OpinionType type) => type switch
    {
        OpinionType.Avis => "avis",
        OpinionType.Conseil => "conseil",
        OpinionType.Sanction => "sanction",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Label(this DocumentStatus status) => status switch
    {
        DocumentStatus.Received => "reçu",
        DocumentStatus.ReceivedRedacted => "reçu après occultation (art. L311-7 CRPA)",
        DocumentStatus.Refused => "refusé",
        DocumentStatus.NotAnswered => "sans réponse",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(this RefusalGround ground) => ground switch
    {
        RefusalGround.PublicSecurity => "sécurité publique (art. L311-5 CRPA)",
        RefusalGround.BusinessSecret => "secret des affaires (art. L311-6 CRPA)",
        RefusalGround.Preparatory => "document préparatoire (art. L311-2 CRPA)",
        RefusalGround.NonExistent => "document inexistant",
        RefusalGround.Other => "autre motif",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, null),
    };

    public static string Label(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.ImpliedRefusal => "Refus implicite",
        DeadlineKind.ReferralDue => "Saisine de la CADA",
        DeadlineKind.CadaOpinionExpected => "Avis de la CADA",
        DeadlineKind.BodyDecisionAfterOpinion => "Décision de l'administration après l'avis",
        DeadlineKind.ConfirmedRefusal => "Refus confirmé",
        DeadlineKind.CourtDue => "Recours devant le tribunal administratif",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(this Enforceability enforceability) => enforceability switch
    {
        Enforceability.Enforceable => "opposable",
        Enforceability.Indicative => "indicatif",
        Enforceability.Informational => "informatif",
        _ => throw new ArgumentOutOfRangeException(nameof(enforceability), enforceability, null),
    };

    public static string Label(this RequestEventKind kind) => kind switch
    {
        RequestEventKind.Sent => "Envoi de la demande",
        RequestEventKind.ReceivedByBody => "Réception par l'administration",
        RequestEventKind.ReminderSent => "Relance",
        RequestEventKind.ReplyReceived => "Réponse de l'administration",
        RequestEventKind.ExplicitRefusal => "Refus exprès",
        RequestEventKind.ReferralSent => "Saisine de la CADA envoyée",
        RequestEventKind.ReferralRegistered => "Saisine enregistrée par la CADA",
        RequestEventKind.CadaOpinion => "Avis de la CADA",
        RequestEventKind.DecisionAfterOpinion => "Décision après l'avis",
        RequestEventKind.CourtCaseFiled => "Recours au tribunal administratif",
        RequestEventKind.Judgment => "Jugement",
        RequestEventKind.Withdrawn => "Abandon",
        RequestEventKind.Note => "Note",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(this JudgmentOutcome outcome) => outcome switch
    {
        JudgmentOutcome.CommunicationOrdered => "communication ordonnée",
        JudgmentOutcome.PartlyOrdered => "communication ordonnée en partie",
        JudgmentOutcome.Dismissed => "requête rejetée",
        JudgmentOutcome.NoNeedToRule => "non-lieu à statuer",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Label(this BodyDecision decision) => decision switch
    {
        BodyDecision.Communicates => "communication",
        BodyDecision.Refuses => "refus",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };
}
