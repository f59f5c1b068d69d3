using System.Globalization;

namespace Vigie.Web.Features.Requests.Deadlines;

// Dates as French prose writes them: "2 octobre 2019", "1er octobre 2019", "samedi 1er mars 2025".
public static class FrenchDates
{
    static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Long(DateOnly date) => $"{Day(date)} {date.ToString("MMMM yyyy", French)}";

    public static string WithoutYear(DateOnly date) => $"{Day(date)} {date.ToString("MMMM", French)}";

    public static string WithWeekday(DateOnly date) => $"{date.ToString("dddd", French)} {Long(date)}";

    // "après réception le 2 septembre" when the year is that of the date it leads to, as one would say it.
    public static string Relative(DateOnly date, DateOnly reference) =>
        date.Year == reference.Year ? WithoutYear(date) : Long(date);

    static string Day(DateOnly date) => date.Day == 1 ? "1er" : date.Day.ToString(French);
}
