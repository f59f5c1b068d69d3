using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class EventOrderTests
{
    [Fact]
    public void Events_entered_out_of_order_are_sorted_by_date()
    {
        RequestEvent[] inOrder =
        [
            Sent("2019-08-30"), Received("2019-09-02", statesRoutes: true), Refusal("2019-11-15", statesRoutes: true),
            Referral("2019-12-01"), Registered("2019-12-05"), Opinion("2020-01-09"),
        ];
        RequestEvent[] shuffled = [inOrder[4], inOrder[2], inOrder[5], inOrder[0], inOrder[3], inOrder[1]];

        var expected = Analyse("2020-01-20", inOrder);
        var actual = Analyse("2020-01-20", shuffled);

        Assert.Equal(RequestState.CadaOpinionGiven, actual.State);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.NextAction, actual.NextAction);
        Assert.Equal(expected.Deadlines.Select(d => (d.Kind, d.Date)), actual.Deadlines.Select(d => (d.Kind, d.Date)));
        Assert.Equal(D("2020-01-15"), actual.Deadline(DeadlineKind.ReferralDue).Date);
    }

    [Theory]
    [InlineData(false, RequestState.Satisfied)]
    [InlineData(true, RequestState.PartialReply)]
    public void Events_of_the_same_day_keep_the_order_they_were_entered_in(bool reversed, RequestState expected)
    {
        var refusing = Reply("2019-09-20", DocumentOutcome.Refused(1, RefusalGround.Preparatory), DocumentOutcome.Received(2));
        var correcting = Reply("2019-09-20", DocumentOutcome.Received(1));
        RequestEvent[] replies = reversed ? [correcting, refusing] : [refusing, correcting];

        Assert.Equal(expected, Analyse("2019-09-25", [.. Request2019(), .. replies]).State);
    }

    [Fact]
    public void Deadlines_are_listed_by_date_and_marked_past_or_upcoming()
    {
        var analysis = Analyse("2019-11-25", [.. Referred2019(), Opinion("2019-11-18")]);

        Assert.Equal(analysis.Deadlines.OrderBy(d => d.Date).Select(d => d.Kind), analysis.Deadlines.Select(d => d.Kind));
        Assert.True(analysis.Deadline(DeadlineKind.ImpliedRefusal).IsPast);
        Assert.True(analysis.Deadline(DeadlineKind.CadaOpinionExpected).IsPast);
        Assert.False(analysis.Deadline(DeadlineKind.ConfirmedRefusal).IsPast);
    }

    [Fact]
    public void Events_dated_after_today_are_flagged() =>
        Assert.Contains(WarningKind.EventInFuture, Analyse("2019-09-10", [.. Request2019(), Referral("2019-10-15")]).WarningKinds());
}
