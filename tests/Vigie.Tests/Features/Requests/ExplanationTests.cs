using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class ExplanationTests
{
    [Fact]
    public void Implied_refusal_is_explained_from_the_receipt_date() =>
        Assert.Equal(
            "Refus implicite le 2 octobre 2019 : un mois sans réponse après réception le 2 septembre (art. R311-13 CRPA).",
            Analyse("2019-10-10", Request2019()).Deadline(DeadlineKind.ImpliedRefusal).Explanation);

    [Fact]
    public void First_day_of_a_month_is_written_1er() =>
        Assert.Equal(
            "Refus implicite le 1er octobre 2019 : un mois sans réponse après réception le 1er septembre (art. R311-13 CRPA).",
            Analyse("2019-09-05", Sent("2019-08-29"), Received("2019-09-01")).Deadline(DeadlineKind.ImpliedRefusal).Explanation);

    [Fact]
    public void Estimated_implied_refusal_says_the_receipt_date_is_unknown() =>
        Assert.Equal(
            "Refus implicite le 2 octobre 2019 (estimation) : un mois sans réponse après l'envoi le 2 septembre, date de "
            + "réception inconnue (art. R311-13 CRPA).",
            Analyse("2019-09-10", Sent("2019-09-02")).Deadline(DeadlineKind.ImpliedRefusal).Explanation);

    [Fact]
    public void Enforceable_referral_deadline_says_why_it_binds() =>
        Assert.Equal(
            "Saisine de la CADA avant le 2 décembre 2019 : deux mois après la naissance du refus implicite le 2 octobre "
            + "(art. R343-1 CRPA). "
            + "Délai non franc : il expire le jour qui porte le même quantième deux mois plus tard ; la règle du délai franc "
            + "(CE, 19 septembre 2014, n° 362568) ne vise que les recours administratifs facultatifs, et la saisine de la "
            + "CADA est un recours préalable obligatoire. Délai opposable : l'accusé de réception mentionnait les voies et délais de recours "
            + "(art. L112-6 CRPA et R421-5 CJA).",
            Analyse("2019-10-10", Request2019(acknowledgementStatesRoutes: true)).Deadline(DeadlineKind.ReferralDue).Explanation);

    [Fact]
    public void Indicative_referral_deadline_gives_the_reasonable_time() =>
        Assert.Equal(
            "Saisine de la CADA avant le 2 décembre 2019 : deux mois après la naissance du refus implicite le 2 octobre "
            + "(art. R343-1 CRPA). "
            + "Délai non franc : il expire le jour qui porte le même quantième deux mois plus tard ; la règle du délai franc "
            + "(CE, 19 septembre 2014, n° 362568) ne vise que les recours administratifs facultatifs, et la saisine de la "
            + "CADA est un recours préalable obligatoire. Délai indicatif : l'accusé de réception ne mentionnait pas les voies et délais de recours "
            + "(art. L112-6 CRPA et R421-5 CJA) ; seul s'applique le délai raisonnable d'un an (CE, 13 juillet 2016, "
            + "Czabaj, n° 387763), soit jusqu'au 2 octobre 2020.",
            Analyse("2019-10-10", Request2019(acknowledgementStatesRoutes: false)).Deadline(DeadlineKind.ReferralDue).Explanation);

    [Fact]
    public void Deadline_moved_off_a_holiday_names_the_holiday() =>
        Assert.Equal(
            "Saisine de la CADA avant le 22 avril 2025 : deux mois après la notification du refus écrit le 21 février "
            + "(art. R343-1 CRPA). "
            + "Délai non franc : il expire le jour qui porte le même quantième deux mois plus tard ; la règle du délai franc "
            + "(CE, 19 septembre 2014, n° 362568) ne vise que les recours administratifs facultatifs, et la saisine de la "
            + "CADA est un recours préalable obligatoire. Échéance du lundi 21 avril 2025 reportée au premier jour ouvré (jour férié : lundi de "
            + "Pâques). Délai opposable : le refus écrit du 21 février 2025 mentionnait les voies et délais de recours "
            + "(art. L112-6 CRPA et R421-5 CJA).",
            Analyse("2025-02-21", Sent("2025-02-10"), Refusal("2025-02-21", statesRoutes: true))
                .Deadline(DeadlineKind.ReferralDue).Explanation);

    [Fact]
    public void Deadline_moved_off_a_weekend_across_a_year_keeps_the_starting_year() =>
        Assert.Equal(
            "Saisine de la CADA avant le 2 mars 2020 : deux mois après la notification du refus écrit le 31 décembre 2019 "
            + "(art. R343-1 CRPA). "
            + "Délai non franc : il expire le jour qui porte le même quantième deux mois plus tard ; la règle du délai franc "
            + "(CE, 19 septembre 2014, n° 362568) ne vise que les recours administratifs facultatifs, et la saisine de la "
            + "CADA est un recours préalable obligatoire. Échéance du samedi 29 février 2020 reportée au premier jour ouvré (week-end). Délai "
            + "opposable : le refus écrit du 31 décembre 2019 mentionnait les voies et délais de recours "
            + "(art. L112-6 CRPA et R421-5 CJA).",
            Analyse("2019-12-31", Sent("2019-12-20"), Refusal("2019-12-31", statesRoutes: true))
                .Deadline(DeadlineKind.ReferralDue).Explanation);

    [Fact]
    public void Cada_opinion_expected_says_an_overrun_has_no_legal_effect() =>
        Assert.Equal(
            "Avis de la CADA attendu vers le 20 novembre 2019 : un mois après l'enregistrement de la saisine le 20 octobre "
            + "(art. R343-3 CRPA). Son dépassement est sans effet juridique.",
            Analyse("2019-10-25", Referred2019()).Deadline(DeadlineKind.CadaOpinionExpected).Explanation);

    [Fact]
    public void Confirmed_refusal_keeps_its_article_to_verify() =>
        Assert.Equal(
            "Refus confirmé le 20 décembre 2019 : deux mois sans décision après l'enregistrement de la saisine le 20 octobre "
            + "(art. R343-4 ou R343-5 CRPA, à vérifier).",
            Analyse("2019-10-25", Referred2019()).Deadline(DeadlineKind.ConfirmedRefusal).Explanation);

    [Fact]
    public void Court_deadline_counts_from_the_confirmed_refusal() =>
        Assert.Equal(
            "Recours devant le tribunal administratif avant le 21 février 2020 : deux mois après le refus confirmé le "
            + "20 décembre 2019 (art. R421-1 et R421-2 CJA). Délai franc : ni le jour de la décision ni celui de l'échéance "
            + "ne comptent, le dernier jour est donc le lendemain du jour qui porte le même quantième deux mois plus tard "
            + "(CE, 19 septembre 2014, n° 362568). Délai opposable : l'accusé de réception mentionnait les voies "
            + "et délais de recours (art. L112-6 CRPA et R421-5 CJA).",
            Analyse("2019-12-21", Referred2019()).Deadline(DeadlineKind.CourtDue).Explanation);

    [Fact]
    public void Every_computed_date_has_an_explanation_naming_its_article()
    {
        var analysis = Analyse("2019-12-21", [.. Referred2019(), Opinion("2019-11-18")]);

        Assert.Equal(6, analysis.Deadlines.Count);
        Assert.All(analysis.Deadlines, d => Assert.Contains($"({d.Article})", d.Explanation));
        Assert.All(analysis.Deadlines, d => Assert.Contains(FrenchDates.Long(d.Date), d.Explanation));
    }
}
