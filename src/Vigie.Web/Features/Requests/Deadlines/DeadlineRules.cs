namespace Vigie.Web.Features.Requests.Deadlines;

// One legal period: its length, whether it ends on a working day, and how the French explanation names it.
// InformationalReason is set for the dates that bind the body or the CADA rather than the requester.
internal sealed record DeadlineRule(
    DeadlineKind Kind,
    int Months,
    bool MovesToWorkingDay,
    string Rule,
    string Article,
    string Headline,
    string Span,
    string? InformationalReason = null,
    string? Remark = null)
{
    // A délai franc: neither the starting day nor the day of expiry counts (CE, 19 September 2014, n° 362568).
    public bool IsFranc { get; init; }

    // How the days are counted, as the explanation says it.
    public string? Counting { get; init; }

    // The authority for moving the last day off a weekend or holiday, when there is one to cite.
    public string? MoveBasis { get; init; }
}

// Implicit decisions (the implied and the confirmed refusal) are born on the day the silence ends, weekend or not;
// only periods within which someone must act are extended to the next working day.
internal static class DeadlineRules
{
    // CRPA R311-12: silence is refusal; R311-13: after one month from receipt.
    public static readonly DeadlineRule ImpliedRefusal = new(
        DeadlineKind.ImpliedRefusal, 1, false,
        "Le silence gardé pendant un mois par l'administration vaut refus (art. R311-12 et R311-13 CRPA).",
        "art. R311-13 CRPA", "Refus implicite le", "un mois sans réponse",
        InformationalReason: "Naissance du refus, fixée par la loi : elle ouvre le délai de saisine de la CADA.");

    const string FrancCaseLaw = "CE, 19 septembre 2014, n° 362568";

    // CRPA R343-1: two months from the refusal to refer it to the CADA; L342-1: the referral comes before any court case.
    // Not a délai franc: n° 362568 makes franc only the optional administrative appeals, read as the court window; the
    // referral is a mandatory prior appeal. We keep the earlier, non-franc, end.
    public static readonly DeadlineRule ReferralDue = new(
        DeadlineKind.ReferralDue, 2, true,
        "La CADA doit être saisie dans les deux mois du refus, préalable obligatoire à tout recours contentieux "
        + "(art. R343-1 et L342-1 CRPA).",
        "art. R343-1 CRPA", "Saisine de la CADA avant le", "deux mois")
    {
        Counting = "Délai non franc : il expire le jour qui porte le même quantième deux mois plus tard ; la règle du "
            + $"délai franc ({FrancCaseLaw}) ne vise que les recours administratifs facultatifs, et la saisine de la CADA "
            + "est un recours préalable obligatoire.",
    };

    // CRPA R343-3: the opinion within one month of registration; an overrun has no legal effect.
    public static readonly DeadlineRule CadaOpinionExpected = new(
        DeadlineKind.CadaOpinionExpected, 1, true,
        "La CADA rend son avis dans le mois qui suit l'enregistrement de la saisine ; le dépassement est sans effet "
        + "juridique (art. R343-3 CRPA).",
        "art. R343-3 CRPA", "Avis de la CADA attendu vers le", "un mois",
        InformationalReason: "Délai imparti à la CADA, dont le dépassement est sans effet juridique.",
        Remark: "Son dépassement est sans effet juridique.");

    // CRPA R343-3: the body tells the CADA its decision within one month of receiving the opinion.
    public static readonly DeadlineRule BodyDecisionAfterOpinion = new(
        DeadlineKind.BodyDecisionAfterOpinion, 1, true,
        "L'administration informe la CADA de sa décision dans le mois qui suit la réception de l'avis (art. R343-3 CRPA).",
        "art. R343-3 CRPA", "Décision de l'administration attendue avant le", "un mois",
        InformationalReason: "Délai imparti à l'administration ; il ne vous impose aucune démarche.");

    // CRPA R343-4 or R343-5 (to verify on the official text): two months of silence from the registration of the
    // referral, not from the opinion, confirm the refusal.
    public static readonly DeadlineRule ConfirmedRefusal = new(
        DeadlineKind.ConfirmedRefusal, 2, false,
        "Le silence gardé par l'administration deux mois après l'enregistrement de la saisine vaut confirmation du "
        + "refus (art. R343-4 ou R343-5 CRPA) (à vérifier).",
        "art. R343-4 ou R343-5 CRPA, à vérifier", "Refus confirmé le", "deux mois sans décision",
        InformationalReason: "Naissance du refus confirmé, fixée par la loi : elle ouvre le délai de recours.");

    // CJA R421-1: two months to bring the case; R421-2: the same from an implied decision, and a written decision
    // inside that time makes it run again; R421-5: only if the decision stated the appeal routes. A délai franc, whose
    // last day moves to the next working day (CE, 19 September 2014, n° 362568).
    public static readonly DeadlineRule CourtDue = new(
        DeadlineKind.CourtDue, 2, true,
        "Le tribunal administratif peut être saisi dans les deux mois de la décision de refus, délai franc "
        + "(art. R421-1, R421-2 et R421-5 CJA).",
        "art. R421-1 et R421-2 CJA", "Recours devant le tribunal administratif avant le", "deux mois")
    {
        IsFranc = true,
        Counting = "Délai franc : ni le jour de la décision ni celui de l'échéance ne comptent, le dernier jour est donc "
            + $"le lendemain du jour qui porte le même quantième deux mois plus tard ({FrancCaseLaw}).",
        MoveBasis = FrancCaseLaw,
    };
}
