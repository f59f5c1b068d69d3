using System.Globalization;
using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

// The court window (CJA R421-1) is a délai franc: neither the day of the decision nor the day of expiry counts, so the
// last day is the day after the one bearing the same date two months later, then the next working day
// (CE, 19 September 2014, n° 362568).
public class CourtWindowTests
{
    // A request whose refusal after the CADA's opinion is notified on the given day, with the appeal routes stated.
    static RequestAnalysis RefusedAfterOpinionOn(string department, string decision)
    {
        var day = D(decision);
        string Before(int days) => day.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return AnalyseIn(
            department, decision,
            Sent(Before(90)), Received(Before(88), statesRoutes: true), Referral(Before(40)), Registered(Before(35)),
            Opinion(Before(5)), Decision(decision, BodyDecision.Refuses, statesRoutes: true));
    }

    [Theory]
    // 15 March: the two months end on 15 May, a day not counted, so the last day is 16 May.
    [InlineData("78", "2024-03-15", "2024-05-16", null, null)]
    [InlineData("78", "2025-01-03", "2025-03-04", null, null)]
    // Month ends: the same date two months later, or the last day of a shorter month, then one day more.
    [InlineData("78", "2022-12-31", "2023-03-01", null, null)]
    [InlineData("78", "2021-06-30", "2021-08-31", null, null)]
    [InlineData("78", "2021-11-30", "2022-01-31", null, null)]
    // 29 and 30 December: counted from the next day, February has no 30 or 31; the earlier reading is given as advice.
    [InlineData("78", "2022-12-29", "2023-03-01", null, "2023-02-28")]
    [InlineData("78", "2023-12-30", "2024-03-01", null, "2024-02-29")]
    [InlineData("78", "2023-12-29", "2024-03-01", null, "2024-02-29")]
    // Leap year and weekend: 31 December 2019 + two months = 29 February 2020, +1 = Sunday 1 March → Monday 2 March.
    [InlineData("78", "2019-12-31", "2020-03-02", "2020-03-01", null)]
    [InlineData("78", "2025-03-09", "2025-05-12", "2025-05-10", null)]
    // Holidays at the end: Toussaint, 8 May, Ascension, Good Friday and 26 December in Alsace-Moselle only.
    [InlineData("78", "2023-08-31", "2023-11-02", "2023-11-01", null)]
    [InlineData("78", "2025-03-07", "2025-05-09", "2025-05-08", null)]
    [InlineData("78", "2025-03-28", "2025-05-30", "2025-05-29", null)]
    [InlineData("57", "2025-02-17", "2025-04-22", "2025-04-18", null)]
    [InlineData("78", "2025-02-17", "2025-04-18", null, null)]
    [InlineData("68", "2024-10-25", "2024-12-27", "2024-12-26", null)]
    [InlineData("78", "2024-10-25", "2024-12-26", null, null)]
    public void Court_window_is_a_delai_franc_ending_on_a_working_day(
        string department, string decision, string lastDay, string? movedFrom, string? advice)
    {
        var courtDue = RefusedAfterOpinionOn(department, decision).Deadline(DeadlineKind.CourtDue);

        Assert.Equal(D(decision), courtDue.From.Date);
        Assert.Equal(D(lastDay), courtDue.Date);
        Assert.Equal(movedFrom is null ? null : D(movedFrom), courtDue.MovedFrom);
        Assert.Equal(advice is null ? null : D(advice), courtDue.AdviceDate);
    }

    [Fact]
    public void A_refusal_confirmed_on_15_march_can_be_taken_to_court_until_16_may()
    {
        // Registered on 15 January 2024: silence confirms the refusal on 15 March 2024.
        var analysis = Analyse(
            "2024-03-20",
            Sent("2023-11-02"), Received("2023-11-06", statesRoutes: true), Referral("2024-01-10"), Registered("2024-01-15"));

        Assert.Equal(D("2024-03-15"), analysis.Deadline(DeadlineKind.ConfirmedRefusal).Date);
        Assert.Equal(D("2024-05-16"), analysis.Deadline(DeadlineKind.CourtDue).Date);
        Assert.Equal("Saisir le tribunal administratif avant le 16 mai 2024.", analysis.NextAction);
        Assert.Equal(RequestState.CourtAppealPossible, Analyse(
            "2024-05-16", Sent("2023-11-02"), Received("2023-11-06", statesRoutes: true), Referral("2024-01-10"), Registered("2024-01-15")).State);
        Assert.Equal(ClosingOutcome.TimeBarred, Analyse(
            "2024-05-17", Sent("2023-11-02"), Received("2023-11-06", statesRoutes: true), Referral("2024-01-10"), Registered("2024-01-15")).ClosingOutcome);
    }

    [Fact]
    public void Court_explanation_says_the_window_is_franc_and_cites_the_case_law() =>
        Assert.Equal(
            "Recours devant le tribunal administratif avant le 16 mai 2024 : deux mois après la décision de refus après "
            + "l'avis le 15 mars (art. R421-1 et R421-2 CJA). Délai franc : ni le jour de la décision ni celui de l'échéance "
            + "ne comptent, le dernier jour est donc le lendemain du jour qui porte le même quantième deux mois plus tard "
            + "(CE, 19 septembre 2014, n° 362568). Délai opposable : la décision du 15 mars 2024 mentionnait les voies et "
            + "délais de recours (art. L112-6 CRPA et R421-5 CJA).",
            RefusedAfterOpinionOn("78", "2024-03-15").Deadline(DeadlineKind.CourtDue).Explanation);

    [Fact]
    public void Month_end_explanation_gives_the_earlier_date_as_advice_and_the_legal_last_day_as_the_rule()
    {
        var courtDue = RefusedAfterOpinionOn("78", "2023-12-30").Deadline(DeadlineKind.CourtDue);

        Assert.Contains("Recours devant le tribunal administratif avant le 1er mars 2024", courtDue.Explanation);
        Assert.Contains(
            "Par prudence, agir au plus tard le 29 février 2024 : en fin de mois, une autre lecture compte les deux mois "
            + "à partir du lendemain de la décision, ce qui avance l'échéance.",
            courtDue.Explanation);
    }

    [Fact]
    public void Court_deadline_moved_off_a_weekend_cites_the_rule_for_administrative_courts() =>
        Assert.Contains(
            "Échéance du dimanche 1er mars 2020 reportée au premier jour ouvré (week-end ; CE, 19 septembre 2014, n° 362568).",
            RefusedAfterOpinionOn("78", "2019-12-31").Deadline(DeadlineKind.CourtDue).Explanation);

    [Fact]
    public void Next_action_gives_the_advice_date_when_the_month_end_is_unsettled() =>
        Assert.Equal(
            "Saisir le tribunal administratif avant le 1er mars 2024 (par prudence, au plus tard le 29 février 2024).",
            RefusedAfterOpinionOn("78", "2023-12-30").NextAction);

    // The CADA referral window (R343-1 CRPA) is a mandatory prior appeal: the délai franc of n° 362568 covers only
    // optional appeals, so the window keeps ending on the same date two months later, moved off weekends and holidays.
    [Fact]
    public void Referral_window_is_not_franc_and_says_why()
    {
        var referralDue = Analyse("2019-09-20", Sent("2019-09-02"), Refusal("2019-09-20", statesRoutes: true))
            .Deadline(DeadlineKind.ReferralDue);

        Assert.Equal(D("2019-11-20"), referralDue.Date);
        Assert.Null(referralDue.AdviceDate);
        Assert.Contains(
            "Délai non franc : il expire le jour qui porte le même quantième deux mois plus tard ; la règle du délai franc "
            + "(CE, 19 septembre 2014, n° 362568) ne vise que les recours administratifs facultatifs, et la saisine de la "
            + "CADA est un recours préalable obligatoire.",
            referralDue.Explanation);
    }
}
