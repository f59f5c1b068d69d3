using System.Security.Claims;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Infrastructure.Privacy;

public enum ViewerKind
{
    Anonymous,
    Volunteer,
    Editor,
    Admin,
}

/// <summary>
/// Who is looking, as <see cref="Visibility"/> needs to know it: nobody (every public surface reads as
/// <see cref="Anonymous"/>, whoever asks), a volunteer, an editor or an admin, with their account id.
/// </summary>
public sealed record Viewer(int? UserId, ViewerKind Kind)
{
    public static Viewer Anonymous { get; } = new(null, ViewerKind.Anonymous);

    public static Viewer Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.UserId() is not int id)
        {
            return Anonymous;
        }
        return user.IsInRole(Roles.Admin) ? new(id, ViewerKind.Admin)
            : user.IsInRole(Roles.Editor) ? new(id, ViewerKind.Editor)
            : user.IsInRole(Roles.Volunteer) ? new(id, ViewerKind.Volunteer)
            : Anonymous;
    }

    public bool IsMember => Kind != ViewerKind.Anonymous;

    public bool IsEditor => Kind is ViewerKind.Editor or ViewerKind.Admin;

    public bool IsAdmin => Kind == ViewerKind.Admin;

    public bool IsRequester(CadaRequest request) => Owns(request.RequesterId);

    public bool Owns(int? accountId) => accountId is not null && accountId == UserId;
}
