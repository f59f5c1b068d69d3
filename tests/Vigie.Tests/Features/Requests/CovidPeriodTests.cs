using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class CovidPeriodTests
{
    [Theory]
    [InlineData("2020-03-02", "2020-03-05", DeadlineKind.ImpliedRefusal, true)]
    [InlineData("2020-02-10", "2020-03-15", DeadlineKind.ReferralDue, true)]
    [InlineData("2020-01-06", "2020-01-10", DeadlineKind.ImpliedRefusal, false)]
    [InlineData("2019-09-02", "2019-10-10", DeadlineKind.ReferralDue, false)]
    [InlineData("2020-07-01", "2020-08-10", DeadlineKind.ReferralDue, false)]
    public void Deadlines_running_through_spring_2020_are_flagged(string receipt, string today, DeadlineKind kind, bool flagged)
    {
        var analysis = Analyse(today, Sent(receipt), Received(receipt));

        Assert.Equal(flagged, analysis.Deadline(kind).NeedsCovidCheck);
        Assert.Equal(flagged, analysis.NeedsHumanReview);
        Assert.Equal(flagged, analysis.WarningKinds().Contains(WarningKind.CovidPeriod));
    }

    [Fact]
    public void Flagged_request_asks_a_person_to_check_its_deadlines()
    {
        var analysis = Analyse("2020-03-05", Sent("2020-03-02"), Received("2020-03-02"));

        Assert.Equal(
            "Faire vérifier les délais par une personne : ils courent pendant la période du 12 mars au 23 juin 2020 "
            + "(ordonnance n° 2020-306).",
            analysis.NextAction);
        Assert.EndsWith("(ordonnance n° 2020-306).", analysis.Deadline(DeadlineKind.ImpliedRefusal).Explanation);
    }

    [Fact]
    public void Flagged_deadline_never_time_bars_the_request_silently()
    {
        var analysis = Analyse("2020-12-01", Sent("2020-01-30"), Received("2020-02-03", statesRoutes: true));

        Assert.Null(analysis.ClosingOutcome);
        Assert.Equal(RequestState.ReferralDue, analysis.State);
        Assert.True(analysis.Deadline(DeadlineKind.ReferralDue).NeedsCovidCheck);
    }

    [Fact]
    public void Deadlines_counted_from_a_flagged_date_are_flagged_too()
    {
        var analysis = Analyse(
            "2020-08-25",
            Sent("2020-03-30"), Received("2020-04-01", statesRoutes: true), Referral("2020-06-15"), Registered("2020-06-20"));

        var courtDue = analysis.Deadline(DeadlineKind.CourtDue);
        Assert.Equal(D("2020-08-20"), courtDue.From.Date);
        Assert.True(courtDue.NeedsCovidCheck);
    }
}
