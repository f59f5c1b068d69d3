using static Vigie.Web.Features.Requests.Deadlines.FrenchDates;

namespace Vigie.Web.Features.Requests.Deadlines;

// "Envoyée (réponse attendue avant le 2 octobre 2019)", "Avis CADA rendu (favorable)", "Close (forclose)".
internal static class StateLabels
{
    public static string Compose(Situation situation) => situation.State switch
    {
        RequestState.Sent =>
            $"{situation.State.Label()} (réponse attendue avant le {Long(situation.Require(DeadlineKind.ImpliedRefusal).Date)})",
        RequestState.ReferralDue =>
            $"{situation.State.Label()} avant le {Long(situation.Require(DeadlineKind.ReferralDue).Date)}",
        RequestState.CourtAppealPossible =>
            $"{situation.State.Label()} avant le {Long(situation.Require(DeadlineKind.CourtDue).Date)}",
        RequestState.CadaOpinionGiven when situation.Opinion is { } opinion =>
            $"{situation.State.Label()} ({opinion.Sens.Label()})",
        RequestState.Closed when situation.Outcome is { } outcome => $"{situation.State.Label()} ({outcome.Label()})",
        _ => situation.State.Label(),
    };
}
