using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

// Each named story of a request, its state, its French label and the next action.
public class StateTests
{
    static readonly Dictionary<string, (string Today, RequestEvent[] Events)> Stories = new()
    {
        ["draft"] = ("2019-08-29", []),
        ["sent"] = ("2019-09-10", Request2019()),
        ["implied refusal"] = ("2019-10-10", Request2019(acknowledgementStatesRoutes: false)),
        ["implied refusal with appeal routes"] = ("2019-10-10", Request2019(acknowledgementStatesRoutes: true)),
        ["explicit refusal"] = ("2019-09-25", [.. Request2019(), Refusal("2019-09-20")]),
        ["partial reply"] = ("2019-09-25", [.. Request2019(), Reply("2019-09-20", DocumentOutcome.Received(1))]),
        ["satisfied"] = ("2019-09-25", [.. Request2019(), Reply("2019-09-20", DocumentOutcome.Received(1), DocumentOutcome.Redacted(2))]),
        ["referred"] = ("2019-10-25", Referred2019()),
        ["opinion"] = ("2019-11-25", [.. Referred2019(), Opinion("2019-11-18")]),
        ["unfavourable opinion"] = ("2019-11-25", [.. Referred2019(), Opinion("2019-11-18", OpinionSens.Defavorable)]),
        ["communication announced"] = ("2019-12-05", [.. Referred2019(), Opinion("2019-11-18"), Decision("2019-12-02", BodyDecision.Communicates)]),
        ["confirmed refusal with appeal routes"] = ("2019-12-21", Referred2019(acknowledgementStatesRoutes: true)),
        ["confirmed refusal without appeal routes"] = ("2019-12-21", Referred2019(acknowledgementStatesRoutes: false)),
        ["court case"] = ("2020-01-20", [.. Referred2019(), Court("2020-01-15")]),
        ["withdrawn"] = ("2019-10-10", [.. Request2019(), Withdrawn("2019-10-05")]),
        ["time-barred"] = ("2019-12-03", Request2019(acknowledgementStatesRoutes: true)),
    };

    public static TheoryData<string, RequestState, string, string> Expectations => new()
    {
        { "draft", RequestState.Draft, "Brouillon",
            "Envoyer la demande par un moyen qui fournit une date de réception (accusé de réception)." },
        { "sent", RequestState.Sent, "Envoyée (réponse attendue avant le 2 octobre 2019)",
            "Attendre la réponse de l'administration jusqu'au 2 octobre 2019." },
        { "implied refusal", RequestState.ImpliedRefusal, "Refus implicite", "Saisir la CADA avant le 2 décembre 2019." },
        { "implied refusal with appeal routes", RequestState.ReferralDue, "Saisine CADA à faire avant le 2 décembre 2019",
            "Saisir la CADA avant le 2 décembre 2019." },
        { "explicit refusal", RequestState.ExplicitRefusal, "Refus exprès", "Saisir la CADA avant le 20 novembre 2019." },
        { "partial reply", RequestState.PartialReply, "Réponse partielle", "Saisir la CADA avant le 20 novembre 2019." },
        { "satisfied", RequestState.Satisfied, "Satisfaite", "Aucune action : tous les documents ont été communiqués." },
        { "referred", RequestState.ReferredToCada, "CADA saisie", "Attendre l'avis de la CADA, attendu vers le 20 novembre 2019." },
        { "opinion", RequestState.CadaOpinionGiven, "Avis CADA rendu (favorable)",
            "Attendre la décision de l'administration, attendue avant le 18 décembre 2019 ; sans décision, le refus sera "
            + "confirmé le 20 décembre 2019." },
        { "unfavourable opinion", RequestState.CadaOpinionGiven, "Avis CADA rendu (défavorable)",
            "Attendre la décision de l'administration, attendue avant le 18 décembre 2019 ; sans décision, le refus sera "
            + "confirmé le 20 décembre 2019." },
        { "communication announced", RequestState.CommunicationAnnounced, "Communication annoncée",
            "Relancer l'administration si les documents dont elle a annoncé la communication le 2 décembre 2019 ne sont pas arrivés." },
        { "confirmed refusal with appeal routes", RequestState.CourtAppealPossible, "Recours possible avant le 21 février 2020",
            "Saisir le tribunal administratif avant le 21 février 2020." },
        { "confirmed refusal without appeal routes", RequestState.RefusalConfirmed, "Refus confirmé",
            "Saisir le tribunal administratif avant le 21 février 2020." },
        { "court case", RequestState.CourtCaseOpen, "Recours en cours", "Attendre le jugement du tribunal administratif." },
        { "withdrawn", RequestState.Closed, "Close (abandonnée)", "Aucune action : la demande est close (abandonnée)." },
        { "time-barred", RequestState.Closed, "Close (forclose)",
            "Renouveler la demande : le délai de saisine de la CADA a expiré, mais le droit d'accès aux documents demeure "
            + "(art. L311-1 CRPA) et une nouvelle demande fait courir de nouveaux délais." },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Each_step_of_a_request_has_its_state_label_and_next_action(
        string story, RequestState state, string label, string nextAction)
    {
        var (today, events) = Stories[story];

        var analysis = Analyse(today, events);

        Assert.Equal(state, analysis.State);
        Assert.Equal(label, analysis.StateLabel);
        Assert.Equal(nextAction, analysis.NextAction);
    }

    [Fact]
    public void Every_story_has_an_expectation() =>
        Assert.Equal(Stories.Keys.Order(), Expectations.Select(row => (string)row[0]).Order());

    [Fact]
    public void Indicative_deadline_past_two_months_asks_to_act_within_the_reasonable_time() =>
        Assert.Equal(
            "Saisir la CADA sans attendre, au plus tard le 2 octobre 2020 : le délai indicatif de deux mois a expiré le "
            + "2 décembre 2019.",
            Analyse("2020-01-15", Request2019(acknowledgementStatesRoutes: false)).NextAction);

    [Fact]
    public void Every_state_has_a_french_label() =>
        Assert.All(Enum.GetValues<RequestState>(), state => Assert.False(string.IsNullOrWhiteSpace(state.Label())));
}
