using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Documents;

/// <summary>
/// Documents as JSON for researchers' scripts: the same visibility rules as the pages (anonymous callers get public
/// documents only), no team member's name.
/// </summary>
[ApiController]
[Route("api/documents")]
[AllowAnonymous]
public sealed class DocumentsApiController(VigieDbContext db) : ControllerBase
{
    public sealed record ApiPageHit(int Page, string Snippet);

    public sealed record ApiSearchHit(int Id, string Title, string Kind, DateOnly? Date, string Url, IReadOnlyList<ApiPageHit> Pages);

    public sealed record ApiDocument(int Id, string Title, string Kind, DateOnly? Date, DateOnly? ReceivedOn, bool IsPublic, string? Description,
        int? CaseId, int? RequestId, int? RequestEventId, bool IsRedacted, string? RedactionNote, string? RedactionGround,
        string? FileName, string? ContentType, long? Length, string? Sha256, int? PageCount, string? Processing, string? ProcessingError, string? FileUrl);

    /// <summary>Full-text search (q) in the visible documents, best pages first.</summary>
    [HttpGet("")]
    public async Task<ActionResult<IReadOnlyList<ApiSearchHit>>> Search(string? q, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            return Problem(title: "Paramètre q obligatoire (200 caractères au plus).", statusCode: StatusCodes.Status400BadRequest);
        }
        var hits = await DocumentSearch.SearchAsync(db, User, q.Trim(), null, 200, cancellationToken);
        return hits.Select(h => new ApiSearchHit(h.DocumentId, h.Title, Labels.Of(h.Kind), h.Date, $"/documents/{h.DocumentId}",
            h.Pages.Select(p => new ApiPageHit(p.Number, DocumentSearch.ToPlainText(p.Snippet))).ToList())).ToList();
    }

    [HttpGet("{id:int}")]
    public async Task<ActionResult<ApiDocument>> Show(int id, CancellationToken cancellationToken)
    {
        var d = await db.Documents.AsNoTracking().VisibleTo(User).Include(x => x.File).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null)
        {
            return NotFound();
        }
        var f = d.File;
        return new ApiDocument(d.Id, d.Title, Labels.Of(d.Kind), d.Date, d.ReceivedOn, d.IsPublic, d.Description, d.CaseId,
            d.CadaRequestId, d.RequestEventId, d.IsRedacted, d.RedactionNote, d.RedactionGround,
            f is null ? null : FileFormats.SafeName(d.FileName, f.Format), f is null ? null : FileFormats.ContentType(f.Format),
            f?.Length, f?.Sha256, f?.PageCount, f?.Status.ToString(), f?.ProcessingError, f is null ? null : $"/documents/{d.Id}/telecharger");
    }
}
