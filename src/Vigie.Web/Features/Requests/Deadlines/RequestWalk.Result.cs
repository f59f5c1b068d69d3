using static Vigie.Web.Features.Requests.Deadlines.FrenchDates;

namespace Vigie.Web.Features.Requests.Deadlines;

// What the walk ends on: the state, the deadlines still worth showing, the warnings, the analysis.
internal sealed partial class RequestWalk
{
    RequestState CurrentState() => endState
        ?? (courtCaseFiledOn is not null ? RequestState.CourtCaseOpen
            : communicationAnnouncedOn is not null ? RequestState.CommunicationAnnounced
            : courtDue is not null ? (courtDue.IsEnforceable ? RequestState.CourtAppealPossible : RequestState.RefusalConfirmed)
            : opinion is not null ? RequestState.CadaOpinionGiven
            : referralSentOn is not null ? RequestState.ReferredToCada
            : refusal is not null ? RefusalState(refusal)
            : RequestState.Sent);

    // A firm date goes into the state only when it binds the requester; otherwise the state names the refusal.
    RequestState RefusalState(Refusal current) =>
        referralDue is { IsEnforceable: true } ? RequestState.ReferralDue
        : documents.AnyCommunicated ? RequestState.PartialReply
        : current.IsWritten ? RequestState.ExplicitRefusal
        : RequestState.ImpliedRefusal;

    RequestAnalysis Result()
    {
        var state = CurrentState();
        IReadOnlyList<Deadline> deadlines = endState is not null && !keepDeadlines
            ? []
            : new[]
                {
                    refusal is null || impliedRefusalBorn ? impliedRefusal : null,
                    referralDue, opinionExpected, bodyDecision, confirmedRefusal, courtDue,
                }
                .OfType<Deadline>()
                .Select(d => d with { IsPast = d.Date < today })
                .OrderBy(d => d.Date)
                .ToList();
        AddClosingWarnings(deadlines);
        return Analysis(state, deadlines);
    }

    void AddClosingWarnings(IReadOnlyList<Deadline> deadlines)
    {
        if (prematureReferralOn is { } premature && endState is null)
        {
            var from = referralDue?.From.Date ?? impliedRefusal.Date;
            var until = referralDue is null ? "" : $" et avant le {Long(referralDue.Date)}";
            Warn(WarningKind.PrematureReferral,
                $"Saisine de la CADA prématurée : envoyée le {Long(premature)}, avant la naissance du refus implicite le "
                + $"{Long(impliedRefusal.Date)}, elle est irrecevable et n'ouvre aucun délai (art. L342-1 CRPA). La saisir de "
                + $"nouveau à partir du {Long(from)}{until}.");
        }
        if (receipt is null && deadlines.Any(d => d.Kind == DeadlineKind.ImpliedRefusal))
        {
            Warn(WarningKind.ReceiptDateUnknown,
                $"Date de réception inconnue : les délais partent de l'envoi du {Long(sent.Date)} (estimation).");
        }
        if (referralSentOn is { } referral && registeredOn is null
            && deadlines.Any(d => d.Kind is DeadlineKind.CadaOpinionExpected or DeadlineKind.ConfirmedRefusal))
        {
            Warn(WarningKind.RegistrationDateUnknown,
                $"Date d'enregistrement de la saisine inconnue : les délais de la CADA partent de son envoi le {Long(referral)} (estimation).");
        }
        foreach (var deadline in deadlines.Where(d => d.NeedsCovidCheck))
        {
            Warn(WarningKind.CovidPeriod,
                $"{deadline.Kind.Label()} ({Long(deadline.Date)}) : délai couru pendant la période du 12 mars au 23 juin 2020 "
                + "(ordonnance n° 2020-306), à faire vérifier par une personne.");
        }
    }

    RequestAnalysis Analysis(RequestState state, IReadOnlyList<Deadline> deadlines)
    {
        var situation = new Situation(
            state, closing, deadlines, today, opinion, prematureReferralOn, communicationAnnouncedOn, registeredOn is not null)
        {
            TimeBarredBy = timeBarredBy,
            RenewedOn = renewedOn,
        };
        return new RequestAnalysis(
            state,
            StateLabels.Compose(situation),
            closing,
            deadlines,
            warnings,
            NextActions.For(situation),
            documents.Summary())
        {
            DocumentOutcomes = documents.Latest(),
            TimeBarredBy = timeBarredBy,
        };
    }
}
