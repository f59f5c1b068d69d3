using System.Globalization;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Formatting;

/// <summary>French typography for dates and amounts: "1er juillet 2019", "20 000 000 €".</summary>
public static class Fr
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) =>
        (date.Day == 1 ? "1er" : date.Day.ToString(Culture)) + " " + date.ToString("MMMM yyyy", Culture);

    public static string Date(DateOnly? date, DatePrecision precision) => date is not { } d
        ? "date inconnue"
        : precision switch
        {
            DatePrecision.Year => d.Year.ToString(Culture),
            DatePrecision.Month => d.ToString("MMMM yyyy", Culture),
            _ => Date(d),
        };

    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.ToOffset(ParisOffset(moment)).DateTime));

    /// <summary>"20 000 000 €", "1 234,50 €": thin no-break spaces between thousands, no-break space before €.</summary>
    public static string Euros(decimal amount)
    {
        var format = decimal.Truncate(amount) == amount ? "N0" : "N2";
        return amount.ToString(format, Culture) + "\u00a0€";
    }

    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>"812 octets", "34 ko", "2,4 Mo".</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{Number(bytes)}\u00a0octets",
        < 1024 * 1024 => $"{Number((bytes + 512) / 1024)}\u00a0ko",
        _ => (bytes / (1024d * 1024)).ToString("0.#", Culture) + "\u00a0Mo",
    };

    /// <summary>"1 cas", "3 cas": French plural for a count and a noun.</summary>
    public static string Count(int count, string singular, string plural) =>
        $"{Number(count)} {(count is 0 or 1 ? singular : plural)}";

    /// <summary>ISO form for &lt;time datetime="…"&gt;, as precise as the date is known.</summary>
    public static string IsoDate(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static TimeSpan ParisOffset(DateTimeOffset moment) =>
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(moment);
}
