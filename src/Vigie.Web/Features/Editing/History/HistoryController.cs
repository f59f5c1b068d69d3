using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Editing.History;

public sealed record HistoryPage(CaseNav Nav, IReadOnlyList<RevisionEntry> Revisions, int LastNumber, uint Version, int Page, int PageCount,
    bool CanRestore, Conflict? Conflict);

public sealed record RevisionPage(CaseNav Nav, RevisionEntry Revision, CaseSnapshot Snapshot, string NarrativeHtml, int LastNumber, uint Version,
    bool CanRestore);

public sealed record RestoreForm(uint Version, int BaseRevision);

/// <summary>A case's revisions, one revision in full, and restoring one (editors).</summary>
[Route("edition/dossiers/{caseId:int}/historique")]
public sealed class HistoryController(VigieDbContext db, CaseChanges changes) : Controller
{
    private const int PageSize = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index(int caseId, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        var entity = await LoadCaseAsync(caseId, cancellationToken);
        return entity is null ? NotFound() : View("Index", await PageAsync(entity, page, null, cancellationToken));
    }

    [HttpGet("{number:int}")]
    public async Task<IActionResult> Show(int caseId, int number, CancellationToken cancellationToken)
    {
        var entity = await LoadCaseAsync(caseId, cancellationToken);
        var revision = entity is null ? null
            : await db.Revisions.AsNoTracking().Include(r => r.Author).FirstOrDefaultAsync(r => r.CaseId == caseId && r.Number == number, cancellationToken);
        if (entity is null || revision is null)
        {
            return NotFound();
        }
        var entry = new RevisionEntry(revision.Number, revision.At, revision.Author?.DisplayName ?? RevisionLog.NoAuthor, revision.Kind, revision.Summary, revision.Changes);
        var snapshot = revision.Snapshot;
        var html = NarrativeMarkdown.ToHtml(snapshot.Body, snapshot.Sources.Select(s => s.Number).ToHashSet(), headingOffset: 2);
        return View("Show", new RevisionPage(Nav(entity), entry, snapshot, html, await RevisionLog.LastNumberAsync(db, caseId, cancellationToken),
            entity.Version, User.IsEditor()));
    }

    [HttpPost("{number:int}/restaurer")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Restore(int caseId, int number, RestoreForm form, CancellationToken cancellationToken)
    {
        await using var change = await changes.BeginAsync(caseId, cancellationToken);
        if (change is null)
        {
            return NotFound();
        }
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == caseId && r.Number == number, cancellationToken);
        if (revision is null)
        {
            return NotFound();
        }
        if (change.Case.Version != form.Version)
        {
            var conflict = await RevisionLog.ConflictAsync(db, caseId, form.BaseRevision, _ => true,
                "Le dossier a changé depuis que vous avez ouvert l'historique : rien n'a été restauré. Vérifiez ces changements, puis recommencez.",
                cancellationToken) ?? new Conflict("Le dossier a changé entre-temps : rien n'a été restauré. Recommencez.", []);
            await change.DisposeAsync();
            db.ChangeTracker.Clear();
            var entity = await LoadCaseAsync(caseId, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Index", await PageAsync(entity!, 1, conflict, cancellationToken));
        }
        var warnings = await CaseRestorer.ApplyAsync(db, change, revision.Snapshot, cancellationToken);
        var restored = await change.CommitAsync(User.UserId()!.Value, RevisionKind.Restored, $"Restauration de la révision n° {number}", cancellationToken);
        TempData["Notice"] = restored is null
            ? $"Le dossier est déjà dans l'état de la révision n° {number} : rien à restaurer."
            : $"Révision n° {number} restaurée (nouvelle révision n° {restored.Number})." + (warnings.Count > 0 ? " " + string.Join(" ", warnings) : "");
        return Redirect($"/edition/dossiers/{caseId}/historique");
    }

    private async Task<Case?> LoadCaseAsync(int caseId, CancellationToken cancellationToken)
    {
        var entity = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return entity is not null && CaseAccess.CanSee(User, entity.CreatedById) ? entity : null;
    }

    private CaseNav Nav(Case entity) => new(CaseHeader.From(entity, User), CaseTabs.History);

    private async Task<HistoryPage> PageAsync(Case entity, int page, Conflict? conflict, CancellationToken cancellationToken)
    {
        var revisions = db.Revisions.AsNoTracking().Where(r => r.CaseId == entity.Id);
        var count = await revisions.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await RevisionLog.Entries(revisions.OrderByDescending(r => r.Number).Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        var last = await RevisionLog.LastNumberAsync(db, entity.Id, cancellationToken);
        return new HistoryPage(Nav(entity), entries, last, entity.Version, page, pageCount, User.IsEditor(), conflict);
    }
}
