using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class CourtTests
{
    // A délai franc: two months from 20 December end on 20 February, a day that does not count (CE, 19 September 2014,
    // n° 362568); CourtWindowTests holds the month ends, weekends and holidays.
    [Fact]
    public void Court_due_two_months_after_the_confirmed_refusal()
    {
        var analysis = Analyse("2019-12-21", Referred2019());

        var courtDue = analysis.Deadline(DeadlineKind.CourtDue);
        Assert.Equal(D("2020-02-21"), courtDue.Date);
        Assert.Equal(D("2019-12-20"), courtDue.From.Date);
        Assert.True(courtDue.IsEnforceable);
        Assert.Equal(RequestState.CourtAppealPossible, analysis.State);
    }

    [Theory]
    [InlineData(true, Enforceability.Enforceable, RequestState.CourtAppealPossible)]
    [InlineData(false, Enforceability.Indicative, RequestState.RefusalConfirmed)]
    public void Court_due_two_months_after_a_written_refusal_following_the_opinion(
        bool statesRoutes, Enforceability enforceability, RequestState state)
    {
        var analysis = Analyse(
            "2019-12-11", [.. Referred2019(), Opinion("2019-11-18"), Decision("2019-12-10", BodyDecision.Refuses, statesRoutes)]);

        var courtDue = analysis.Deadline(DeadlineKind.CourtDue);
        Assert.Equal(D("2020-02-11"), courtDue.Date);
        Assert.Equal(enforceability, courtDue.Enforceability);
        Assert.Equal(state, analysis.State);
        Assert.Null(analysis.Find(DeadlineKind.ConfirmedRefusal));
    }

    [Fact]
    public void Written_refusal_inside_the_court_window_restarts_it()
    {
        var analysis = Analyse(
            "2020-01-06", [.. Referred2019(), Opinion("2019-11-18"), Decision("2020-01-05", BodyDecision.Refuses, statesRoutes: true)]);

        var courtDue = analysis.Deadline(DeadlineKind.CourtDue);
        Assert.Equal(D("2020-03-06"), courtDue.Date);
        Assert.Equal(D("2020-01-05"), courtDue.From.Date);
        Assert.Contains("fait courir un nouveau délai (art. R421-2 CJA)", courtDue.Explanation);
    }

    [Fact]
    public void Written_refusal_after_confirmation_by_silence_restarts_the_court_window_even_before_the_opinion()
    {
        var analysis = Analyse("2020-01-06", [.. Referred2019(), Refusal("2020-01-05", statesRoutes: true)]);

        Assert.Equal(D("2020-03-06"), analysis.Deadline(DeadlineKind.CourtDue).Date);
        Assert.Equal(RequestState.CourtAppealPossible, analysis.State);
    }

    [Fact]
    public void Written_refusal_after_the_court_window_only_confirms()
    {
        var analysis = Analyse(
            "2020-03-02", [.. Referred2019(), Opinion("2019-11-18"), Decision("2020-03-01", BodyDecision.Refuses, statesRoutes: true)]);

        Assert.Equal(D("2020-02-21"), analysis.Deadline(DeadlineKind.CourtDue).Date);
        Assert.Contains(WarningKind.ConfirmatoryRefusal, analysis.WarningKinds());
        Assert.Equal(ClosingOutcome.TimeBarred, analysis.ClosingOutcome);
    }

    [Fact]
    public void Court_case_without_referral_to_the_cada_is_flagged()
    {
        var analysis = Analyse("2019-10-20", [.. Request2019(), Court("2019-10-10")]);

        Assert.Contains(WarningKind.CourtCaseWithoutReferral, analysis.WarningKinds());
        Assert.Equal(RequestState.CourtCaseOpen, analysis.State);
    }

    [Fact]
    public void Court_case_after_referral_meets_the_court_deadline()
    {
        var analysis = Analyse("2020-01-20", [.. Referred2019(), Court("2020-01-15")]);

        Assert.DoesNotContain(WarningKind.CourtCaseWithoutReferral, analysis.WarningKinds());
        Assert.Equal(D("2020-01-15"), analysis.Deadline(DeadlineKind.CourtDue).MetOn);
        Assert.Equal(RequestState.CourtCaseOpen, analysis.State);
    }

    [Fact]
    public void Court_case_after_an_enforceable_deadline_is_flagged_as_late()
    {
        var analysis = Analyse("2020-03-02", [.. Referred2019(), Court("2020-02-25")]);

        Assert.Contains(WarningKind.LateCourtCase, analysis.WarningKinds());
    }

    [Theory]
    [InlineData(JudgmentOutcome.CommunicationOrdered, ClosingOutcome.Satisfied)]
    [InlineData(JudgmentOutcome.NoNeedToRule, ClosingOutcome.Satisfied)]
    [InlineData(JudgmentOutcome.PartlyOrdered, ClosingOutcome.Partial)]
    [InlineData(JudgmentOutcome.Dismissed, ClosingOutcome.Dismissed)]
    public void Judgment_closes_the_request(JudgmentOutcome judgment, ClosingOutcome outcome)
    {
        var analysis = Analyse("2021-06-01", [.. Referred2019(), Court("2020-01-15"), new Judgment(D("2021-05-20"), judgment)]);

        Assert.Equal(RequestState.Closed, analysis.State);
        Assert.Equal(outcome, analysis.ClosingOutcome);
        Assert.Empty(analysis.Deadlines);
    }

    [Theory]
    [InlineData("2020-02-21", null)]
    [InlineData("2020-02-22", ClosingOutcome.TimeBarred)]
    public void Court_window_running_out_time_bars_the_request_the_day_after_its_last_day(string today, ClosingOutcome? outcome)
    {
        var analysis = Analyse(today, Referred2019());

        Assert.Equal(outcome, analysis.ClosingOutcome);
    }

    [Fact]
    public void Court_window_running_out_time_bars_the_request()
    {
        var analysis = Analyse("2020-02-22", Referred2019());

        Assert.Equal(ClosingOutcome.TimeBarred, analysis.ClosingOutcome);
        Assert.Contains(WarningKind.CourtWindowExpired, analysis.WarningKinds());
    }
}
