using System.Globalization;
using System.Text.RegularExpressions;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Infrastructure.Formatting;

/// <summary>
/// Reads a date typed in a form the French way or in ISO: "2/9/2019", "02/09/2019", "2 septembre 2019", "1er octobre 2019",
/// "2019-09-02"; a month alone ("octobre 2019", "10/2019", "2019-10") is read as an approximate date.
/// </summary>
public static partial class FrenchDateInput
{
    private static readonly Dictionary<string, int> Months = new()
    {
        ["janvier"] = 1, ["janv"] = 1, ["fevrier"] = 2, ["fevr"] = 2, ["fev"] = 2, ["mars"] = 3, ["avril"] = 4, ["avr"] = 4,
        ["mai"] = 5, ["juin"] = 6, ["juillet"] = 7, ["juil"] = 7, ["aout"] = 8, ["septembre"] = 9, ["sept"] = 9,
        ["octobre"] = 10, ["oct"] = 10, ["novembre"] = 11, ["nov"] = 11, ["decembre"] = 12, ["dec"] = 12,
    };

    public const string Hint = "jj/mm/aaaa, « 2 septembre 2019 » ou 2019-09-02 ; le mois seul (« octobre 2019 ») pour une date approximative";

    public static bool TryParse(string? text, out DateOnly date, out DatePrecision precision)
    {
        date = default;
        precision = DatePrecision.Day;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var folded = Slugs.Fold(text.Trim()).Replace('\u00a0', ' ').Replace('\u202f', ' ');
        int year, month, day = 1;
        Match m;
        if ((m = Iso().Match(folded)).Success || (m = Numeric().Match(folded)).Success)
        {
            year = Number(m, "y");
            month = Number(m, "m");
        }
        else if ((m = Written().Match(folded)).Success && Months.TryGetValue(m.Groups["month"].Value, out month))
        {
            year = Number(m, "y");
        }
        else
        {
            return false;
        }
        if (m.Groups["d"].Success)
        {
            day = Number(m, "d");
        }
        else
        {
            precision = DatePrecision.Month;
        }
        if (year is < 1978 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The date as a form shows it back, in a shape <see cref="TryParse"/> reads.</summary>
    /// <summary>
    /// Reads the date of something that happened; returns the French message to show next to the field, or null.
    /// </summary>
    public static string? PastDateError(string? text, DateOnly today, string whenMissing, out DateOnly date, out DatePrecision precision)
    {
        date = default;
        precision = DatePrecision.Day;
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenMissing;
        }
        if (!TryParse(text, out date, out precision))
        {
            return $"Date non reconnue : « {text.Trim()} ». Écrivez-la {Hint}.";
        }
        return date > today ? "Cette date est dans le futur : n'enregistrez que ce qui a eu lieu." : null;
    }

    public static string Format(DateOnly date, DatePrecision precision) => precision == DatePrecision.Day
        ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : date.ToString("MMMM yyyy", Fr.Culture);

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})(?:-(?<d>\d{1,2}))?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?:(?<d>\d{1,2})\s*[/.-]\s*)?(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?:(?<d>\d{1,2})(?:er)?\s+)?(?<month>[a-z]+)\.?\s+(?<y>\d{4})$")]
    private static partial Regex Written();
}
