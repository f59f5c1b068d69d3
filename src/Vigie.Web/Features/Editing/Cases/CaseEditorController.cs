using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Municipalities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Security;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Editing.Cases;

/// <summary>The team's case list, the case form (with preview) and status changes.</summary>
[Route("edition/dossiers")]
public sealed class CaseEditorController(VigieDbContext db, CaseChanges changes, MunicipalityResolver municipalities) : Controller
{
    private const string Preview = "previsualiser";
    private const string FormPrefix = "Form";
    private const int ListLimit = 500;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "statut")] CaseStatus? status, [FromQuery(Name = "q")] string? query,
        CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        if (!User.IsEditor())
        {
            var me = User.UserId();
            cases = cases.Where(c => c.CreatedById == me);
        }
        var counts = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (status is not null)
        {
            cases = cases.Where(c => c.Status == status);
        }
        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if (query is not null)
        {
            var slug = Slugs.From(query);
            var pattern = "%" + query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            cases = cases.Where(c => EF.Functions.ILike(c.Title, pattern)
                || (slug.Length > 0 && (c.Slug.Contains(slug) || c.Municipality!.Slug.Contains(slug)))
                || c.Municipality!.InseeCode == query);
        }
        var rows = await cases.OrderByDescending(c => c.UpdatedAt).Take(ListLimit + 1)
            .Select(c => new CaseRow(c.Id, c.Title, c.Slug, c.Status, c.Municipality!.Name, c.Municipality.DepartmentCode, c.UpdatedAt,
                c.CreatedBy == null ? null : c.CreatedBy.DisplayName))
            .ToListAsync(cancellationToken);
        return View("Index", new CaseListPage(rows.Take(ListLimit).ToList(), status, query, User.IsEditor(), counts, rows.Count > ListLimit));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Edit", await PageAsync(new CaseForm(), null, cancellationToken));

    [HttpPost("nouveau")]
    public async Task<IActionResult> Create([Bind(Prefix = FormPrefix)] CaseForm form, string? intent, CancellationToken cancellationToken)
    {
        if (intent == Preview)
        {
            return View("Edit", await PreviewAsync(form, null, cancellationToken));
        }
        var municipality = await ValidateAsync(form, null, cancellationToken);
        if (!ModelState.IsValid || municipality is null)
        {
            return await InvalidAsync(form, null, cancellationToken);
        }
        var entity = new Case
        {
            Title = FrenchTypography.Apply(form.Title.Trim()),
            Slug = await SlugForAsync(form, null, cancellationToken),
            MunicipalityId = municipality.Id,
            Summary = FrenchTypography.Apply(form.Summary?.Trim() ?? ""),
            Body = Normalize(form.Body),
            Status = CaseStatus.Draft,
            Technologies = await db.Technologies.Where(t => form.Technologies.Contains(t.Slug)).ToListAsync(cancellationToken),
            Vendors = await db.Vendors.Where(v => form.Vendors.Contains(v.Slug)).ToListAsync(cancellationToken),
        };
        try
        {
            await changes.CreateAsync(entity, User.UserId()!.Value, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(Key(nameof(form.Slug)), "Cette adresse vient d'être prise par un autre dossier : choisissez-en une autre.");
            return await InvalidAsync(form, null, cancellationToken);
        }
        TempData["Notice"] = "Dossier créé. Ajoutez maintenant ses sources, puis citez-les dans le récit.";
        return Redirect($"/edition/dossiers/{entity.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var entity = await LoadAsync(id, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }
        var form = CaseForm.From(entity, entity.Municipality!, await RevisionLog.LastNumberAsync(db, id, cancellationToken));
        return View("Edit", await PageAsync(form, entity, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = FormPrefix)] CaseForm form, string? intent, CancellationToken cancellationToken)
    {
        if (intent == Preview)
        {
            var current = await LoadAsync(id, cancellationToken);
            return current is null ? NotFound() : View("Edit", await PreviewAsync(form, current, cancellationToken));
        }

        await using var change = await changes.BeginAsync(id, cancellationToken);
        if (change is null || !CaseAccess.CanSee(User, change.Case.CreatedById))
        {
            return NotFound();
        }
        var entity = change.Case;
        if (!CaseAccess.CanEdit(User, entity))
        {
            ModelState.AddModelError("", CaseAccess.ReadOnlyReason(entity.Status) + " Votre texte est conservé ci-dessous.");
            return await RespondAsync(StatusCodes.Status403Forbidden, form, id, null, cancellationToken);
        }
        var municipality = await ValidateAsync(form, entity, cancellationToken);
        if (entity.Version != form.Version)
        {
            // The case row also changes when a part is saved; only changes to what this form shows are a conflict.
            var conflict = await RevisionLog.ConflictAsync(db, id, form.BaseRevision,
                c => c.Entity == RevisionEntity.Case && c.Field != "status",
                "Quelqu'un a modifié ce dossier pendant que vous le modifiiez. Rien n'a été enregistré : vos modifications sont "
                + "conservées dans le formulaire ci-dessous. Reportez-y si besoin les changements de l'autre personne, puis enregistrez à nouveau.",
                cancellationToken);
            if (conflict is not null)
            {
                form.Version = entity.Version;
                form.BaseRevision = change.LastRevisionNumber;
                ModelState.Remove(Key(nameof(form.Version)));
                ModelState.Remove(Key(nameof(form.BaseRevision)));
                return await RespondAsync(StatusCodes.Status409Conflict, form, id, conflict, cancellationToken);
            }
        }
        if (!ModelState.IsValid || municipality is null)
        {
            return await InvalidAsync(form, id, cancellationToken);
        }

        var title = FrenchTypography.Apply(form.Title.Trim());
        if (User.IsEditor() || (entity.PublishedAt is null && title != entity.Title))
        {
            entity.Slug = await SlugForAsync(form, entity, cancellationToken);
        }
        entity.Title = title;
        entity.MunicipalityId = municipality.Id;
        entity.Summary = FrenchTypography.Apply(form.Summary?.Trim() ?? "");
        entity.Body = Normalize(form.Body);
        var technologies = await db.Technologies.Where(t => form.Technologies.Contains(t.Slug)).ToListAsync(cancellationToken);
        entity.Technologies.RemoveAll(t => !technologies.Contains(t));
        entity.Technologies.AddRange(technologies.Where(t => !entity.Technologies.Contains(t)));
        var vendors = await db.Vendors.Where(v => form.Vendors.Contains(v.Slug)).ToListAsync(cancellationToken);
        entity.Vendors.RemoveAll(v => !vendors.Contains(v));
        entity.Vendors.AddRange(vendors.Where(v => !entity.Vendors.Contains(v)));

        Revision? revision;
        try
        {
            revision = await change.CommitAsync(User.UserId()!.Value, RevisionKind.Updated, "Dossier modifié", cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await change.DisposeAsync();
            db.ChangeTracker.Clear();
            ModelState.AddModelError(Key(nameof(form.Slug)), "Cette adresse vient d'être prise par un autre dossier : choisissez-en une autre.");
            return await InvalidAsync(form, id, cancellationToken);
        }
        TempData["Notice"] = revision is null ? "Aucune modification à enregistrer." : $"Modifications enregistrées (révision n° {revision.Number}).";
        return Redirect($"/edition/dossiers/{id}");
    }

    [HttpPost("{id:int}/statut")]
    public async Task<IActionResult> ChangeStatus(int id, StatusForm form, CancellationToken cancellationToken)
    {
        await using var change = await changes.BeginAsync(id, cancellationToken);
        if (change is null || !CaseAccess.CanSee(User, change.Case.CreatedById))
        {
            return NotFound();
        }
        var entity = change.Case;
        var transition = CaseWorkflow.Find(entity.Status, form.To);
        if (!User.IsEditor() && (form.To is CaseStatus.Published or CaseStatus.Unpublished || !CaseAccess.CanEdit(User, entity)))
        {
            return Forbid();
        }
        if (entity.Version != form.Version)
        {
            // Publishing must publish what the editor looked at: any change since, even to a part, is a conflict.
            var conflict = await RevisionLog.ConflictAsync(db, id, form.BaseRevision, _ => true,
                "Le dossier a changé depuis que vous l'avez ouvert : rien n'a été fait. Vérifiez ces changements, puis choisissez à nouveau.",
                cancellationToken) ?? new Conflict("Le dossier a changé depuis que vous l'avez ouvert : rien n'a été fait. Vérifiez-le, puis recommencez.", []);
            await change.DisposeAsync();
            db.ChangeTracker.Clear();
            var current = await LoadAsync(id, cancellationToken);
            var currentForm = CaseForm.From(current!, current!.Municipality!, await RevisionLog.LastNumberAsync(db, id, cancellationToken));
            var page = await PageAsync(currentForm, current, cancellationToken);
            page.Conflict = conflict;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", page);
        }
        if (transition is null || !CaseWorkflow.Available(User, entity).Contains(transition))
        {
            TempData["Error"] = $"Le dossier est « {Labels.Of(entity.Status)} » : il ne peut pas passer à « {Labels.Of(form.To)} ».";
            return Redirect($"/edition/dossiers/{id}");
        }
        entity.Status = form.To;
        if (form.To == CaseStatus.Published && entity.PublishedAt is null)
        {
            entity.PublishedAt = DateTimeOffset.UtcNow;
        }
        var revision = await change.CommitAsync(User.UserId()!.Value, RevisionKind.StatusChanged,
            $"Statut : {Labels.Of(transition.From)} → {Labels.Of(transition.To)}", cancellationToken);
        TempData["Notice"] = form.To switch
        {
            CaseStatus.Published => "Dossier publié : il est visible de tous dès maintenant.",
            CaseStatus.Unpublished => "Dossier dépublié : sa page publique n'est plus accessible.",
            CaseStatus.Proposed => "Dossier proposé à la publication : un éditeur va le relire.",
            _ => "Dossier repassé en brouillon.",
        } + (revision is null ? "" : $" (révision n° {revision.Number})");
        return Redirect($"/edition/dossiers/{id}");
    }

    /// <summary>The case with what the form shows, when this member may see it.</summary>
    private async Task<Case?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var entity = await db.Cases.AsNoTracking()
            .Include(c => c.Municipality)
            .Include(c => c.Technologies)
            .Include(c => c.Vendors)
            .Include(c => c.Sources)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return entity is not null && CaseAccess.CanSee(User, entity.CreatedById) ? entity : null;
    }

    private async Task<CaseFormPage> PageAsync(CaseForm form, Case? entity, CancellationToken cancellationToken)
    {
        var canEdit = entity is null || CaseAccess.CanEdit(User, entity);
        return new CaseFormPage
        {
            Form = form,
            Header = entity is null ? null : CaseHeader.From(entity, User),
            CanEditSlug = User.IsEditor(),
            ReadOnlyReason = canEdit ? null : CaseAccess.ReadOnlyReason(entity!.Status),
            AllTechnologies = await db.Technologies.AsNoTracking().OrderBy(t => t.Position).ToListAsync(cancellationToken),
            AllVendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToListAsync(cancellationToken),
            Sources = entity is null ? [] : SourceHint.From(await db.Sources.AsNoTracking().Where(s => s.CaseId == entity.Id).ToListAsync(cancellationToken)),
            Transitions = entity is null ? [] : [.. CaseWorkflow.Available(User, entity)],
            PublishedAt = entity?.PublishedAt,
        };
    }

    private async Task<CaseFormPage> PreviewAsync(CaseForm form, Case? entity, CancellationToken cancellationToken)
    {
        // Resolving the commune keeps a namesake choice across previews; errors wait for the save.
        await ValidateAsync(form, entity, cancellationToken);
        ModelState.Clear();
        var page = await PageAsync(form, entity, cancellationToken);
        page.MunicipalityCandidates = _candidates;
        if (NarrativeMarkdown.Validate(form.Body) is { } problem)
        {
            ModelState.AddModelError(Key(nameof(form.Body)), problem);
            return page;
        }
        page.PreviewHtml = NarrativeMarkdown.ToHtml(form.Body ?? "", page.Sources.Select(s => s.Number).ToHashSet(), headingOffset: 2);
        return page;
    }

    private Task<IActionResult> InvalidAsync(CaseForm form, int? caseId, CancellationToken cancellationToken) =>
        RespondAsync(StatusCodes.Status400BadRequest, form, caseId, null, cancellationToken);

    /// <summary>The form again, with everything the person typed, beside the case as stored.</summary>
    private async Task<IActionResult> RespondAsync(int status, CaseForm form, int? caseId, Conflict? conflict, CancellationToken cancellationToken)
    {
        var stored = caseId is int id ? await LoadAsync(id, cancellationToken) : null;
        var page = await PageAsync(form, stored, cancellationToken);
        page.Conflict = conflict;
        page.MunicipalityCandidates = _candidates;
        Response.StatusCode = status;
        return View("Edit", page);
    }

    private IReadOnlyList<MunicipalityOption> _candidates = [];

    /// <summary>Checks what DataAnnotations cannot; returns the commune when it is resolved.</summary>
    private async Task<MunicipalityOption?> ValidateAsync(CaseForm form, Case? entity, CancellationToken cancellationToken)
    {
        var resolution = await municipalities.ResolveAsync(form.Municipality, form.MunicipalityCode, cancellationToken);
        switch (resolution.Match)
        {
            case MunicipalityMatch.Found:
                form.Municipality = resolution.Municipality!.FieldValue;
                form.MunicipalityCode = null;
                ModelState.Remove(Key(nameof(form.Municipality)));
                ModelState.Remove(Key(nameof(form.MunicipalityCode)));
                break;
            case MunicipalityMatch.Ambiguous:
                _candidates = resolution.Candidates;
                ModelState.AddModelError(Key(nameof(form.Municipality)), resolution.Candidates.Count == MunicipalityResolver.MaxCandidates
                    ? "Plusieurs communes correspondent : choisissez-la ci-dessous, ou précisez le nom ou le code INSEE."
                    : "Plusieurs communes correspondent : choisissez-la ci-dessous.");
                break;
            case MunicipalityMatch.NotFound:
                ModelState.AddModelError(Key(nameof(form.Municipality)),
                    $"Aucune commune ne correspond à « {form.Municipality?.Trim()} ». Vérifiez l'orthographe ou indiquez le code INSEE.");
                break;
        }

        if (!string.IsNullOrWhiteSpace(form.Slug) && User.IsEditor())
        {
            var slug = Slugs.From(form.Slug);
            if (slug.Length == 0)
            {
                ModelState.AddModelError(Key(nameof(form.Slug)), "L'adresse doit contenir au moins une lettre ou un chiffre.");
            }
            else if (await db.Cases.AnyAsync(c => c.Slug == slug && c.Id != (entity == null ? 0 : entity.Id), cancellationToken))
            {
                ModelState.AddModelError(Key(nameof(form.Slug)), $"L'adresse « {slug} » est déjà celle d'un autre dossier.");
            }
        }
        if (form.Body?.Length <= NarrativeMarkdown.MaxLength && NarrativeMarkdown.Validate(form.Body) is { } problem)
        {
            ModelState.AddModelError(Key(nameof(form.Body)), problem);
        }
        if (Slugs.From(form.Title ?? "").Length == 0 && !string.IsNullOrWhiteSpace(form.Title))
        {
            ModelState.AddModelError(Key(nameof(form.Title)), "Le titre doit contenir au moins une lettre ou un chiffre.");
        }
        var knownTechnologies = await db.Technologies.Where(t => form.Technologies.Contains(t.Slug)).CountAsync(cancellationToken);
        if (knownTechnologies != form.Technologies.Distinct().Count())
        {
            ModelState.AddModelError(Key(nameof(form.Technologies)), "Une des technologies cochées n'existe plus : rechargez la page.");
        }
        var knownVendors = await db.Vendors.Where(v => form.Vendors.Contains(v.Slug)).CountAsync(cancellationToken);
        if (knownVendors != form.Vendors.Distinct().Count())
        {
            ModelState.AddModelError(Key(nameof(form.Vendors)), "Un des prestataires cochés n'existe plus : rechargez la page.");
        }
        return resolution.Match == MunicipalityMatch.Found ? resolution.Municipality : null;
    }

    /// <summary>An editor's slug as typed (normalized), else one derived from the title, made unique with -2, -3…</summary>
    private async Task<string> SlugForAsync(CaseForm form, Case? entity, CancellationToken cancellationToken)
    {
        if (User.IsEditor() && !string.IsNullOrWhiteSpace(form.Slug))
        {
            return Slugs.From(form.Slug);
        }
        var stem = Slugs.From(form.Title);
        if (stem.Length > 140)
        {
            stem = stem[..140].TrimEnd('-');
        }
        var selfId = entity?.Id ?? 0;
        var taken = await db.Cases.Where(c => c.Id != selfId && (c.Slug == stem || c.Slug.StartsWith(stem + "-")))
            .Select(c => c.Slug).ToListAsync(cancellationToken);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }
        return slug;
    }

    private static string Key(string field) => $"{FormPrefix}.{field}";

    /// <summary>Browsers send CRLF; the narrative is stored with LF so diffs compare lines, not line endings.</summary>
    private static string Normalize(string? body) => (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
