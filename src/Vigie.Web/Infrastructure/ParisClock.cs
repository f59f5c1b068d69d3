namespace Vigie.Web.Infrastructure;

/// <summary>Legal deadlines fall on French calendar days: "today" is the date in Paris, whatever the server's zone.</summary>
public static class ParisClock
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset NowInParis(this TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris);

    public static DateOnly TodayInParis(this TimeProvider clock) => DateOnly.FromDateTime(clock.NowInParis().DateTime);

    /// <summary>The calendar day in Paris of a stored moment.</summary>
    public static DateOnly DayInParis(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Paris).DateTime);
}
