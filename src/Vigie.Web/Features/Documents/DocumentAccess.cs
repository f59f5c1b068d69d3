using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Documents;

/// <summary>
/// Who sees and who adds documents. Everyone sees public documents that are not attached to an unpublished case.
/// Editors see everything. A volunteer also sees the documents they uploaded and those of the cases they created.
/// Private is the default, since a volunteer's letters carry their name and address.
/// </summary>
public static class DocumentAccess
{
    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, ClaimsPrincipal user)
    {
        if (user.IsEditor())
        {
            return documents;
        }
        if (user.UserId() is not int id || !user.IsInRole(Roles.Volunteer))
        {
            return documents.PublicOnly();
        }
        return documents.Where(d => (d.IsPublic && (d.CaseId == null || d.Case!.Status == CaseStatus.Published)
                && (d.CadaRequestId == null || (d.CadaRequest!.IsPublic && (d.CadaRequest.CaseId == null || d.CadaRequest.Case!.Status == CaseStatus.Published))))
            || d.UploadedById == id || d.Case!.CreatedById == id);
    }

    /// <summary>
    /// What anyone may see: public documents not attached to an unpublished case, nor to a request the public may not
    /// see (a private one, or one of an unpublished case). The site's pages, the search and the API share this rule.
    /// </summary>
    public static IQueryable<Document> PublicOnly(this IQueryable<Document> documents) =>
        documents.Where(d => d.IsPublic && (d.CaseId == null || d.Case!.Status == CaseStatus.Published)
            && (d.CadaRequestId == null || (d.CadaRequest!.IsPublic && (d.CadaRequest.CaseId == null || d.CadaRequest.Case!.Status == CaseStatus.Published))));

    /// <summary>Whether the request's details (authority, subject) may be shown to this user.</summary>
    public static bool CanSeeRequest(ClaimsPrincipal user, CadaRequest request) =>
        request.IsPublic || user.IsEditor() || (user.UserId() is int id && request.RequesterId == id);

    /// <summary>May change the document's description, visibility and redaction notes.</summary>
    public static bool CanEdit(ClaimsPrincipal user, Document document) =>
        user.IsEditor() || (user.UserId() is int id && document.UploadedById == id);

    /// <summary>Cases a member may attach documents to: every case for editors, their own for volunteers.</summary>
    public static IQueryable<Case> AttachableCases(this IQueryable<Case> cases, ClaimsPrincipal user) =>
        user.IsEditor() ? cases : user.UserId() is int id ? cases.Where(c => c.CreatedById == id) : cases.Where(_ => false);

    /// <summary>
    /// Resolves where an upload goes, or null when the target does not exist or the member may not add to it.
    /// A request brings its case; its requester may attach what it brought even to a case they did not create.
    /// A request the member may not see is no target, and an event must be a live event of the target's request
    /// (a document filed under another user's private request would reveal it, and an unknown one broke the save).
    /// </summary>
    public static async Task<ResolvedTarget?> ResolveTargetAsync(VigieDbContext db, ClaimsPrincipal user, int? caseId, int? requestId,
        int? requestEventId, CancellationToken cancellationToken)
    {
        CadaRequest? request = null;
        if (requestId is int rid)
        {
            request = await db.CadaRequests.AsNoTracking().Include(r => r.PublicBody).SingleOrDefaultAsync(r => r.Id == rid, cancellationToken);
            if (request is null || (caseId is int cid && request.CaseId != cid) || !CanSeeRequest(user, request))
            {
                return null;
            }
            caseId = request.CaseId;
        }
        if (requestEventId is int eventId
            && (request is null || !await db.RequestEvents.AnyAsync(e => e.Id == eventId && e.CadaRequestId == request.Id && e.DeletedAt == null, cancellationToken)))
        {
            return null;
        }
        if (caseId is null)
        {
            return null;
        }
        var cases = request is not null && user.UserId() is int requester && request.RequesterId == requester
            ? db.Cases.AsNoTracking()
            : db.Cases.AsNoTracking().AttachableCases(user);
        var target = await cases.Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.Title, c.Slug }).SingleOrDefaultAsync(cancellationToken);
        return target is null ? null : new ResolvedTarget(target.Id, target.Title, target.Slug, request?.Id, request?.Subject, request?.PublicBody?.Name, requestEventId);
    }
}

public sealed record ResolvedTarget(int CaseId, string CaseTitle, string CaseSlug, int? RequestId, string? RequestSubject, string? RequestAuthority,
    int? RequestEventId);
