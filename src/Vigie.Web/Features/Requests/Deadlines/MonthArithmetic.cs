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

    // A délai franc counts neither its first day nor its last (CE, 19 September 2014, n° 362568): it ends on the day
    // after the one bearing the same date, so two months from 15 March end on 16 May, and from 31 December on 1 March.
    public static DateOnly FrancMonthsAfter(DateOnly start, int months) => MonthsAfter(start, months).AddDays(1);

    // The other reading found in practice at month ends: count the months from the day after the start. It differs
    // when the month reached is shorter (from 30 December: 28 or 29 February instead of 1 March), and is then earlier.
    public static DateOnly MonthsAfterNextDay(DateOnly start, int months) => MonthsAfter(start.AddDays(1), months);
}
