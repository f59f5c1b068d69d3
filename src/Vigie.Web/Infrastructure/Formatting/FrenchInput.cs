using System.Globalization;
using System.Text.RegularExpressions;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Infrastructure.Formatting;

/// <summary>Reads what people type in French forms: partial dates and amounts in euros.</summary>
public static partial class FrenchInput
{
    private static readonly Dictionary<string, int> Months = new()
    {
        ["janvier"] = 1, ["janv"] = 1, ["fevrier"] = 2, ["fevr"] = 2, ["fev"] = 2, ["mars"] = 3, ["avril"] = 4, ["avr"] = 4,
        ["mai"] = 5, ["juin"] = 6, ["juillet"] = 7, ["juil"] = 7, ["aout"] = 8, ["septembre"] = 9, ["sept"] = 9,
        ["octobre"] = 10, ["oct"] = 10, ["novembre"] = 11, ["nov"] = 11, ["decembre"] = 12, ["dec"] = 12,
    };

    /// <summary>
    /// "2019", "2019-07", "07/2019", "juillet 2019", "2019-07-02", "02/07/2019", "2 juillet 2019", "1er juillet 2019":
    /// the date and how much of it is known.
    /// </summary>
    public static bool TryParseDate(string? text, out DateOnly date, out DatePrecision precision)
    {
        date = default;
        precision = DatePrecision.Day;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var folded = Slugs.Fold(text.Trim()).Replace('\u00a0', ' ').Replace('\u202f', ' ');
        int year, month = 1, day = 1;
        Match m;
        if ((m = IsoDate().Match(folded)).Success)
        {
            year = Number(m, "y");
            if (m.Groups["m"].Success)
            {
                month = Number(m, "m");
                precision = DatePrecision.Month;
            }
            else
            {
                precision = DatePrecision.Year;
            }
            if (m.Groups["d"].Success)
            {
                day = Number(m, "d");
                precision = DatePrecision.Day;
            }
        }
        else if ((m = NumericFrenchDate().Match(folded)).Success)
        {
            year = Number(m, "y");
            month = Number(m, "m");
            precision = DatePrecision.Month;
            if (m.Groups["d"].Success)
            {
                day = Number(m, "d");
                precision = DatePrecision.Day;
            }
        }
        else if ((m = WrittenFrenchDate().Match(folded)).Success && Months.TryGetValue(m.Groups["month"].Value, out month))
        {
            year = Number(m, "y");
            precision = DatePrecision.Month;
            if (m.Groups["d"].Success)
            {
                day = Number(m, "d");
                precision = DatePrecision.Day;
            }
        }
        else
        {
            return false;
        }
        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>"20 000 000", "1 234,50", "1234.50", "1.234,50 €": a non-negative amount with at most two decimals.</summary>
    public static bool TryParseEuros(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var compact = Spaces().Replace(text, "");
        compact = Currency().Replace(compact, "");
        if (compact.Contains(',', StringComparison.Ordinal))
        {
            // With a decimal comma, dots can only separate thousands ("1.234,50").
            compact = compact.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (DotThousands().IsMatch(compact))
        {
            compact = compact.Replace(".", "", StringComparison.Ordinal);
        }
        if (!PlainAmount().IsMatch(compact)
            || !decimal.TryParse(compact, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }
        return amount <= 999_999_999_999.99m;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{1,2})(?:-(?<d>\d{1,2}))?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?:(?<d>\d{1,2})[/.-])?(?<m>\d{1,2})[/.-](?<y>\d{4})$")]
    private static partial Regex NumericFrenchDate();

    [GeneratedRegex(@"^(?:(?<d>\d{1,2})(?:er)?\s+)?(?<month>[a-z]+)\.?\s+(?<y>\d{4})$")]
    private static partial Regex WrittenFrenchDate();

    [GeneratedRegex(@"[\s\u00a0\u202f']")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(€|eur|euros)$", RegexOptions.IgnoreCase)]
    private static partial Regex Currency();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex DotThousands();

    [GeneratedRegex(@"^\d+(\.\d{1,2})?$")]
    private static partial Regex PlainAmount();
}
