using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

// The forms refuse impossible dates; the engine still meets them in imported or older data and says so.
public class ImpossibleDatesTests
{
    [Fact]
    public void Events_dated_after_today_are_not_applied()
    {
        var analysis = Analyse("2019-09-10", [.. Request2019(), Referral("2019-10-15"), Registered("2019-10-20")]);

        Assert.Equal(RequestState.Sent, analysis.State);
        Assert.Null(analysis.Find(DeadlineKind.CadaOpinionExpected));
        Assert.Equal(
            "Événement « Saisine de la CADA envoyée » daté du 15 octobre 2019, après la date du jour : il n'est pas pris en compte.",
            analysis.Warnings.First(w => w.Kind == WarningKind.EventInFuture).Message);
    }

    [Fact]
    public void A_sending_dated_after_today_leaves_a_draft()
    {
        var analysis = Analyse("2019-09-10", Sent("2019-09-20"));

        Assert.Equal(RequestState.Draft, analysis.State);
        Assert.Contains(WarningKind.EventInFuture, analysis.WarningKinds());
    }

    [Fact]
    public void A_reply_before_the_receipt_is_flagged_as_impossible()
    {
        var analysis = Analyse(
            "2019-10-10",
            Sent("2019-08-30"), Received("2019-09-10"), Reply("2019-09-05", DocumentOutcome.Received(1), DocumentOutcome.Received(2)));

        Assert.Equal(
            "Événement « Réponse de l'administration » daté du 5 septembre 2019, avant la réception de la demande le "
            + "10 septembre 2019 : l'une des deux dates est erronée.",
            analysis.Warnings.Single(w => w.Kind == WarningKind.EventBeforeReceipt).Message);
    }

    [Fact]
    public void Warnings_about_dates_agree_whatever_the_gender_of_the_event()
    {
        var analysis = Analyse("2019-10-10", [.. Request2019(), Referral("2019-08-20"), Reminder("2019-08-01"), Withdrawn("2019-10-05"), Reply("2019-10-06")]);

        Assert.Contains(
            "Événement « Saisine de la CADA envoyée » daté du 20 août 2019, avant l'envoi de la demande.",
            analysis.Warnings.Select(w => w.Message));
        Assert.Contains(
            "Événement « Réponse de l'administration » daté du 6 octobre 2019, postérieur à la clôture : il est ignoré.",
            analysis.Warnings.Select(w => w.Message));
        Assert.DoesNotContain(analysis.Warnings, w => w.Message.Contains("envoyée daté", StringComparison.Ordinal));
    }
}
