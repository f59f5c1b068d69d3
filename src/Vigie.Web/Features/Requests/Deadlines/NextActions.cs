using static Vigie.Web.Features.Requests.Deadlines.FrenchDates;

namespace Vigie.Web.Features.Requests.Deadlines;

// The one thing to do now, as a French sentence: "Saisir la CADA avant le 2 décembre 2019."
internal static class NextActions
{
    public static string For(Situation situation)
    {
        if (situation.Outcome is null && situation.Deadlines.Any(d => d.NeedsCovidCheck))
        {
            return "Faire vérifier les délais par une personne : ils courent pendant la période du 12 mars au 23 juin 2020 "
                + "(ordonnance n° 2020-306).";
        }
        return situation.State switch
        {
            RequestState.Draft => "Envoyer la demande par un moyen qui fournit une date de réception (accusé de réception).",
            RequestState.Sent when situation.PrematureReferralOn is { } premature =>
                $"Saisir de nouveau la CADA à partir du {Long(situation.Require(DeadlineKind.ImpliedRefusal).Date)} : "
                + $"la saisine du {Long(premature)} était prématurée.",
            RequestState.Sent =>
                $"Attendre la réponse de l'administration jusqu'au {Long(situation.Require(DeadlineKind.ImpliedRefusal).Date)}.",
            RequestState.ImpliedRefusal or RequestState.ExplicitRefusal or RequestState.PartialReply or RequestState.ReferralDue =>
                Refer(situation),
            RequestState.ReferredToCada => AwaitOpinion(situation),
            RequestState.CadaOpinionGiven => AwaitDecision(situation),
            RequestState.CommunicationAnnounced =>
                $"Relancer l'administration si les documents dont elle a annoncé la communication le "
                + $"{Long(situation.CommunicationAnnouncedOn!.Value)} ne sont pas arrivés.",
            RequestState.RefusalConfirmed or RequestState.CourtAppealPossible =>
                Act("Saisir le tribunal administratif", situation.Require(DeadlineKind.CourtDue), situation.Today),
            RequestState.CourtCaseOpen => "Attendre le jugement du tribunal administratif.",
            RequestState.Satisfied => "Aucune action : tous les documents ont été communiqués.",
            _ when situation.RenewedOn is { } renewed => $"Aucune action : la demande a été renouvelée le {Long(renewed)}.",
            // The right of access is not lost with the deadlines (L311-1): asking again starts them anew.
            _ when situation.TimeBarredBy is { } window =>
                $"Renouveler la demande : le délai {(window == DeadlineKind.CourtDue ? "de recours devant le tribunal administratif" : "de saisine de la CADA")} "
                + "a expiré, mais le droit d'accès aux documents demeure (art. L311-1 CRPA) et une nouvelle demande fait "
                + "courir de nouveaux délais.",
            _ => $"Aucune action : la demande est close ({situation.Outcome?.Label()}).",
        };
    }

    // A premature referral counted for nothing: the CADA must be referred to again, within the window.
    static string Refer(Situation situation)
    {
        var window = situation.Require(DeadlineKind.ReferralDue);
        if (situation.PrematureReferralOn is not { } premature)
            return Act("Saisir la CADA", window, situation.Today);
        var act = Act("Saisir de nouveau la CADA", window, situation.Today).TrimEnd('.');
        return $"{act}{(act.Contains(" : ", StringComparison.Ordinal) ? " ;" : " :")} la saisine du {Long(premature)} était prématurée.";
    }

    static string Act(string action, Deadline deadline, DateOnly today)
    {
        if (deadline.AdviceDate is { } advice && today <= advice)
            return $"{action} avant le {Long(deadline.Date)} (par prudence, au plus tard le {Long(advice)}).";
        if (today <= deadline.Date)
            return $"{action} avant le {Long(deadline.Date)}.";
        return deadline.IsEnforceable
            ? $"{action} : le délai a expiré le {Long(deadline.Date)}."
            : $"{action} sans attendre, au plus tard le {Long(deadline.LastDay)} : le délai indicatif de deux mois a "
                + $"expiré le {Long(deadline.Date)}.";
    }

    static string AwaitOpinion(Situation situation)
    {
        if (!situation.RegistrationKnown)
            return "Noter la date d'enregistrement de la saisine dès réception de l'accusé de la CADA.";
        var expected = situation.Require(DeadlineKind.CadaOpinionExpected);
        return $"Attendre l'avis de la CADA, attendu {Since(expected, situation.Today, "vers")} le {Long(expected.Date)}.";
    }

    static string AwaitDecision(Situation situation)
    {
        var decision = situation.Require(DeadlineKind.BodyDecisionAfterOpinion);
        var awaited = $"Attendre la décision de l'administration, attendue {Since(decision, situation.Today, "avant")} le {Long(decision.Date)}";
        return situation.Find(DeadlineKind.ConfirmedRefusal) is { } confirmed
            ? $"{awaited} ; sans décision, le refus sera confirmé le {Long(confirmed.Date)}."
            : $"{awaited}.";
    }

    static string Since(Deadline deadline, DateOnly today, string upcoming) => today <= deadline.Date ? upcoming : "depuis";
}
