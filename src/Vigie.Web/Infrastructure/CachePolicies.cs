namespace Vigie.Web.Infrastructure;

public static class CachePolicies
{
    /// <summary>
    /// Anonymous pages that aggregate many cases, communes or requests (tagged <see cref="PublicCache.Lists"/>). The
    /// output cache never stores authenticated responses or ones that set cookies.
    /// </summary>
    public const string Public = "public";

    /// <summary>An anonymous page about one case or one commune: the action tags it with what it shows (<see cref="PublicCache.Tag"/>).</summary>
    public const string Page = "page";
}
