using System.Security.Claims;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Editing;

/// <summary>
/// Who may see and change a case in the editing area. Editors and admins: every case. Volunteers: the
/// cases they created, which they may change while Draft or Proposed. A case a member may not see is
/// answered 404, so its existence is not revealed.
/// </summary>
public static class CaseAccess
{
    public static bool CanSee(ClaimsPrincipal user, int? createdById) =>
        user.IsEditor() || (createdById is int creator && creator == user.UserId());

    public static bool CanEdit(ClaimsPrincipal user, int? createdById, CaseStatus status) =>
        user.IsEditor() || (CanSee(user, createdById) && status is CaseStatus.Draft or CaseStatus.Proposed);

    public static bool CanEdit(ClaimsPrincipal user, Case c) => CanEdit(user, c.CreatedById, c.Status);

    public static string ReadOnlyReason(CaseStatus status) => status switch
    {
        CaseStatus.Published => "Ce dossier est publié : seuls les éditeurs peuvent le modifier.",
        CaseStatus.Unpublished => "Ce dossier est dépublié : seuls les éditeurs peuvent le modifier.",
        _ => "Vous ne pouvez pas modifier ce dossier.",
    };
}

/// <summary>Draft → Proposed → Published; Published → Unpublished → Draft (or Published again).</summary>
public static class CaseWorkflow
{
    public sealed record Transition(CaseStatus From, CaseStatus To, string Action, bool EditorsOnly);

    public static readonly IReadOnlyList<Transition> All =
    [
        new(CaseStatus.Draft, CaseStatus.Proposed, "Proposer à la publication", false),
        new(CaseStatus.Proposed, CaseStatus.Draft, "Repasser en brouillon", false),
        new(CaseStatus.Proposed, CaseStatus.Published, "Publier", true),
        new(CaseStatus.Published, CaseStatus.Unpublished, "Dépublier", true),
        new(CaseStatus.Unpublished, CaseStatus.Draft, "Repasser en brouillon", true),
        new(CaseStatus.Unpublished, CaseStatus.Published, "Republier", true),
    ];

    public static Transition? Find(CaseStatus from, CaseStatus to) => All.FirstOrDefault(t => t.From == from && t.To == to);

    /// <summary>The transitions this member may make on this case now.</summary>
    public static IEnumerable<Transition> Available(ClaimsPrincipal user, Case c) =>
        All.Where(t => t.From == c.Status && (user.IsEditor() || (!t.EditorsOnly && CaseAccess.CanEdit(user, c))));
}
