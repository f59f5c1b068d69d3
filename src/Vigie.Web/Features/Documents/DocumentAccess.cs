using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Privacy;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Documents;

/// <summary>
/// Who adds and changes documents. Who sees them is <see cref="Visibility"/>'s to say: the public sees a document marked
/// public once its case is published and its request (if any) is public; its uploader, the requester and editors see
/// it always. Private is the default, since a volunteer's letters carry their name and address.
/// </summary>
public static class DocumentAccess
{
    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, ClaimsPrincipal user) =>
        documents.VisibleTo(Viewer.Of(user));

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
            // Only to a request the member may see: its subject and body are shown on the form.
            request = await db.CadaRequests.AsNoTracking().VisibleTo(Viewer.Of(user)).Include(r => r.PublicBody)
                .SingleOrDefaultAsync(r => r.Id == rid, cancellationToken);
            if (request is null || (caseId is int cid && request.CaseId != cid))
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
        if (target is null)
        {
            return null;
        }
        var requestIsPublic = request is not null && await db.CadaRequests.Public().AnyAsync(r => r.Id == request.Id, cancellationToken);
        return new ResolvedTarget(target.Id, target.Title, target.Slug, request?.Id, request?.Subject, request?.PublicBody?.Name, requestEventId,
            requestIsPublic);
    }
}

/// <summary>Where an upload goes. <c>RequestIsPublic</c>: whether the public sees the request now (a document marked public on a request that is not stays private).</summary>
public sealed record ResolvedTarget(int CaseId, string CaseTitle, string CaseSlug, int? RequestId, string? RequestSubject, string? RequestAuthority,
    int? RequestEventId, bool RequestIsPublic);
