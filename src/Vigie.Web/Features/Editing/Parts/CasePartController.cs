using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Municipalities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Editing.Parts;

/// <summary>What a part form is checked and applied against: the locked case, its sources, the request's model state.</summary>
public sealed class PartEditContext(Case entity, ModelStateDictionary modelState, int? partId = null)
{
    public Case Case { get; } = entity;

    /// <summary>The part being edited; null for a new one.</summary>
    public int? PartId { get; } = partId;

    public IReadOnlyList<MunicipalityOption> MunicipalityCandidates { get; set; } = [];

    public void Error(string field, string message) => modelState.AddModelError($"Form.{field}", message);

    /// <summary>Replaces what the person typed by its normalized form ("78208" → "Élancourt (78208)").</summary>
    public void Normalized(string field) => modelState.Remove($"Form.{field}");

    public int? SourceId(int? number) => number is int n ? Case.Sources.FirstOrDefault(s => s.Number == n)?.Id : null;

    public void CheckSource(int? number)
    {
        if (number is int n && SourceId(n) is null)
        {
            Error(nameof(PartForm.Source), $"Ce dossier n'a pas de source n° {n}.");
        }
    }
}

/// <summary>
/// List, add, edit and delete pages for one kind of case part. Editors may change any case; volunteers
/// their own Draft or Proposed cases. Every write goes through <see cref="CaseChanges"/> (lock, revision),
/// and an edit or delete made from a stale version is refused with 409 and what changed since.
/// </summary>
public abstract class CasePartController<TPart, TForm>(VigieDbContext db, CaseChanges changes) : Controller
    where TPart : class, ICasePart
    where TForm : PartForm, new()
{
    protected const string FormPrefix = "Form";

    protected abstract PartKind Kind { get; }

    protected virtual IQueryable<TPart> WithReferences(IQueryable<TPart> parts) => parts;

    protected abstract IOrderedQueryable<TPart> Ordered(IQueryable<TPart> parts);

    protected abstract PartRow Row(TPart part, Func<int?, int?> sourceNumber);

    /// <summary>A short description, for revision summaries and the delete page.</summary>
    protected abstract string Describe(TPart part);

    protected abstract TForm ToForm(TPart part, Func<int?, int?> sourceNumber);

    /// <summary>Checks what DataAnnotations cannot (dates, amounts, references) and reports it through the context.</summary>
    protected abstract Task ValidateAsync(TForm form, PartEditContext context, CancellationToken cancellationToken);

    /// <summary>Copies a valid form onto the part.</summary>
    protected abstract Task ApplyAsync(TForm form, TPart part, PartEditContext context, CancellationToken cancellationToken);

    protected abstract Task<TPart> NewAsync(PartEditContext context, CancellationToken cancellationToken);

    /// <summary>Where the part is still referred to; a part that is cited is not deleted.</summary>
    protected virtual Task<IReadOnlyList<string>> CitedInAsync(TPart part, Case entity, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    protected virtual bool ShowsVendors => false;

    protected VigieDbContext Db => db;

    private DbSet<TPart> Set => db.Set<TPart>();

    [HttpGet("")]
    public async Task<IActionResult> Index(int caseId, CancellationToken cancellationToken)
    {
        var entity = await LoadCaseAsync(caseId, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }
        var parts = await Ordered(WithReferences(Set.AsNoTracking().Where(p => p.CaseId == caseId))).ToListAsync(cancellationToken);
        var numbers = Numbers(entity);
        return View("Parts", new PartListPage(Nav(entity), Kind, [.. parts.Select(p => Row(p, numbers))]));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> New(int caseId, CancellationToken cancellationToken)
    {
        var entity = await LoadCaseAsync(caseId, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }
        if (!CaseAccess.CanEdit(User, entity))
        {
            return Forbid();
        }
        var form = new TForm { BaseRevision = await RevisionLog.LastNumberAsync(db, caseId, cancellationToken) };
        return View(Kind.FormView, await PageAsync(entity, form, null, null, cancellationToken));
    }

    [HttpPost("nouveau")]
    public async Task<IActionResult> Create(int caseId, [Bind(Prefix = FormPrefix)] TForm form, CancellationToken cancellationToken)
    {
        await using var change = await changes.BeginAsync(caseId, cancellationToken);
        if (change is null || !CaseAccess.CanSee(User, change.Case.CreatedById))
        {
            return NotFound();
        }
        var context = new PartEditContext(change.Case, ModelState);
        if (!CaseAccess.CanEdit(User, change.Case))
        {
            ModelState.AddModelError("", CaseAccess.ReadOnlyReason(change.Case.Status) + " Votre saisie est conservée ci-dessous.");
            return await RespondAsync(StatusCodes.Status403Forbidden, caseId, form, null, null, context, cancellationToken);
        }
        await ValidateAsync(form, context, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await RespondAsync(StatusCodes.Status400BadRequest, caseId, form, null, null, context, cancellationToken);
        }
        var part = await NewAsync(context, cancellationToken);
        await ApplyAsync(form, part, context, cancellationToken);
        db.Add(part);
        var revision = await change.CommitAsync(User.UserId()!.Value, RevisionKind.PartAdded, $"{Kind.Added} : {Describe(part)}", cancellationToken);
        TempData["Notice"] = $"{Kind.Added}" + (revision is null ? "." : $" (révision n° {revision.Number}).");
        return Redirect(ListPath(caseId));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int caseId, int id, CancellationToken cancellationToken)
    {
        var entity = await LoadCaseAsync(caseId, cancellationToken);
        var part = entity is null ? null
            : await WithReferences(Set.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id && p.CaseId == caseId, cancellationToken);
        if (entity is null || part is null)
        {
            return NotFound();
        }
        if (!CaseAccess.CanEdit(User, entity))
        {
            return Forbid();
        }
        var form = ToForm(part, Numbers(entity));
        form.Version = part.Version;
        form.BaseRevision = await RevisionLog.LastNumberAsync(db, caseId, cancellationToken);
        return View(Kind.FormView, await PageAsync(entity, form, id, null, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int caseId, int id, [Bind(Prefix = FormPrefix)] TForm form, CancellationToken cancellationToken)
    {
        await using var change = await changes.BeginAsync(caseId, cancellationToken);
        if (change is null || !CaseAccess.CanSee(User, change.Case.CreatedById))
        {
            return NotFound();
        }
        var context = new PartEditContext(change.Case, ModelState, id);
        if (!CaseAccess.CanEdit(User, change.Case))
        {
            ModelState.AddModelError("", CaseAccess.ReadOnlyReason(change.Case.Status) + " Votre saisie est conservée ci-dessous.");
            return await RespondAsync(StatusCodes.Status403Forbidden, caseId, form, id, null, context, cancellationToken);
        }
        var part = await WithReferences(Set).FirstOrDefaultAsync(p => p.Id == id && p.CaseId == caseId, cancellationToken);
        await ValidateAsync(form, context, cancellationToken);
        if (part is null)
        {
            var deleted = await ChangesToThisPartAsync(caseId, id, form.BaseRevision,
                "Quelqu'un a supprimé cet élément pendant que vous le modifiiez : rien n'a été enregistré. Votre saisie est conservée "
                + "ci-dessous ; enregistrez-la pour le recréer.", cancellationToken);
            if (deleted is null)
            {
                return NotFound();
            }
            Rebase(form, 0, change.LastRevisionNumber);
            return await RespondAsync(StatusCodes.Status409Conflict, caseId, form, null, deleted, context, cancellationToken);
        }
        if (part.Version != form.Version)
        {
            var conflict = await ChangesToThisPartAsync(caseId, id, form.BaseRevision,
                "Quelqu'un a modifié cet élément pendant que vous le modifiiez : rien n'a été enregistré. Votre saisie est conservée "
                + "ci-dessous ; reportez-y si besoin les changements de l'autre personne, puis enregistrez à nouveau.", cancellationToken)
                ?? new Conflict("Cet élément a été modifié entre-temps : rien n'a été enregistré. Vérifiez votre saisie, puis enregistrez à nouveau.", []);
            Rebase(form, part.Version, change.LastRevisionNumber);
            return await RespondAsync(StatusCodes.Status409Conflict, caseId, form, id, conflict, context, cancellationToken);
        }
        if (!ModelState.IsValid)
        {
            return await RespondAsync(StatusCodes.Status400BadRequest, caseId, form, id, null, context, cancellationToken);
        }
        await ApplyAsync(form, part, context, cancellationToken);
        // Belt and braces: the row lock already orders writers, and EF checks the token in the UPDATE too.
        db.Entry(part).Property(nameof(ICasePart.Version)).OriginalValue = form.Version;
        var revision = await change.CommitAsync(User.UserId()!.Value, RevisionKind.PartUpdated, $"{Kind.Updated} : {Describe(part)}", cancellationToken);
        TempData["Notice"] = revision is null ? "Aucune modification à enregistrer." : $"{Kind.Updated} (révision n° {revision.Number}).";
        return Redirect(ListPath(caseId));
    }

    [HttpGet("{id:int}/supprimer")]
    public async Task<IActionResult> ConfirmDelete(int caseId, int id, CancellationToken cancellationToken)
    {
        var entity = await LoadCaseAsync(caseId, cancellationToken);
        var part = entity is null ? null
            : await WithReferences(Set.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id && p.CaseId == caseId, cancellationToken);
        if (entity is null || part is null)
        {
            return NotFound();
        }
        if (!CaseAccess.CanEdit(User, entity))
        {
            return Forbid();
        }
        return View("Delete", new PartDeletePage(Nav(entity), Kind, id, Describe(part), part.Version,
            await RevisionLog.LastNumberAsync(db, caseId, cancellationToken), await CitedInAsync(part, entity, cancellationToken), null));
    }

    [HttpPost("{id:int}/supprimer")]
    public async Task<IActionResult> Delete(int caseId, int id, DeleteForm form, CancellationToken cancellationToken)
    {
        await using var change = await changes.BeginAsync(caseId, cancellationToken);
        if (change is null || !CaseAccess.CanSee(User, change.Case.CreatedById))
        {
            return NotFound();
        }
        if (!CaseAccess.CanEdit(User, change.Case))
        {
            return Forbid();
        }
        var part = await WithReferences(Set).FirstOrDefaultAsync(p => p.Id == id && p.CaseId == caseId, cancellationToken);
        if (part is null)
        {
            TempData["Notice"] = "Cet élément avait déjà été supprimé.";
            return Redirect(ListPath(caseId));
        }
        var citedIn = await CitedInAsync(part, change.Case, cancellationToken);
        if (part.Version != form.Version || citedIn.Count > 0)
        {
            var conflict = part.Version == form.Version ? null
                : await ChangesToThisPartAsync(caseId, id, form.BaseRevision,
                    "Cet élément a été modifié depuis que vous avez ouvert cette page : rien n'a été supprimé. Vérifiez ces changements, puis confirmez à nouveau.",
                    cancellationToken)
                  ?? new Conflict("Cet élément a été modifié entre-temps : rien n'a été supprimé. Vérifiez-le, puis confirmez à nouveau.", []);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Delete", new PartDeletePage(Nav(change.Case), Kind, id, Describe(part), part.Version, change.LastRevisionNumber, citedIn, conflict));
        }
        var description = Describe(part);
        db.Remove(part);
        var revision = await change.CommitAsync(User.UserId()!.Value, RevisionKind.PartDeleted, $"{Kind.Deleted} : {description}", cancellationToken);
        TempData["Notice"] = $"{Kind.Deleted}" + (revision is null ? "." : $" (révision n° {revision.Number}).");
        return Redirect(ListPath(caseId));
    }

    private string ListPath(int caseId) => $"/edition/dossiers/{caseId}/{Kind.Segment}";

    private CaseNav Nav(Case entity) => new(CaseHeader.From(entity, User), Kind.Segment);

    private static Func<int?, int?> Numbers(Case entity)
    {
        var numbers = entity.Sources.ToDictionary(s => s.Id, s => s.Number);
        return id => id is int i && numbers.TryGetValue(i, out var n) ? n : null;
    }

    /// <summary>The case with its sources, when this member may see it.</summary>
    private async Task<Case?> LoadCaseAsync(int caseId, CancellationToken cancellationToken)
    {
        var entity = await db.Cases.AsNoTracking().Include(c => c.Sources).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return entity is not null && CaseAccess.CanSee(User, entity.CreatedById) ? entity : null;
    }

    private Task<Conflict?> ChangesToThisPartAsync(int caseId, int id, int baseRevision, string message, CancellationToken cancellationToken) =>
        RevisionLog.ConflictAsync(db, caseId, baseRevision, c => c.Entity == Kind.Entity && c.EntityId == id, message, cancellationToken);

    /// <summary>Puts the current version in the refused form, so the next save is checked against what the person has now seen.</summary>
    private void Rebase(TForm form, uint version, int lastRevision)
    {
        form.Version = version;
        form.BaseRevision = lastRevision;
        ModelState.Remove($"{FormPrefix}.{nameof(PartForm.Version)}");
        ModelState.Remove($"{FormPrefix}.{nameof(PartForm.BaseRevision)}");
    }

    private async Task<IActionResult> RespondAsync(int status, int caseId, TForm form, int? partId, Conflict? conflict, PartEditContext context,
        CancellationToken cancellationToken)
    {
        var entity = await LoadCaseAsync(caseId, cancellationToken);
        var page = await PageAsync(entity!, form, partId, conflict, cancellationToken);
        page.MunicipalityCandidates = context.MunicipalityCandidates;
        Response.StatusCode = status;
        return View(Kind.FormView, page);
    }

    private async Task<PartFormPage<TForm>> PageAsync(Case entity, TForm form, int? partId, Conflict? conflict, CancellationToken cancellationToken)
    {
        int? sourceNumber = null;
        if (partId is int id && typeof(TPart) == typeof(Source))
        {
            sourceNumber = entity.Sources.FirstOrDefault(s => s.Id == id)?.Number;
        }
        return new PartFormPage<TForm>
        {
            Nav = Nav(entity),
            Kind = Kind,
            PartId = partId,
            Form = form,
            Conflict = conflict,
            SourceNumber = sourceNumber,
            Sources = [.. entity.Sources.OrderBy(s => s.Number).Select(s => new SourceOption(s.Number,
                $"[{s.Number}] {(s.Publisher is null ? "" : s.Publisher + ", ")}« {(s.Title.Length > 70 ? s.Title[..67] + "…" : s.Title)} »"))],
            Vendors = ShowsVendors ? await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToListAsync(cancellationToken) : [],
        };
    }
}
