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

    /// <summary>"14 h 32", Paris time.</summary>
    private static string Time(DateTimeOffset moment)
    {
        var local = moment.ToOffset(ParisOffset(moment));
        return $"{local.Hour}\u00a0h\u00a0{local.Minute:00}";
    }

    /// <summary>"3 mars 2026 à 14 h 32", Paris time.</summary>
    public static string DateAndTime(DateTimeOffset moment) => $"{Date(moment)} à {Time(moment)}";

    /// <summary>The date as a form shows it, in a shape <see cref="FrenchInput.TryParseDate"/> reads back.</summary>
    public static string DateInput(DateOnly? date, DatePrecision precision) => date is null ? "" : Date(date, precision);

    /// <summary>"1 234,50", "20 000 000": an amount as a form shows it, with ordinary spaces.</summary>
    public static string EurosInput(decimal? amount) => amount is not decimal a
        ? ""
        : a.ToString(decimal.Truncate(a) == a ? "N0" : "N2", Culture).Replace('\u202f', ' ').Replace('\u00a0', ' ');

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
