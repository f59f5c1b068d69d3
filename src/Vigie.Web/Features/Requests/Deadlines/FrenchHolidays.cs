namespace Vigie.Web.Features.Requests.Deadlines;

// Public holidays of Code du travail L3133-1, plus the two that the local law of Moselle, Bas-Rhin and Haut-Rhin
// adds (L3134-13). That article limits Good Friday to communes with a Protestant or mixed church; like the design
// notes, we apply it to the three departments as a whole.
public static class FrenchHolidays
{
    static readonly string[] AlsaceMoselle = ["57", "67", "68"];

    public static bool IsHoliday(DateOnly date, string departmentCode) => HolidayName(date, departmentCode) is not null;

    public static bool IsWorkingDay(DateOnly date, string departmentCode) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date, departmentCode);

    // The given day when it is a working day, else the first working day after it.
    public static DateOnly NextWorkingDay(DateOnly date, string departmentCode)
    {
        while (!IsWorkingDay(date, departmentCode))
            date = date.AddDays(1);
        return date;
    }

    public static string? HolidayName(DateOnly date, string departmentCode)
    {
        ArgumentNullException.ThrowIfNull(departmentCode);
        var daysAfterEaster = date.DayNumber - EasterSunday(date.Year).DayNumber;
        var national = (date.Month, date.Day) switch
        {
            (1, 1) => "jour de l'an",
            (5, 1) => "fête du Travail",
            (5, 8) => "victoire de 1945",
            (7, 14) => "fête nationale",
            (8, 15) => "Assomption",
            (11, 1) => "Toussaint",
            (11, 11) => "armistice de 1918",
            (12, 25) => "Noël",
            _ => daysAfterEaster switch
            {
                1 => "lundi de Pâques",
                39 => "Ascension",
                50 => "lundi de Pentecôte",
                _ => null,
            },
        };
        if (national is not null || !AlsaceMoselle.Contains(departmentCode.Trim()))
            return national;
        return daysAfterEaster == -2 ? "Vendredi saint"
            : (date.Month, date.Day) == (12, 26) ? "Saint-Étienne"
            : null;
    }

    // Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8), valid for every Gregorian year.
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int monthAndDay = h + l - 7 * m + 114;
        return new DateOnly(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }
}
