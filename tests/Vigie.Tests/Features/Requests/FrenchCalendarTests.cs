using Vigie.Web.Features.Requests.Deadlines;
using static Vigie.Tests.Features.Requests.Cada;

namespace Vigie.Tests.Features.Requests;

public class FrenchCalendarTests
{
    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(1818, "1818-03-22")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_sunday_follows_the_gregorian_computus(int year, string expected) =>
        Assert.Equal(D(expected), FrenchHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2025-01-01", "jour de l'an")]
    [InlineData("2025-04-21", "lundi de Pâques")]
    [InlineData("2025-05-01", "fête du Travail")]
    [InlineData("2025-05-08", "victoire de 1945")]
    [InlineData("2025-05-29", "Ascension")]
    [InlineData("2025-06-09", "lundi de Pentecôte")]
    [InlineData("2025-07-14", "fête nationale")]
    [InlineData("2025-08-15", "Assomption")]
    [InlineData("2025-11-01", "Toussaint")]
    [InlineData("2025-11-11", "armistice de 1918")]
    [InlineData("2025-12-25", "Noël")]
    [InlineData("2024-05-09", "Ascension")]
    [InlineData("2024-05-20", "lundi de Pentecôte")]
    public void National_holidays_are_named(string date, string name)
    {
        Assert.Equal(name, FrenchHolidays.HolidayName(D(date), "78"));
        Assert.True(FrenchHolidays.IsHoliday(D(date), "78"));
    }

    [Theory]
    [InlineData("2025-04-18", "57", true)]
    [InlineData("2025-04-18", "67", true)]
    [InlineData("2025-04-18", "68", true)]
    [InlineData("2025-04-18", "78", false)]
    [InlineData("2025-04-18", "2A", false)]
    [InlineData("2025-04-18", "971", false)]
    [InlineData("2024-12-26", "57", true)]
    [InlineData("2024-12-26", "78", false)]
    [InlineData("2025-04-20", "78", false)]
    [InlineData("2025-05-02", "57", false)]
    public void Good_friday_and_26_december_are_holidays_only_in_alsace_moselle(string date, string department, bool holiday) =>
        Assert.Equal(holiday, FrenchHolidays.IsHoliday(D(date), department));

    [Theory]
    [InlineData("2025-04-19", "78", false)]
    [InlineData("2025-04-20", "78", false)]
    [InlineData("2025-04-22", "78", true)]
    [InlineData("2025-04-18", "78", true)]
    [InlineData("2025-04-18", "57", false)]
    [InlineData("2024-12-26", "68", false)]
    public void Working_days_exclude_weekends_and_holidays(string date, string department, bool working) =>
        Assert.Equal(working, FrenchHolidays.IsWorkingDay(D(date), department));

    [Theory]
    [InlineData("2019-12-02", "78", "2019-12-02")]
    [InlineData("2019-12-01", "78", "2019-12-02")]
    [InlineData("2025-04-18", "57", "2025-04-22")]
    [InlineData("2025-04-18", "78", "2025-04-18")]
    [InlineData("2025-12-25", "57", "2025-12-29")]
    [InlineData("2025-12-25", "78", "2025-12-26")]
    public void Next_working_day_skips_weekends_and_holidays(string date, string department, string expected) =>
        Assert.Equal(D(expected), FrenchHolidays.NextWorkingDay(D(date), department));

    [Theory]
    [InlineData("2019-09-02", 1, "2019-10-02")]
    [InlineData("2019-01-31", 1, "2019-02-28")]
    [InlineData("2020-01-31", 1, "2020-02-29")]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2019-03-31", 1, "2019-04-30")]
    [InlineData("2019-12-31", 2, "2020-02-29")]
    [InlineData("2022-12-31", 2, "2023-02-28")]
    [InlineData("2019-08-31", 2, "2019-10-31")]
    [InlineData("2020-02-29", 12, "2021-02-28")]
    [InlineData("2000-01-31", 1, "2000-02-29")]
    [InlineData("2100-01-31", 1, "2100-02-28")]
    public void Months_run_to_the_same_day_or_the_last_day_of_a_shorter_month(string start, int months, string expected) =>
        Assert.Equal(D(expected), MonthArithmetic.MonthsAfter(D(start), months));

    [Fact]
    public void Negative_months_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthArithmetic.MonthsAfter(D("2019-01-31"), -1));

    [Theory]
    [InlineData("2019-10-02", "2 octobre 2019")]
    [InlineData("2019-10-01", "1er octobre 2019")]
    [InlineData("2025-08-15", "15 août 2025")]
    [InlineData("2019-12-02", "2 décembre 2019")]
    [InlineData("2020-02-29", "29 février 2020")]
    public void Dates_are_written_in_french_with_1er(string date, string expected) =>
        Assert.Equal(expected, FrenchDates.Long(D(date)));

    [Fact]
    public void Dates_can_carry_their_weekday() =>
        Assert.Equal("samedi 1er mars 2025", FrenchDates.WithWeekday(D("2025-03-01")));
}
