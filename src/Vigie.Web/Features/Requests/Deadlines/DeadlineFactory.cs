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
        var legalEnd = MonthArithmetic.MonthsAfter(from.Date, rule.Months);
        var date = rule.MovesToWorkingDay ? FrenchHolidays.NextWorkingDay(legalEnd, departmentCode) : legalEnd;
        DateOnly? movedFrom = date == legalEnd ? null : legalEnd;
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
            NeedsCovidCheck = needsCovidCheck,
            Explanation = DeadlineExplanations.Compose(
                rule, date, from, movedFrom, movedBecause, routes is null ? rule.Remark : reason, note, needsCovidCheck),
        };
    }

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
