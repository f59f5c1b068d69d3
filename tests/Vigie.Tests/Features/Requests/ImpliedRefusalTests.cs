using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class ImpliedRefusalTests
{
    [Theory]
    [InlineData("2019-09-02", "2019-10-02")]
    [InlineData("2019-01-31", "2019-02-28")]
    [InlineData("2020-01-31", "2020-02-29")]
    [InlineData("2024-01-31", "2024-02-29")]
    [InlineData("2019-03-31", "2019-04-30")]
    [InlineData("2023-12-31", "2024-01-31")]
    public void Implied_refusal_one_month_after_receipt(string receipt, string expected)
    {
        var analysis = Analyse(receipt, Sent(receipt), Received(receipt));

        var impliedRefusal = analysis.Deadline(DeadlineKind.ImpliedRefusal);
        Assert.Equal(D(expected), impliedRefusal.Date);
        Assert.False(impliedRefusal.IsEstimate);
        Assert.Equal("art. R311-13 CRPA", impliedRefusal.Article);
        Assert.Contains("R311-12", impliedRefusal.Rule);
    }

    [Fact]
    public void Receipt_date_is_preferred_to_the_sending_date()
    {
        var analysis = Analyse("2019-09-10", Request2019());

        Assert.Equal(D("2019-10-02"), analysis.Deadline(DeadlineKind.ImpliedRefusal).Date);
        Assert.Equal("réception le 2 septembre 2019", analysis.Deadline(DeadlineKind.ImpliedRefusal).From.Describe());
    }

    [Fact]
    public void Without_receipt_date_the_implied_refusal_counts_from_sending_as_an_estimate()
    {
        var analysis = Analyse("2019-09-10", Sent("2019-09-02"));

        var impliedRefusal = analysis.Deadline(DeadlineKind.ImpliedRefusal);
        Assert.Equal(D("2019-10-02"), impliedRefusal.Date);
        Assert.True(impliedRefusal.IsEstimate);
        Assert.Contains(WarningKind.ReceiptDateUnknown, analysis.WarningKinds());
    }

    [Fact]
    public void An_estimated_implied_refusal_makes_the_referral_window_an_estimate_too()
    {
        var analysis = Analyse("2019-10-10", Sent("2019-09-02"));

        Assert.True(analysis.Deadline(DeadlineKind.ReferralDue).IsEstimate);
    }

    [Fact]
    public void Implied_refusal_is_born_on_a_weekend_without_moving()
    {
        var analysis = Analyse("2025-02-05", Sent("2025-01-30"), Received("2025-02-01"));

        var impliedRefusal = analysis.Deadline(DeadlineKind.ImpliedRefusal);
        Assert.Equal(D("2025-03-01"), impliedRefusal.Date);
        Assert.Null(impliedRefusal.MovedFrom);
    }

    [Fact]
    public void A_reminder_changes_no_deadline()
    {
        var analysis = Analyse("2019-09-25", [.. Request2019(), Reminder("2019-09-20")]);

        Assert.Equal(RequestState.Sent, analysis.State);
        Assert.Equal(D("2019-10-02"), analysis.Deadline(DeadlineKind.ImpliedRefusal).Date);
    }

    [Fact]
    public void A_holding_reply_keeps_the_silence_running()
    {
        var analysis = Analyse(
            "2019-10-10",
            [.. Request2019(), Reply("2019-09-15", DocumentOutcome.NotAnswered(1), DocumentOutcome.NotAnswered(2))]);

        Assert.Equal(RequestState.ImpliedRefusal, analysis.State);
        Assert.Equal(D("2019-10-02"), analysis.Deadline(DeadlineKind.ImpliedRefusal).Date);
    }

    [Fact]
    public void A_written_refusal_before_the_month_replaces_the_implied_refusal()
    {
        var analysis = Analyse("2019-09-25", [.. Request2019(), Refusal("2019-09-20")]);

        Assert.Null(analysis.Find(DeadlineKind.ImpliedRefusal));
        Assert.Equal(D("2019-11-20"), analysis.Deadline(DeadlineKind.ReferralDue).Date);
    }
}
