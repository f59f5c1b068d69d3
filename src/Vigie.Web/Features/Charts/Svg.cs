using System.Globalization;
using System.Net;

namespace Vigie.Web.Features.Charts;

/// <summary>Small helpers for SVG written as text: every value from data is escaped, every number invariant.</summary>
internal static class Svg
{
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
