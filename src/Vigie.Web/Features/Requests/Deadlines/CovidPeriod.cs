namespace Vigie.Web.Features.Requests.Deadlines;

// Ordinance n° 2020-306 (as amended by n° 2020-560) suspended or extended deadlines running between 12 March and
// 23 June 2020, with effects that depend on the kind of deadline: such deadlines are flagged for a person to check.
public static class CovidPeriod
{
    public static readonly DateOnly Start = new(2020, 3, 12);
    public static readonly DateOnly End = new(2020, 6, 23);

    public static bool Overlaps(DateOnly from, DateOnly to) => from <= End && to >= Start;
}
