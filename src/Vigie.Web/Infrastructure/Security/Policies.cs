using System.Security.Claims;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Security;

public static class Policies
{
    /// <summary>Any team member: volunteer, editor or admin.</summary>
    public const string Member = "member";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static int? UserId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsEditor(this ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);
}
