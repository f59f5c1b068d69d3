using System.Security.Claims;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Campaigns;

/// <summary>
/// Who looks at a campaign. A running or closed campaign is public (its targets and the state of its public requests),
/// except a demonstration; a campaign in preparation is the team's. Organisers (and admins) manage it. Requesters'
/// identities are never public; inside the team, only organisers see who claimed what (they share the work out).
/// </summary>
public sealed record CampaignViewer(int? UserId, bool IsMember, bool IsEditor, bool IsAdmin)
{
    public static CampaignViewer Of(ClaimsPrincipal user) => new(
        user.UserId(),
        user.Identity?.IsAuthenticated == true && Roles.All.Any(user.IsInRole),
        user.IsEditor(),
        user.IsInRole(Roles.Admin));

    public static bool IsPublic(Campaign campaign) => !campaign.IsDemonstration && campaign.Status != CampaignStatus.Preparing;

    public bool CanSee(Campaign campaign) => IsMember || IsPublic(campaign);

    public bool IsOrganiser(Campaign campaign) => UserId is { } id && campaign.Organisers.Any(o => o.UserId == id);

    public bool CanManage(Campaign campaign) => IsAdmin || (IsEditor && IsOrganiser(campaign));
}
