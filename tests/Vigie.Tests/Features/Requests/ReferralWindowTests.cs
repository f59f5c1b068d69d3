using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class ReferralWindowTests
{
    [Theory]
    [InlineData("2019-09-02", "2019-12-02", null)]
    [InlineData("2021-04-14", "2021-07-15", "2021-07-14")]
    [InlineData("2025-01-21", "2025-04-22", "2025-04-21")]
    [InlineData("2024-01-31", "2024-04-29", null)]
    public void Referral_due_two_months_after_the_implied_refusal(string receipt, string expected, string? movedFrom)
    {
        var today = D(receipt).AddMonths(1).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var referralDue = Analyse(today, Sent(receipt), Received(receipt)).Deadline(DeadlineKind.ReferralDue);

        Assert.Equal(D(expected), referralDue.Date);
        Assert.Equal(movedFrom is null ? null : D(movedFrom), referralDue.MovedFrom);
        Assert.Equal("art. R343-1 CRPA", referralDue.Article);
    }

    [Theory]
    [InlineData("78", "2019-12-31", "2020-03-02", "2020-02-29")]
    [InlineData("78", "2022-12-31", "2023-02-28", null)]
    [InlineData("78", "2019-10-01", "2019-12-02", "2019-12-01")]
    [InlineData("78", "2025-03-29", "2025-05-30", "2025-05-29")]
    [InlineData("78", "2025-04-09", "2025-06-10", "2025-06-09")]
    [InlineData("78", "2025-03-08", "2025-05-09", "2025-05-08")]
    [InlineData("57", "2025-02-18", "2025-04-22", "2025-04-18")]
    [InlineData("67", "2025-02-18", "2025-04-22", "2025-04-18")]
    [InlineData("78", "2025-02-18", "2025-04-18", null)]
    [InlineData("2A", "2025-02-18", "2025-04-18", null)]
    [InlineData("68", "2024-10-26", "2024-12-27", "2024-12-26")]
    [InlineData("78", "2024-10-26", "2024-12-26", null)]
    [InlineData("971", "2024-10-26", "2024-12-26", null)]
    public void Referral_due_two_months_after_a_written_refusal_on_a_working_day(
        string department, string refusal, string expected, string? movedFrom)
    {
        var referralDue = AnalyseIn(department, refusal, Sent(refusal), Refusal(refusal, statesRoutes: true))
            .Deadline(DeadlineKind.ReferralDue);

        Assert.Equal(D(expected), referralDue.Date);
        Assert.Equal(movedFrom is null ? null : D(movedFrom), referralDue.MovedFrom);
        Assert.Equal(movedFrom is not null, referralDue.WasMoved);
    }

    [Theory]
    [InlineData("2019-11-15", "2020-01-15")]
    [InlineData("2019-12-02", "2020-02-03")]
    public void Written_refusal_inside_the_window_restarts_it(string refusal, string expected)
    {
        var analysis = Analyse(refusal, [.. Request2019(acknowledgementStatesRoutes: true), Refusal(refusal, statesRoutes: true)]);

        var referralDue = analysis.Deadline(DeadlineKind.ReferralDue);
        Assert.Equal(D(expected), referralDue.Date);
        Assert.Equal(D(refusal), referralDue.From.Date);
        Assert.Contains("fait courir un nouveau délai", referralDue.Explanation);
        Assert.Equal(RequestState.ReferralDue, analysis.State);
    }

    [Fact]
    public void Written_refusal_after_the_window_only_confirms_and_does_not_reopen_it()
    {
        var analysis = Analyse(
            "2019-12-11", [.. Request2019(acknowledgementStatesRoutes: true), Refusal("2019-12-10", statesRoutes: true)]);

        Assert.Equal(D("2019-12-02"), analysis.Deadline(DeadlineKind.ReferralDue).Date);
        Assert.Contains(WarningKind.ConfirmatoryRefusal, analysis.WarningKinds());
        Assert.Equal(ClosingOutcome.TimeBarred, analysis.ClosingOutcome);
    }

    [Theory]
    [InlineData("2019-12-02", RequestState.ReferralDue, null)]
    [InlineData("2019-12-03", RequestState.Closed, ClosingOutcome.TimeBarred)]
    public void Enforceable_window_time_bars_the_request_the_day_after_it_ends(
        string today, RequestState state, ClosingOutcome? outcome)
    {
        var analysis = Analyse(today, Request2019(acknowledgementStatesRoutes: true));

        Assert.Equal(state, analysis.State);
        Assert.Equal(outcome, analysis.ClosingOutcome);
    }

    [Theory]
    [InlineData("2020-10-02", RequestState.ImpliedRefusal, null)]
    [InlineData("2020-10-03", RequestState.Closed, ClosingOutcome.TimeBarred)]
    public void Indicative_window_stays_open_for_the_reasonable_time_of_one_year(
        string today, RequestState state, ClosingOutcome? outcome)
    {
        var analysis = Analyse(today, Request2019(acknowledgementStatesRoutes: false));

        Assert.Equal(state, analysis.State);
        Assert.Equal(outcome, analysis.ClosingOutcome);
    }

    [Fact]
    public void Time_barred_request_with_some_documents_received_closes_as_partial()
    {
        var analysis = Analyse(
            "2020-09-21",
            [.. Request2019(), Reply("2019-09-20", DocumentOutcome.Received(1), DocumentOutcome.Refused(2, RefusalGround.BusinessSecret))]);

        Assert.Equal(ClosingOutcome.Partial, analysis.ClosingOutcome);
        Assert.Contains(WarningKind.ReferralWindowExpired, analysis.WarningKinds());
        Assert.NotEmpty(analysis.Deadlines);
    }

    [Theory]
    [InlineData(DocumentStatus.NotAnswered)]
    [InlineData(DocumentStatus.Refused)]
    public void Partial_reply_is_a_partial_refusal_that_opens_the_referral_window(DocumentStatus secondDocument)
    {
        var analysis = Analyse(
            "2019-09-25",
            [.. Request2019(), Reply("2019-09-20", DocumentOutcome.Redacted(1), new DocumentOutcome(2, secondDocument, RefusalGround.Other))]);

        Assert.Equal(RequestState.PartialReply, analysis.State);
        Assert.Equal(D("2019-11-20"), analysis.Deadline(DeadlineKind.ReferralDue).Date);
        Assert.Equal("la réponse partielle", analysis.Deadline(DeadlineKind.ReferralDue).From.Event);
    }

    [Fact]
    public void Premature_referral_is_flagged_with_the_date_to_refer_again()
    {
        var analysis = Analyse("2019-09-25", [.. Request2019(), Referral("2019-09-20")]);

        Assert.Contains(WarningKind.PrematureReferral, analysis.WarningKinds());
        Assert.Equal(RequestState.Sent, analysis.State);
        Assert.Equal(
            "Saisir de nouveau la CADA à partir du 2 octobre 2019 : la saisine du 20 septembre 2019 était prématurée.",
            analysis.NextAction);
    }

    [Fact]
    public void A_new_referral_after_the_silence_replaces_a_premature_one()
    {
        var analysis = Analyse("2019-10-10", [.. Request2019(), Referral("2019-09-20"), Referral("2019-10-03")]);

        Assert.DoesNotContain(WarningKind.PrematureReferral, analysis.WarningKinds());
        Assert.Equal(D("2019-10-03"), analysis.Deadline(DeadlineKind.ReferralDue).MetOn);
    }

    [Theory]
    [InlineData("2019-10-02", false)]
    [InlineData("2019-09-20", true)]
    public void Referral_is_not_premature_once_the_silence_has_run_or_a_refusal_was_written(
        string referral, bool afterWrittenRefusal)
    {
        RequestEvent[] events = afterWrittenRefusal
            ? [.. Request2019(), Refusal("2019-09-15"), Referral(referral)]
            : [.. Request2019(), Referral(referral)];

        var analysis = Analyse("2019-10-10", events);

        Assert.DoesNotContain(WarningKind.PrematureReferral, analysis.WarningKinds());
        Assert.Equal(D(referral), analysis.Deadline(DeadlineKind.ReferralDue).MetOn);
    }

    [Fact]
    public void Referral_after_an_enforceable_window_is_flagged_as_late()
    {
        var analysis = Analyse("2019-12-10", [.. Request2019(acknowledgementStatesRoutes: true), Referral("2019-12-05")]);

        Assert.Contains(WarningKind.LateReferral, analysis.WarningKinds());
        Assert.Equal(RequestState.ReferredToCada, analysis.State);
    }
}
