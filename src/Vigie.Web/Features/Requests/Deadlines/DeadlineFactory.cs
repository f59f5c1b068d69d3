namespace Vigie.Web.Features.Requests.Deadlines;

// Turns a legal period and its starting point into a dated, explained deadline for one body's department.
internal sealed class DeadlineFactory(string departmentCode)
{
    public Deadline ImpliedRefusal(StartingPoint from) => Build(DeadlineRules.ImpliedRefusal, from, routes: null);

    public Deadline ReferralDue(StartingPoint from, AppealRoutes routes, string? note = null) =>
        Build(DeadlineRules.ReferralDue, from, routes, note);

    public Deadline CadaOpinionExpected(StartingPoint from) => Build(DeadlineRules.CadaOpinionExpected, from, routes: null);

    public Deadline BodyDecisionAfterOpinion(StartingPoint from) =>
        Build(DeadlineRules.BodyDecisionAfterOpinion, from, routes: null);

    public Deadline ConfirmedRefusal(StartingPoint from) => Build(DeadlineRules.ConfirmedRefusal, from, routes: null);

    public Deadline CourtDue(StartingPoint from, AppealRoutes routes, string? note = null) =>
        Build(DeadlineRules.CourtDue, from, routes, note);

    // A later period counts from the day an implicit decision is born, with the doubts attached to that day.
    public static StartingPoint BirthOf(Deadline decision, string @event) => new(
        decision.Date,
        @event,
        decision.IsEstimate ? "date estimée" : null,
        decision.IsEstimate,
        decision.NeedsCovidCheck);

    Deadline Build(DeadlineRule rule, StartingPoint from, AppealRoutes? routes, string? note = null)
    {
        var legalEnd = rule.IsFranc
            ? MonthArithmetic.FrancMonthsAfter(from.Date, rule.Months)
            : MonthArithmetic.MonthsAfter(from.Date, rule.Months);
        var date = Settle(rule, legalEnd);
        DateOnly? movedFrom = date == legalEnd ? null : legalEnd;
        // Month ends of a délai franc are read two ways; the earlier end is given as advice, ours stays the rule.
        DateOnly? advice = rule.IsFranc && Settle(rule, MonthArithmetic.MonthsAfterNextDay(from.Date, rule.Months)) is var other
            && other < date ? other : null;
        var needsCovidCheck = from.NeedsCovidCheck || CovidPeriod.Overlaps(from.Date, date);
        var (enforceability, reason, limit) = Force(rule, from, routes);
        var movedBecause = movedFrom is { } day
            ? FrenchHolidays.HolidayName(day, departmentCode) is { } holiday ? $"jour férié : {holiday}" : "week-end"
            : null;
        return new Deadline
        {
            Kind = rule.Kind,
            Date = date,
            Rule = rule.Rule,
            Article = rule.Article,
            From = from,
            Enforceability = enforceability,
            EnforceabilityReason = reason,
            ReasonableTimeLimit = limit,
            MovedFrom = movedFrom,
            AdviceDate = advice,
            NeedsCovidCheck = needsCovidCheck,
            Explanation = DeadlineExplanations.Compose(
                rule, date, from, new Move(movedFrom, movedBecause), advice, routes is null ? rule.Remark : reason, note, needsCovidCheck),
        };
    }

    DateOnly Settle(DeadlineRule rule, DateOnly legalEnd) =>
        rule.MovesToWorkingDay ? FrenchHolidays.NextWorkingDay(legalEnd, departmentCode) : legalEnd;

    static (Enforceability, string, DateOnly?) Force(DeadlineRule rule, StartingPoint from, AppealRoutes? routes)
    {
        if (routes is null)
            return (Enforceability.Informational, rule.InformationalReason ?? "", null);
        if (routes.Stated)
            return (Enforceability.Enforceable, $"Délai opposable : {routes.Clause} (art. L112-6 CRPA et R421-5 CJA).", null);
        var limit = from.Date.AddYears(1);
        return (
            Enforceability.Indicative,
            $"Délai indicatif : {routes.Clause} (art. L112-6 CRPA et R421-5 CJA) ; seul s'applique le délai raisonnable "
            + $"d'un an (CE, 13 juillet 2016, Czabaj, n° 387763), soit jusqu'au {FrenchDates.Long(limit)}.",
            limit);
    }
}
