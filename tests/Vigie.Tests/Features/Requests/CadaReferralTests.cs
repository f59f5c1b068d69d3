using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class CadaReferralTests
{
    [Fact]
    public void Cada_opinion_expected_one_month_after_registration_without_legal_effect()
    {
        var opinionExpected = Analyse("2019-10-25", Referred2019()).Deadline(DeadlineKind.CadaOpinionExpected);

        Assert.Equal(D("2019-11-20"), opinionExpected.Date);
        Assert.Equal(D("2019-10-20"), opinionExpected.From.Date);
        Assert.Equal(Enforceability.Informational, opinionExpected.Enforceability);
        Assert.Equal("art. R343-3 CRPA", opinionExpected.Article);
    }

    [Fact]
    public void Registration_meets_the_referral_deadline_on_the_sending_date()
    {
        var referralDue = Analyse("2019-10-25", Referred2019()).Deadline(DeadlineKind.ReferralDue);

        Assert.Equal(D("2019-10-15"), referralDue.MetOn);
        Assert.False(referralDue.IsPast);
    }

    [Fact]
    public void Confirmed_refusal_two_months_after_registration()
    {
        var confirmedRefusal = Analyse("2019-10-25", Referred2019()).Deadline(DeadlineKind.ConfirmedRefusal);

        Assert.Equal(D("2019-12-20"), confirmedRefusal.Date);
        Assert.Contains("(à vérifier)", confirmedRefusal.Rule);
        Assert.Contains("R343-4 ou R343-5", confirmedRefusal.Article);
    }

    [Fact]
    public void Confirmed_refusal_counts_from_registration_not_from_the_opinion()
    {
        var analysis = Analyse("2019-12-10", [.. Referred2019(), Opinion("2019-12-05")]);

        Assert.Equal(D("2019-12-20"), analysis.Deadline(DeadlineKind.ConfirmedRefusal).Date);
        Assert.Equal(D("2019-12-05"), analysis.Deadline(DeadlineKind.CadaOpinionExpected).MetOn);
    }

    [Fact]
    public void Body_decision_expected_one_month_after_the_opinion_taken_as_its_receipt()
    {
        var bodyDecision = Analyse("2019-11-25", [.. Referred2019(), Opinion("2019-11-18")])
            .Deadline(DeadlineKind.BodyDecisionAfterOpinion);

        Assert.Equal(D("2019-12-18"), bodyDecision.Date);
        Assert.True(bodyDecision.IsEstimate);
        Assert.Equal("art. R343-3 CRPA", bodyDecision.Article);
    }

    [Fact]
    public void Without_registration_cada_deadlines_are_estimated_from_the_referral()
    {
        var analysis = Analyse("2019-10-25", [.. Request2019(), Referral("2019-10-15")]);

        Assert.Equal(D("2019-11-15"), analysis.Deadline(DeadlineKind.CadaOpinionExpected).Date);
        Assert.True(analysis.Deadline(DeadlineKind.ConfirmedRefusal).IsEstimate);
        Assert.Equal(D("2019-12-15"), analysis.Deadline(DeadlineKind.ConfirmedRefusal).Date);
        Assert.Contains(WarningKind.RegistrationDateUnknown, analysis.WarningKinds());
        Assert.Equal("Noter la date d'enregistrement de la saisine dès réception de l'accusé de la CADA.", analysis.NextAction);
    }

    [Fact]
    public void Late_registration_recomputes_a_confirmed_refusal_estimated_from_sending()
    {
        var analysis = Analyse("2020-01-10", [.. Request2019(acknowledgementStatesRoutes: true), Referral("2019-10-15"), Registered("2019-12-30")]);

        Assert.Equal(D("2020-02-29"), analysis.Deadline(DeadlineKind.ConfirmedRefusal).Date);
        Assert.Null(analysis.Find(DeadlineKind.CourtDue));
        Assert.Equal(RequestState.ReferredToCada, analysis.State);
    }

    [Fact]
    public void Inadmissible_opinion_sends_the_request_back_to_its_referral_window()
    {
        var analysis = Analyse("2019-11-25", [.. Referred2019(), Opinion("2019-11-18", OpinionSens.Irrecevable)]);

        Assert.Contains(WarningKind.OpinionIrrecevable, analysis.WarningKinds());
        Assert.Equal(RequestState.ReferralDue, analysis.State);
        Assert.Null(analysis.Find(DeadlineKind.ConfirmedRefusal));
        Assert.Equal("Saisir la CADA avant le 2 décembre 2019.", analysis.NextAction);
    }

    [Theory]
    [InlineData(OpinionSens.Incompetence, WarningKind.OpinionIncompetence)]
    [InlineData(OpinionSens.SansObjet, WarningKind.OpinionSansObjet)]
    public void Opinions_that_end_the_cada_route_are_flagged(OpinionSens sens, WarningKind warning) =>
        Assert.Contains(warning, Analyse("2019-11-25", [.. Referred2019(), Opinion("2019-11-18", sens)]).WarningKinds());

    [Fact]
    public void Body_announcing_communication_after_the_opinion_stops_the_confirmed_refusal()
    {
        var analysis = Analyse("2019-12-21", [.. Referred2019(), Opinion("2019-11-18"), Decision("2019-12-02", BodyDecision.Communicates)]);

        Assert.Equal(RequestState.CommunicationAnnounced, analysis.State);
        Assert.Null(analysis.Find(DeadlineKind.ConfirmedRefusal));
        Assert.Null(analysis.Find(DeadlineKind.CourtDue));
        Assert.Equal(D("2019-12-02"), analysis.Deadline(DeadlineKind.BodyDecisionAfterOpinion).MetOn);
    }

    [Fact]
    public void Opinion_number_has_eight_digits_year_first()
    {
        Assert.Equal(2019, new CadaOpinion(D("2019-11-18"), "20191234", OpinionSens.Favorable).Year);
        Assert.Throws<ArgumentException>(() => new CadaOpinion(D("2019-11-18"), "2019-1234", OpinionSens.Favorable));
        Assert.Throws<ArgumentException>(() => new CadaOpinion(D("2019-11-18"), "19991234x", OpinionSens.Favorable));
        Assert.Throws<ArgumentException>(() => new CadaOpinion(D("2019-11-18"), "12341234", OpinionSens.Favorable));
    }
}
