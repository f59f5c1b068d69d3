using System.Security.Claims;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Campaigns;

/// <summary>
/// Who looks at a campaign, and what they may do with it. What they may see is <see cref="Visibility"/>'s to say (a
/// running or closed campaign is public unless it is a demonstration; members see every campaign; only organisers see
/// who claimed what). Organisers (editors listed on the campaign) and admins manage it.
/// </summary>
public sealed record CampaignViewer(Viewer Viewer)
{
    public static CampaignViewer Of(ClaimsPrincipal user) => new(Viewer.Of(user));

    public int? UserId => Viewer.UserId;

    public bool IsMember => Viewer.IsMember;

    public bool IsEditor => Viewer.IsEditor;

    public bool IsAdmin => Viewer.IsAdmin;

    public bool CanSee(Campaign campaign) => Visibility.CanSee(Viewer, campaign);

    public bool IsOrganiser(Campaign campaign) => UserId is { } id && campaign.Organisers.Any(o => o.UserId == id);

    public bool CanManage(Campaign campaign) => IsAdmin || (IsEditor && IsOrganiser(campaign));

    public bool SeesClaimants(Campaign campaign) => Visibility.CanSeeClaimants(Viewer, campaign);
}
