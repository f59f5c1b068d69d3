namespace Vigie.Web.Infrastructure.Markdown;

/// <summary>Which link targets user content may carry.</summary>
public static class UrlPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// True for http(s) and mailto URLs, fragments and relative paths. Browsers ignore control characters
    /// and whitespace inside a scheme ("java\tscript:"), so they are removed before the scheme is read.
    /// </summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        var cleaned = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true;
        }
        var scheme = cleaned[..colon];
        return AllowedSchemes.Any(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>For URLs stored in fields (sources, vendor sites): only absolute http(s).</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The URL itself when it is an absolute http(s) URL, else "#": for href attributes of stored URLs.</summary>
    public static string Href(string? url) => IsWebUrl(url) ? url! : "#";
}
