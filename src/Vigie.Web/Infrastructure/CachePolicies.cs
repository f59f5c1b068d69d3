namespace Vigie.Web.Infrastructure;

public static class CachePolicies
{
    /// <summary>Anonymous public pages. The output cache never stores authenticated responses or ones that set cookies.</summary>
    public const string Public = "public";
}
