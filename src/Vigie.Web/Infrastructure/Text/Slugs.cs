using System.Globalization;
using System.Text;

namespace Vigie.Web.Infrastructure.Text;

public static class Slugs
{
    /// <summary>
    /// "L'Haÿ-les-Roses" → "l-hay-les-roses"; "Œuilly" → "oeuilly". Invisible characters (bidi controls, zero-width
    /// marks) are removed first, so they neither reach the slug nor split a word in two.
    /// </summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in RemoveDiacritics(UnsafeText.WithoutInvisibles(text)))
        {
            var lower = char.ToLowerInvariant(c);
            var expanded = lower switch
            {
                'œ' => "oe",
                'æ' => "ae",
                'ß' => "ss",
                _ => char.IsAsciiLetterOrDigit(lower) ? lower.ToString() : null,
            };
            if (expanded is null)
            {
                pendingDash = builder.Length > 0;
                continue;
            }
            if (pendingDash)
            {
                builder.Append('-');
                pendingDash = false;
            }
            builder.Append(expanded);
        }
        return builder.ToString();
    }

    /// <summary>Accent- and case-insensitive form for in-memory comparisons ("Élancourt" → "elancourt").</summary>
    public static string Fold(string text) => RemoveDiacritics(text).ToLowerInvariant();

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
