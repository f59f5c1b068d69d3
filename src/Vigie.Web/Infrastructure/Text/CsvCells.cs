using System.Globalization;

namespace Vigie.Web.Infrastructure.Text;

/// <summary>
/// The cells of every CSV the site writes (open data, search results, campaigns, the bulk export's index), in one place.
/// A text cell that starts with =, +, -, @, a tab or a carriage return is prefixed with a single quote, as OWASP
/// recommends against CSV injection: a spreadsheet would otherwise run "=HYPERLINK(…)" typed as a request's subject.
/// Only text is neutralised: numbers, dates and booleans are written as themselves, so a negative amount stays a
/// number. Items of a list (joined by ";") are neutralised one by one, since a spreadsheet set to ";" splits them.
/// </summary>
public static class CsvCells
{
    public static string Text(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? "";

    /// <summary>A value as its cell: text neutralised, everything else in its invariant form.</summary>
    public static string Of(object? value) => value switch
    {
        null => "",
        string s => Text(s),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(";", list.Select(Text)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Text(value.ToString()),
    };
}
