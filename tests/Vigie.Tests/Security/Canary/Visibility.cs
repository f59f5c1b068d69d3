using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Security.Canary;

/// <summary>
/// The test's own statement of issue 13's policy, written from the rows as the test made them, never from the app's
/// queries. "Public" is what an anonymous reader may see; "team" what a volunteer who owns nothing may see.
/// </summary>
public static class Visibility
{
    public static bool IsPublic(Case c) => c.Status == CaseStatus.Published;

    /// <summary>A demonstration or a campaign in preparation is the team's.</summary>
    public static bool IsPublic(Campaign campaign) => !campaign.IsDemonstration && campaign.Status != CampaignStatus.Preparing;

    /// <summary>Public, and neither its case nor its campaign hides it; even then its requester and comments are not.</summary>
    public static bool IsPublic(CadaRequest request) =>
        request.IsPublic && (request.Case is null || IsPublic(request.Case)) && (request.Campaign is null || IsPublic(request.Campaign));

    public static bool IsPublic(Document document) =>
        document.IsPublic && (document.Case is null || IsPublic(document.Case)) && (document.CadaRequest is null || IsPublic(document.CadaRequest));

    /// <summary>
    /// A request its requester made public is shared with the team, wherever it sits (a campaign in preparation, a case
    /// not yet published); a private one is its requester's and the editors'.
    /// </summary>
    public static CanaryClass Of(CadaRequest request) => request.IsPublic ? CanaryClass.Team : CanaryClass.Private;

    /// <summary>Another member's document is the team's only if it is public, on a published case (or none) and on a public request (or none).</summary>
    public static CanaryClass Of(Document document) =>
        document.IsPublic && (document.Case is null || IsPublic(document.Case)) && (document.CadaRequest is null || document.CadaRequest.IsPublic)
            ? CanaryClass.Team
            : CanaryClass.Private;

    /// <summary>Other members' cases that are not published, and their parts, are theirs and the editors'.</summary>
    public const CanaryClass UnpublishedCase = CanaryClass.Private;

    /// <summary>Campaigns in preparation and demonstrations are shown to the whole team.</summary>
    public const CanaryClass TeamCampaign = CanaryClass.Team;

    /// <summary>Who made a request is never public, and inside the team only its organisers see who claimed what.</summary>
    public const CanaryClass Volunteer = CanaryClass.Private;

    /// <summary>Editors are named to the team (a campaign's organisers), never to the public.</summary>
    public const CanaryClass Editor = CanaryClass.Team;
}
