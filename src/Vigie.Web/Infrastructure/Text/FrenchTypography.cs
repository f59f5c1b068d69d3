using System.Text.RegularExpressions;

namespace Vigie.Web.Infrastructure.Text;

/// <summary>
/// French spacing rules: a no-break space inside « » and a narrow no-break space before ; : ! ?, so a
/// line never starts with a lone punctuation mark. Applied to text as it is stored (seeds, forms) and to
/// Markdown text nodes as they are rendered (never to raw Markdown, whose syntax uses " :").
/// </summary>
public static partial class FrenchTypography
{
    public static string Apply(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        text = OpeningGuillemet().Replace(text, "«\u00a0");
        text = ClosingGuillemet().Replace(text, "\u00a0»");
        return HighPunctuation().Replace(text, "\u202f$1");
    }

    public static string? ApplyOrNull(string? text) => text is null ? null : Apply(text);

    [GeneratedRegex("«[ \u00a0\u202f]+")]
    private static partial Regex OpeningGuillemet();

    [GeneratedRegex("[ \u00a0\u202f]+»")]
    private static partial Regex ClosingGuillemet();

    // Only when a space already precedes the mark: "https://", "10:30" and "a;b" are left alone.
    [GeneratedRegex("[ \u00a0\u202f]+([;:!?])(?=\\s|$|»|\\))")]
    private static partial Regex HighPunctuation();
}
