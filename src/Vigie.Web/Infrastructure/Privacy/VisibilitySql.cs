namespace Vigie.Web.Infrastructure.Privacy;

/// <summary>
/// <see cref="Visibility"/>'s public rules written in SQL, for the statements EF Core does not write (the site search).
/// Each takes the alias of the row it judges and brings its own sub-selects, so it does not depend on the statement's
/// joins. Tests compare every rule here with its <see cref="Visibility"/> twin on generated data; the case-facet
/// trigger (migration PublicFacets) states the request rule once more, and a test checks it too.
/// </summary>
public static class VisibilitySql
{
    public static string PublicCase(string c) => $"{c}.status = 'Published'";

    public static string PublicCampaign(string k) => $"(NOT {k}.is_demonstration AND {k}.status <> 'Preparing')";

    /// <summary><see cref="Visibility.CampaignPublishesItsRequests"/>.</summary>
    public static string CampaignPublishesItsRequests(string k) => $"({k}.requests_are_public AND {PublicCampaign(k)})";

    public static string PublicRequest(string r) =>
        $"""
        ({r}.is_public
         AND ({r}.case_id IS NULL OR EXISTS (SELECT 1 FROM cases {r}_c WHERE {r}_c.id = {r}.case_id AND {PublicCase(r + "_c")}))
         AND ({r}.campaign_id IS NULL OR EXISTS (SELECT 1 FROM campaigns {r}_k WHERE {r}_k.id = {r}.campaign_id AND {PublicCampaign(r + "_k")})))
        """;

    public static string PublicDocument(string d) =>
        $"""
        ({d}.is_public
         AND ({d}.case_id IS NULL OR EXISTS (SELECT 1 FROM cases {d}_c WHERE {d}_c.id = {d}.case_id AND {PublicCase(d + "_c")}))
         AND ({d}.cada_request_id IS NULL OR EXISTS (SELECT 1 FROM cada_requests {d}_r WHERE {d}_r.id = {d}.cada_request_id AND {PublicRequest(d + "_r")})))
        """;
}
