using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Processing;
using Vigie.Web.Features.Documents.Storage;
using Vigie.Web.Infrastructure.Privacy;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Documents;

/// <summary>
/// Reading documents (public actions: anyone, with <see cref="DocumentAccess"/> deciding what they see): the list
/// and search, a document's page, its file and its page thumbnails; and editing their metadata (members).
/// </summary>
[Route("documents")]
public sealed class DocumentsController(VigieDbContext db, IDocumentStore store, Pdftoppm pdftoppm) : Controller
{
    /// <summary>
    /// For every file served: the browser must not guess another type, and the file runs in a sandbox with no
    /// script and no access to the site's origin, whatever it contains.
    /// </summary>
    public const string FileContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

    /// <summary>
    /// A PDF shown inline is rendered by the browser's own viewer, which Chromium and Safari refuse to start in a
    /// sandboxed document ("blocked by Chrome") and which a default-src policy breaks. The viewer runs outside the
    /// site's origin, and the bytes were checked to be a PDF and are served as application/pdf with nosniff, so
    /// they cannot be read as HTML; downloads keep the sandbox.
    /// </summary>
    public const string InlinePdfContentSecurityPolicy = "frame-ancestors 'self'";

    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(string? q, int? dossier, CancellationToken cancellationToken)
    {
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 200)];
        string? caseTitle = null;
        if (dossier is int caseId)
        {
            caseTitle = await db.Cases.VisibleTo(Viewer.Of(User)).Where(c => c.Id == caseId)
                .Select(c => c.Title).SingleOrDefaultAsync(cancellationToken);
            if (caseTitle is null)
            {
                return NotFound();
            }
        }
        var hits = query is null ? [] : await DocumentSearch.SearchAsync(db, User, query, dossier, 200, cancellationToken);
        IReadOnlyList<DocumentListItem> recent = [];
        if (query is null)
        {
            var documents = db.Documents.AsNoTracking().VisibleTo(User);
            if (dossier is int id)
            {
                documents = documents.Where(d => d.CaseId == id);
            }
            recent = await documents.OrderByDescending(d => d.UploadedAt ?? DateTimeOffset.MinValue).ThenByDescending(d => d.Id).Take(50)
                .Select(d => new DocumentListItem(d.Id, d.Title, d.Kind, d.Date, Visibility.IsPublic(d), d.File == null ? null : d.File.Format,
                    d.File == null ? null : d.File.Status, d.Case == null ? null : d.Case.Title))
                .ToListAsync(cancellationToken);
        }
        var canUpload = User.Identity?.IsAuthenticated == true && User.UserId() is not null;
        return View(new DocumentIndexPage(query, dossier, caseTitle, hits, recent, canUpload));
    }

    [HttpGet("{id:int}")]
    [AllowAnonymous]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().VisibleTo(User)
            .Include(d => d.Case).Include(d => d.CadaRequest).ThenInclude(r => r!.Case).Include(d => d.CadaRequest).ThenInclude(r => r!.PublicBody)
            .Include(d => d.CadaRequest).ThenInclude(r => r!.Campaign).Include(d => d.File)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        var pages = document.FileId is int fileId
            ? await db.FilePages.AsNoTracking().Where(p => p.FileId == fileId).OrderBy(p => p.Number)
                .Select(p => new PageView(p.Number, p.Text, p.ThumbnailSha256 != null)).ToListAsync(cancellationToken)
            : [];
        var viewer = Viewer.Of(User);
        var request = document.CadaRequest;
        var requestVisible = request is not null && Visibility.CanSee(viewer, request);
        var caseVisible = document.Case is { } c && Visibility.CanSee(viewer, c);
        var provenance = new Provenance(document.ReceivedOn,
            requestVisible ? request!.Id : null, requestVisible ? request!.Subject : null, requestVisible ? request!.PublicBody?.Name : null,
            requestVisible ? request!.SentOn : null, request is not null && !requestVisible,
            caseVisible ? document.Case!.Title : null, caseVisible ? document.Case!.Slug : null,
            document.Case is { } published && Visibility.IsPublic(published), document.UploadedAt);
        var previewToolMissing = document.File is { Format: FileFormat.Pdf, Status: ProcessingStatus.Done } && !pages.Any(p => p.HasThumbnail) && !pdftoppm.IsAvailable;
        return View(new DocumentPage(document, document.File, provenance, pages, DocumentAccess.CanEdit(User, document), Visibility.IsPublic(document),
            previewToolMissing));
    }

    /// <summary>The file itself: shown by the browser for PDFs, images and text, downloaded otherwise.</summary>
    [HttpGet("{id:int}/fichier")]
    [AllowAnonymous]
    public Task<IActionResult> Open(int id, CancellationToken cancellationToken) => ServeAsync(id, download: false, cancellationToken);

    [HttpGet("{id:int}/telecharger")]
    [AllowAnonymous]
    public Task<IActionResult> Download(int id, CancellationToken cancellationToken) => ServeAsync(id, download: true, cancellationToken);

    [HttpGet("{id:int}/pages/{page:int}/apercu")]
    [AllowAnonymous]
    public async Task<IActionResult> Thumbnail(int id, int page, CancellationToken cancellationToken)
    {
        var hash = await db.Documents.AsNoTracking().VisibleTo(User).Where(d => d.Id == id)
            .SelectMany(d => d.File!.Pages.Where(p => p.Number == page).Select(p => p.ThumbnailSha256))
            .SingleOrDefaultAsync(cancellationToken);
        if (!ContentHash.TryParse(hash, out var thumbnail) || await store.OpenReadAsync(thumbnail, cancellationToken) is not { } stream)
        {
            return NotFound();
        }
        SetFileHeaders(FileContentSecurityPolicy);
        return File(stream, "image/png", lastModified: null, new EntityTagHeaderValue($"\"{thumbnail.Value}\""), enableRangeProcessing: false);
    }

    private async Task<IActionResult> ServeAsync(int id, bool download, CancellationToken cancellationToken)
    {
        var found = await db.Documents.AsNoTracking().VisibleTo(User).Where(d => d.Id == id && d.File != null)
            .Select(d => new { d.FileName, d.File!.Sha256, d.File.Format }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || await store.OpenReadAsync(ContentHash.Parse(found.Sha256), cancellationToken) is not { } stream)
        {
            return NotFound();
        }
        var name = FileFormats.SafeName(found.FileName, found.Format);
        var disposition = new ContentDispositionHeaderValue(download || !FileFormats.ShowsInline(found.Format) ? "attachment" : "inline");
        disposition.SetHttpFileName(name);
        Response.Headers.ContentDisposition = disposition.ToString();
        SetFileHeaders(!download && found.Format == FileFormat.Pdf ? InlinePdfContentSecurityPolicy : FileContentSecurityPolicy);
        return File(stream, FileFormats.ContentType(found.Format), lastModified: null, new EntityTagHeaderValue($"\"{found.Sha256}\""),
            enableRangeProcessing: stream.CanSeek);
    }

    private void SetFileHeaders(string contentSecurityPolicy)
    {
        Response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        Response.Headers.XContentTypeOptions = "nosniff";
        // Private documents must not stay in shared caches; the ETag (the content's hash) makes revisits cheap.
        Response.Headers.CacheControl = "private, no-cache";
    }

    [HttpGet("{id:int}/modifier")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || !DocumentAccess.CanEdit(User, document))
        {
            return NotFound();
        }
        return View(new DocumentEditForm
        {
            Id = document.Id,
            Title = document.Title,
            Kind = document.Kind,
            Date = document.Date,
            ReceivedOn = document.ReceivedOn,
            IsPublic = document.IsPublic,
            Description = document.Description,
            IsRedacted = document.IsRedacted,
            RedactionNote = document.RedactionNote,
            RedactionGround = document.RedactionGround,
            Version = document.Version,
        });
    }

    [HttpPost("{id:int}/modifier")]
    public async Task<IActionResult> Edit(int id, DocumentEditForm form, CancellationToken cancellationToken)
    {
        var document = await db.Documents.VisibleTo(User).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || !DocumentAccess.CanEdit(User, document))
        {
            return NotFound();
        }
        form.Id = id;
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        db.Entry(document).Property(d => d.Version).OriginalValue = form.Version;
        document.Title = form.Title.Trim();
        document.Kind = form.Kind;
        document.Date = form.Date;
        document.ReceivedOn = form.ReceivedOn;
        document.IsPublic = form.IsPublic;
        document.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        document.IsRedacted = form.IsRedacted;
        document.RedactionNote = form.IsRedacted && !string.IsNullOrWhiteSpace(form.RedactionNote) ? form.RedactionNote.Trim() : null;
        document.RedactionGround = form.IsRedacted && !string.IsNullOrWhiteSpace(form.RedactionGround) ? form.RedactionGround.Trim() : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        TempData["Notice"] = "Document enregistré.";
        return Redirect($"/documents/{id}");
    }
}
