using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

// A referral sent before the refusal is born is inadmissible (CADA practice): it opens no CADA deadline and, since
// L342-1 CRPA requires a prior referral, no court window. Received 2 September 2019: the refusal is born on 2 October.
public class PrematureReferralTests
{
    [Fact]
    public void Premature_referral_keeps_the_request_waiting_for_the_refusal_and_projects_no_cada_deadline()
    {
        var analysis = Analyse("2019-09-25", [.. Request2019(), Referral("2019-09-20")]);

        Assert.Equal(RequestState.Sent, analysis.State);
        Assert.Null(analysis.Find(DeadlineKind.CadaOpinionExpected));
        Assert.Null(analysis.Find(DeadlineKind.ConfirmedRefusal));
        Assert.Equal(
            "Saisir de nouveau la CADA à partir du 2 octobre 2019 : la saisine du 20 septembre 2019 était prématurée.",
            analysis.NextAction);
    }

    [Fact]
    public void Months_after_a_premature_referral_the_refusal_is_not_confirmed_and_no_court_window_opens()
    {
        var analysis = Analyse("2020-03-02", [.. Request2019(acknowledgementStatesRoutes: false), Referral("2019-09-20")]);

        Assert.Equal(RequestState.ImpliedRefusal, analysis.State);
        Assert.Null(analysis.Find(DeadlineKind.ConfirmedRefusal));
        Assert.Null(analysis.Find(DeadlineKind.CourtDue));
        Assert.Null(analysis.Deadline(DeadlineKind.ReferralDue).MetOn);
        Assert.Equal(
            "Saisir de nouveau la CADA sans attendre, au plus tard le 2 octobre 2020 : le délai indicatif de deux mois a "
            + "expiré le 2 décembre 2019 ; la saisine du 20 septembre 2019 était prématurée.",
            analysis.NextAction);
    }

    [Fact]
    public void Once_the_refusal_is_born_the_state_asks_for_a_new_referral_within_the_window()
    {
        var analysis = Analyse("2019-10-10", [.. Request2019(acknowledgementStatesRoutes: true), Referral("2019-09-20")]);

        Assert.Equal(RequestState.ReferralDue, analysis.State);
        Assert.Equal("Saisine CADA à faire avant le 2 décembre 2019", analysis.StateLabel);
        Assert.Equal(
            "Saisir de nouveau la CADA avant le 2 décembre 2019 : la saisine du 20 septembre 2019 était prématurée.",
            analysis.NextAction);
    }

    [Fact]
    public void Warning_says_the_referral_was_premature_and_when_to_send_it_again()
    {
        var warning = Analyse("2019-10-10", [.. Request2019(acknowledgementStatesRoutes: true), Referral("2019-09-20")])
            .Warnings.Single(w => w.Kind == WarningKind.PrematureReferral);

        Assert.Equal(
            "Saisine de la CADA prématurée : envoyée le 20 septembre 2019, avant la naissance du refus implicite le "
            + "2 octobre 2019, elle est irrecevable et n'ouvre aucun délai (art. L342-1 CRPA). La saisir de nouveau à partir "
            + "du 2 octobre 2019 et avant le 2 décembre 2019.",
            warning.Message);
    }

    [Fact]
    public void A_premature_referral_does_not_save_the_request_from_time_bar()
    {
        var analysis = Analyse("2019-12-03", [.. Request2019(acknowledgementStatesRoutes: true), Referral("2019-09-20")]);

        Assert.Equal(ClosingOutcome.TimeBarred, analysis.ClosingOutcome);
        Assert.Contains(WarningKind.ReferralWindowExpired, analysis.WarningKinds());
    }

    [Fact]
    public void Court_case_after_only_a_premature_referral_has_no_valid_referral()
    {
        var analysis = Analyse("2019-12-01", [.. Request2019(), Referral("2019-09-20"), Court("2019-11-25")]);

        var warning = analysis.Warnings.Single(w => w.Kind == WarningKind.CourtCaseWithoutReferral);
        Assert.Contains("la saisine du 20 septembre 2019 était prématurée", warning.Message);
        Assert.Contains("art. L342-1 CRPA", warning.Message);
    }

    // Decision: the CADA may still register and answer a premature referral. Its registration alone changes nothing (it
    // may yet declare the referral inadmissible); an opinion on the merits shows it was heard, so its deadlines count
    // from that registration.
    [Fact]
    public void Registration_of_a_premature_referral_does_not_make_it_valid()
    {
        var analysis = Analyse("2019-10-10", [.. Request2019(), Referral("2019-09-20"), Registered("2019-10-05")]);

        Assert.Equal(RequestState.ImpliedRefusal, analysis.State);
        Assert.Null(analysis.Find(DeadlineKind.CadaOpinionExpected));
        Assert.Contains(WarningKind.PrematureReferral, analysis.WarningKinds());
    }

    [Fact]
    public void An_opinion_on_the_merits_of_a_premature_referral_makes_it_count_from_its_registration()
    {
        var analysis = Analyse("2019-11-10", [.. Request2019(), Referral("2019-09-20"), Registered("2019-10-05"), Opinion("2019-11-05")]);

        Assert.Equal(RequestState.CadaOpinionGiven, analysis.State);
        Assert.Equal(D("2019-12-05"), analysis.Deadline(DeadlineKind.ConfirmedRefusal).Date);
        Assert.Equal(D("2019-11-05"), analysis.Deadline(DeadlineKind.CadaOpinionExpected).MetOn);
        Assert.Equal(D("2019-09-20"), analysis.Deadline(DeadlineKind.ReferralDue).MetOn);
        Assert.DoesNotContain(WarningKind.PrematureReferral, analysis.WarningKinds());
        Assert.Contains(WarningKind.PrematureReferralHeard, analysis.WarningKinds());
    }

    [Fact]
    public void An_inadmissible_opinion_on_a_premature_referral_sends_the_request_back_to_its_window()
    {
        var analysis = Analyse(
            "2019-11-10",
            [.. Request2019(acknowledgementStatesRoutes: true), Referral("2019-09-20"), Opinion("2019-11-05", OpinionSens.Irrecevable)]);

        Assert.Equal(RequestState.ReferralDue, analysis.State);
        Assert.Equal("Saisir la CADA avant le 2 décembre 2019.", analysis.NextAction);
    }

    [Fact]
    public void A_second_premature_referral_is_the_one_named()
    {
        var analysis = Analyse("2019-09-30", [.. Request2019(), Referral("2019-09-10"), Referral("2019-09-20")]);

        Assert.Equal(
            "Saisir de nouveau la CADA à partir du 2 octobre 2019 : la saisine du 20 septembre 2019 était prématurée.",
            analysis.NextAction);
    }
}
