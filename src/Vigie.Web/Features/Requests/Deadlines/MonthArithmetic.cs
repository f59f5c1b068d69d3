namespace Vigie.Web.Features.Requests.Deadlines;

public static class MonthArithmetic
{
    // A period of months runs "de quantième à quantième": one month from 2 September ends on 2 October. When the
    // month reached has no such day, the period ends on its last day: one month from 31 January ends on 28 February
    // (29 in a leap year), one month from 31 March on 30 April. DateOnly.AddMonths clamps exactly so; we always count
    // from the starting date, never month by month, so two months from 31 December end on 28 or 29 February.
    public static DateOnly MonthsAfter(DateOnly start, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return start.AddMonths(months);
    }
}
