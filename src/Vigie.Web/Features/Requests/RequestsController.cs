using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.PublicBodies;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Privacy;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Requests;

/// <summary>The request tracker: lists, the request page, the request form and its events.</summary>
[Route("demandes")]
public sealed class RequestsController(VigieDbContext db, RequestAnalyser analyser, TimeProvider clock, IOutputCacheStore cache) : Controller
{
    private const int MaxDocuments = 50;

    [HttpGet("")]
    public Task<IActionResult> Mine([FromQuery] RequestFilter filter, CancellationToken cancellationToken) =>
        ListAsync(filter, mine: true, cancellationToken);

    [HttpGet("suivi")]
    public Task<IActionResult> Dashboard([FromQuery] RequestFilter filter, CancellationToken cancellationToken) =>
        ListAsync(filter, mine: false, cancellationToken);

    private async Task<IActionResult> ListAsync(RequestFilter filter, bool mine, CancellationToken cancellationToken)
    {
        // The cache is refreshed by the daily job; this catches up if the job has not run yet today.
        await RefreshStaleAsync(cancellationToken);
        var viewer = Viewer.Of(User);
        var visible = db.CadaRequests.AsNoTracking().VisibleTo(viewer);
        if (mine)
        {
            visible = visible.Where(r => r.RequesterId == viewer.UserId);
        }
        var filtered = visible;
        if (filter.Etat is { } state)
        {
            filtered = filtered.Where(r => r.State == state);
        }
        if (!string.IsNullOrWhiteSpace(filter.Departement))
        {
            var department = filter.Departement.Trim().ToUpperInvariant();
            filtered = filtered.Where(r => r.PublicBody!.DepartmentCode == department);
        }
        if (filter.Dossier is { } caseId)
        {
            filtered = filtered.Where(r => r.CaseId == caseId);
        }
        if (filter.Organisme is { } bodyId)
        {
            filtered = filtered.Where(r => r.PublicBodyId == bodyId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Campagne))
        {
            filtered = filtered.Where(r => r.Campaign!.Slug == filter.Campagne);
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var bodies = db.PublicBodies.Matching(filter.Q).Select(b => b.Id);
            filtered = filtered.Where(r => bodies.Contains(r.PublicBodyId));
        }
        var rows = await filtered
            .OrderBy(r => r.NextDeadlineOn == null).ThenBy(r => r.NextDeadlineOn).ThenBy(r => r.Id)
            .Select(r => new RequestRow(r.Id, r.Subject, r.PublicBodyId, r.PublicBody!.Name, r.PublicBody.DepartmentCode, r.CaseId,
                r.Case == null ? null : r.Case.Title, r.State, r.StateLabel, r.ClosingOutcome, r.NextDeadlineOn, r.NextDeadlineKind,
                r.NextAction, Visibility.IsPublic(r), r.RequesterId == viewer.UserId, r.SentOn,
                r.Campaign == null ? null : r.Campaign.Title, r.Campaign == null ? null : r.Campaign.Slug))
            .ToListAsync(cancellationToken);
        var counts = await visible.Where(r => !r.IsClosed).GroupBy(r => r.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var cases = await visible.Where(r => r.CaseId != null).Select(r => new { r.Case!.Id, r.Case.Title }).Distinct()
            .OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var campaigns = await visible.Where(r => r.CampaignId != null).Select(r => new { r.Campaign!.Slug, r.Campaign.Title }).Distinct()
            .OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var departments = await visible.Select(r => new { r.PublicBody!.DepartmentCode, Name = r.PublicBody.Department == null ? null : r.PublicBody.Department.Name })
            .Where(d => d.DepartmentCode != null).Distinct().OrderBy(d => d.DepartmentCode).ToListAsync(cancellationToken);
        return View("List", new RequestListPage(
            mine,
            filter,
            rows.Where(r => !IsFinished(r.State)).ToList(),
            rows.Where(r => IsFinished(r.State)).ToList(),
            counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Count)).ToList(),
            analyser.Today,
            cases.Select(c => new Choice(c.Id.ToString(Fr.Culture), c.Title)).ToList(),
            departments.Select(d => new Choice(d.DepartmentCode!, $"{d.DepartmentCode} — {d.Name}")).ToList(),
            campaigns.Select(c => new Choice(c.Slug, c.Title)).ToList()));
    }

    private static bool IsFinished(RequestState state) => state is RequestState.Closed or RequestState.Satisfied;

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var viewer = Viewer.Of(User);
        var request = await analyser.Full().AsNoTracking().VisibleTo(viewer)
            .Include(r => r.Case)
            .Include(r => r.Campaign)
            .Include(r => r.RenewedFrom)
            .Include(r => r.PublicBody!).ThenInclude(b => b.Department)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        var today = analyser.Today;
        var analysis = RequestAnalyser.Analyse(request, today);
        var events = RequestAnalyser.LiveEvents(request);
        var suggested = EventRules.Suggested(analysis.State, events.Select(e => e.Kind).ToHashSet());
        return View(new RequestPage(request, analysis, events, today, viewer, suggested, RequestAnalyser.NextDeadline(analysis, today),
            Renewals(request, viewer)));
    }

    /// <summary>The renewal links of a request, each followable only by who may see the other request.</summary>
    private static RenewalLinks Renewals(CadaRequest request, Viewer viewer) => new(
        request.RenewedFrom is { } old
            ? new RenewalLink(Visibility.CanSee(viewer, old) ? old.Id : null, old.SentOn ?? ParisClock.DayInParis(old.CreatedAt))
            : null,
        request.Renewal is { } renewal
            ? new RenewalLink(Visibility.CanSee(viewer, renewal) ? renewal.Id : null, ParisClock.DayInParis(renewal.CreatedAt))
            : null);

    [HttpGet("nouvelle")]
    public async Task<IActionResult> New([FromQuery(Name = "organisme")] int? bodyId, [FromQuery(Name = "dossier")] int? caseId,
        [FromQuery(Name = "recherche")] string? search, CancellationToken cancellationToken)
    {
        var form = new RequestForm { PublicBodyId = bodyId, CaseId = caseId };
        if (bodyId is null && caseId is { } id)
        {
            // A request from a case page goes by default to the case's commune.
            form.PublicBodyId = await db.Cases.Where(c => c.Id == id)
                .Select(c => db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune && b.MunicipalityId == c.MunicipalityId).Select(b => (int?)b.Id).FirstOrDefault())
                .FirstOrDefaultAsync(cancellationToken);
        }
        return View("Form", await FormPageAsync(form, null, search, cancellationToken));
    }

    [HttpPost("nouvelle")]
    public async Task<IActionResult> Create(RequestForm form, CancellationToken cancellationToken)
    {
        var documents = await ValidateAsync(form, null, cancellationToken);
        CadaRequest? renewed = null;
        if (form.RenewedFromId is int renewedId)
        {
            (renewed, var denied) = await ManageableAsync(renewedId, cancellationToken);
            if (renewed is null)
            {
                return denied!;
            }
            if (renewed.Renewal is not null)
            {
                ModelState.AddModelError(nameof(form.RenewedFromId), "Cette demande a déjà été renouvelée : suivez le lien sur sa page.");
            }
        }
        var now = clock.GetUtcNow();
        var events = DatedOnCreation(form, now);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await FormPageAsync(form, null, null, cancellationToken));
        }
        var request = new CadaRequest
        {
            Subject = form.Subject.Trim(),
            RequesterId = User.UserId(),
            CreatedAt = now,
            UpdatedAt = now,
            RequestedDocuments = documents.Select((title, i) => new RequestedDocument { Title = title, Position = i + 1 }).ToList(),
            RenewedFrom = renewed,
            Events = events,
        };
        Apply(form, request);
        db.CadaRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        if (renewed is not null)
        {
            // The old request now says it was renewed instead of asking to renew it.
            Recompute(renewed);
        }
        await AfterEventsChangedAsync(request, request.Events, EventRevisionAction.Created, cancellationToken);
        TempData["Notice"] = renewed is null ? "Demande enregistrée." : "Demande enregistrée : elle renouvelle la précédente.";
        return RedirectToAction(nameof(Show), new { id = request.Id });
    }

    /// <summary>
    /// The sending and receipt typed on the new-request form, as the events they are, checked as the event form checks
    /// them: not in the future, the receipt not before the sending.
    /// </summary>
    private List<CadaRequestEvent> DatedOnCreation(RequestForm form, DateTimeOffset now)
    {
        var events = new List<CadaRequestEvent>();
        var sent = !string.IsNullOrWhiteSpace(form.SentOn);
        if (sent && ValidateDate(form.SentOn, nameof(form.SentOn), out var sentOn, out var sentPrecision))
        {
            events.Add(NewEvent(RequestEventKind.Sent, sentOn, sentPrecision, now));
        }
        if (string.IsNullOrWhiteSpace(form.ReceivedOn))
        {
            return events;
        }
        if (!sent)
        {
            ModelState.AddModelError(nameof(form.ReceivedOn), "Indiquez aussi la date d'envoi : la réception la suit.");
        }
        else if (ValidateDate(form.ReceivedOn, nameof(form.ReceivedOn), out var receivedOn, out var receivedPrecision))
        {
            ValidateOrder(RequestEventKind.ReceivedByBody, receivedOn, receivedPrecision, events, nameof(form.ReceivedOn));
            var received = NewEvent(RequestEventKind.ReceivedByBody, receivedOn, receivedPrecision, now);
            received.StatesAppealRoutes = form.ReceiptStatesAppealRoutes;
            events.Add(received);
        }
        return events;
    }

    private CadaRequestEvent NewEvent(RequestEventKind kind, DateOnly date, DatePrecision precision, DateTimeOffset now) => new()
    {
        Kind = kind,
        OccurredOn = date,
        OccurredOnPrecision = precision,
        AuthorId = User.UserId(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// A new request that asks again for what a request did not obtain: same body, subject and context, the documents not
    /// communicated, and the same visibility (the public already knew of the first request).
    /// </summary>
    [HttpGet("{id:int}/renouveler")]
    public async Task<IActionResult> Renew(int id, CancellationToken cancellationToken)
    {
        var (old, denied) = await ManageableAsync(id, cancellationToken);
        if (old is null)
        {
            return denied!;
        }
        if (old.Renewal is not null)
        {
            TempData["Notice"] = "Cette demande a déjà été renouvelée.";
            return RedirectToAction(nameof(Show), new { id });
        }
        var outcomes = RequestAnalyser.Analyse(old, analyser.Today).DocumentOutcomes;
        var titles = old.RequestedDocuments.OrderBy(d => d.Position).Select(d => d.Title).ToList();
        var missing = titles.Where((_, i) => i >= outcomes.Count || !outcomes[i].IsCommunicated).ToList();
        var form = new RequestForm
        {
            PublicBodyId = old.PublicBodyId,
            Subject = old.Subject,
            Documents = string.Join('\n', missing.Count > 0 ? missing : titles),
            CaseId = old.CaseId,
            Mode = old.Mode,
            Channel = old.Channel,
            Context = old.Context,
            IsPublic = old.IsPublic,
            RenewedFromId = old.Id,
        };
        return View("Form", await FormPageAsync(form, null, null, cancellationToken));
    }

    [HttpGet("{id:int}/modifier")]
    public async Task<IActionResult> Edit(int id, [FromQuery(Name = "organisme")] int? bodyId, [FromQuery(Name = "recherche")] string? search,
        CancellationToken cancellationToken)
    {
        var (request, denied) = await ManageableAsync(id, cancellationToken);
        if (request is null)
        {
            return denied!;
        }
        var form = new RequestForm
        {
            PublicBodyId = bodyId ?? request.PublicBodyId,
            Subject = request.Subject,
            Documents = string.Join('\n', request.RequestedDocuments.OrderBy(d => d.Position).Select(d => d.Title)),
            CaseId = request.CaseId,
            Mode = request.Mode,
            Channel = request.Channel,
            ChannelUrl = request.ChannelUrl,
            Context = request.Context,
            OutcomeSummary = request.OutcomeSummary,
            IsPublic = request.IsPublic,
        };
        return View("Form", await FormPageAsync(form, id, search, cancellationToken));
    }

    [HttpPost("{id:int}/modifier")]
    public async Task<IActionResult> Update(int id, RequestForm form, CancellationToken cancellationToken)
    {
        var (request, denied) = await ManageableAsync(id, cancellationToken);
        if (request is null)
        {
            return denied!;
        }
        var documents = await ValidateAsync(form, request, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await FormPageAsync(form, id, null, cancellationToken));
        }
        var wasPublic = request.IsPublic;
        request.Subject = form.Subject.Trim();
        Apply(form, request);
        var existing = request.RequestedDocuments.OrderBy(d => d.Position).ToList();
        for (var i = 0; i < documents.Count; i++)
        {
            if (i < existing.Count)
            {
                existing[i].Title = documents[i];
            }
            else
            {
                request.RequestedDocuments.Add(new RequestedDocument { Title = documents[i], Position = i + 1 });
            }
        }
        foreach (var removed in existing.Skip(documents.Count))
        {
            db.RequestedDocuments.Remove(removed);
        }
        request.UpdatedAt = clock.GetUtcNow();
        var today = analyser.Today;
        RequestAnalyser.Cache(request, RequestAnalyser.Analyse(request, today), today);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = "Demande mise à jour.";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("{id:int}/evenements/nouveau/{type}")]
    public async Task<IActionResult> NewEvent(int id, string type, CancellationToken cancellationToken)
    {
        if (EventRules.FromSlug(type) is not { } kind)
        {
            return NotFound();
        }
        var (request, denied) = await ManageableAsync(id, cancellationToken);
        if (request is null)
        {
            return denied!;
        }
        var form = new EventForm
        {
            Date = FrenchDateInput.Format(analyser.Today, DatePrecision.Day),
            Documents = request.RequestedDocuments.OrderBy(d => d.Position)
                .Select(d => new DocumentOutcomeField { DocumentId = d.Id, Status = DocumentStatus.Received }).ToList(),
        };
        return View("Event", new EventFormPage(request, kind, form, null));
    }

    [HttpPost("{id:int}/evenements/nouveau/{type}")]
    public async Task<IActionResult> CreateEvent(int id, string type, EventForm form, CancellationToken cancellationToken)
    {
        if (EventRules.FromSlug(type) is not { } kind)
        {
            return NotFound();
        }
        var (request, denied) = await ManageableAsync(id, cancellationToken);
        if (request is null)
        {
            return denied!;
        }
        var e = new CadaRequestEvent { Kind = kind, AuthorId = User.UserId(), CreatedAt = clock.GetUtcNow() };
        if (!Bind(form, kind, request, e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Event", new EventFormPage(request, kind, form, null));
        }
        e.UpdatedAt = e.CreatedAt;
        request.Events.Add(e);
        await db.SaveChangesAsync(cancellationToken);
        await AfterEventsChangedAsync(request, [e], EventRevisionAction.Created, cancellationToken);
        TempData["Notice"] = $"Événement enregistré : {kind.Label()}.";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("{id:int}/evenements/{eventId:int}/modifier")]
    public async Task<IActionResult> EditEvent(int id, int eventId, CancellationToken cancellationToken)
    {
        var (request, e, denied) = await ChangeableEventAsync(id, eventId, cancellationToken);
        if (request is null || e is null)
        {
            return denied!;
        }
        var outcomes = e.DocumentOutcomes.ToDictionary(o => o.RequestedDocumentId);
        var form = new EventForm
        {
            Date = FrenchDateInput.Format(e.OccurredOn, e.OccurredOnPrecision),
            StatesAppealRoutes = e.StatesAppealRoutes,
            Ground = e.Ground,
            FileNumber = e.FileNumber,
            OpinionNumber = e.OpinionNumber,
            OpinionSens = e.OpinionSens,
            OpinionMotivation = e.OpinionMotivation,
            OpinionType = e.OpinionType ?? OpinionType.Avis,
            Decision = e.Decision,
            JudgmentOutcome = e.JudgmentOutcome,
            Comment = e.Comment,
            Documents = request.RequestedDocuments.OrderBy(d => d.Position).Select(d => new DocumentOutcomeField
            {
                DocumentId = d.Id,
                Status = outcomes.TryGetValue(d.Id, out var o) ? o.Status : DocumentStatus.NotAnswered,
                Ground = outcomes.TryGetValue(d.Id, out var g) ? g.Ground : null,
            }).ToList(),
        };
        return View("Event", new EventFormPage(request, e.Kind, form, e.Id));
    }

    [HttpPost("{id:int}/evenements/{eventId:int}/modifier")]
    public async Task<IActionResult> UpdateEvent(int id, int eventId, EventForm form, CancellationToken cancellationToken)
    {
        var (request, e, denied) = await ChangeableEventAsync(id, eventId, cancellationToken);
        if (request is null || e is null)
        {
            return denied!;
        }
        if (!Bind(form, e.Kind, request, e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Event", new EventFormPage(request, e.Kind, form, e.Id));
        }
        e.UpdatedAt = clock.GetUtcNow();
        await AfterEventsChangedAsync(request, [e], EventRevisionAction.Updated, cancellationToken);
        TempData["Notice"] = "Événement modifié.";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/evenements/{eventId:int}/supprimer")]
    public async Task<IActionResult> DeleteEvent(int id, int eventId, CancellationToken cancellationToken)
    {
        var (request, e, denied) = await ChangeableEventAsync(id, eventId, cancellationToken);
        if (request is null || e is null)
        {
            return denied!;
        }
        e.DeletedAt = clock.GetUtcNow();
        await AfterEventsChangedAsync(request, [e], EventRevisionAction.Deleted, cancellationToken);
        TempData["Notice"] = "Événement supprimé (il reste dans l'historique).";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("{id:int}/historique")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        var (request, denied) = await ManageableAsync(id, cancellationToken);
        if (request is null)
        {
            return denied!;
        }
        var viewer = Viewer.Of(User);
        var revisions = await db.RequestEventRevisions.AsNoTracking().Where(r => r.CadaRequestId == id)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Select(r => new { r.At, r.Action, r.Summary, r.ActorId })
            .ToListAsync(cancellationToken);
        var rows = revisions.Select(r => new EventRevisionRow(r.At, r.Action, r.Summary,
            r.ActorId is null ? "import" : r.ActorId == viewer.UserId ? "vous" : r.ActorId == request.RequesterId ? "le demandeur" : "un éditeur"))
            .ToList();
        var deleted = await db.RequestEvents.AsNoTracking().Where(e => e.CadaRequestId == id && e.DeletedAt != null)
            .OrderBy(e => e.OccurredOn).ToListAsync(cancellationToken);
        return View(new HistoryPage(request, rows, deleted));
    }

    /// <summary>Writes one revision per changed event, recomputes the cached analysis and evicts public pages if needed.</summary>
    private async Task AfterEventsChangedAsync(CadaRequest request, IEnumerable<CadaRequestEvent> changed, EventRevisionAction action,
        CancellationToken cancellationToken)
    {
        var documents = request.RequestedDocuments.OrderBy(d => d.Position).ToList();
        foreach (var e in changed)
        {
            db.RequestEventRevisions.Add(new CadaRequestEventRevision
            {
                EventId = e.Id,
                CadaRequestId = request.Id,
                At = clock.GetUtcNow(),
                ActorId = User.UserId(),
                Action = action,
                Summary = EventRules.Summary(e, documents),
            });
        }
        try
        {
            Recompute(request);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else recorded an event on this request meanwhile (their event and ours are both saved). Lock the
            // request, read it and its events again so that its state is computed from all of them, and save: the lock
            // makes this second attempt the last one, whoever else is writing.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM cada_requests WHERE id = {request.Id} FOR UPDATE", cancellationToken);
            await db.Entry(request).ReloadAsync(cancellationToken);
            await db.Entry(request).Collection(r => r.Events).Query().Where(e => e.DeletedAt == null)
                .Include(e => e.DocumentOutcomes).LoadAsync(cancellationToken);
            Recompute(request);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private void Recompute(CadaRequest request)
    {
        var today = analyser.Today;
        RequestAnalyser.Cache(request, RequestAnalyser.Analyse(request, today), today);
        request.UpdatedAt = clock.GetUtcNow();
    }

    private async Task RefreshStaleAsync(CancellationToken cancellationToken)
    {
        if (await analyser.RefreshStaleAsync(cancellationToken) > 0)
        {
            await cache.EvictByTagAsync(CachePolicies.Public, cancellationToken);
        }
    }

    /// <summary>The request if the user may change it; otherwise 404 (cannot see it) or 403 (can only read it).</summary>
    private async Task<(CadaRequest? Request, IActionResult? Denied)> ManageableAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = Viewer.Of(User);
        var request = await analyser.Full().VisibleTo(viewer).Include(r => r.Case).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return (null, NotFound());
        }
        return viewer.CanManage(request) ? (request, null) : (null, Forbid());
    }

    private async Task<(CadaRequest? Request, CadaRequestEvent? Event, IActionResult? Denied)> ChangeableEventAsync(int id, int eventId,
        CancellationToken cancellationToken)
    {
        var (request, denied) = await ManageableAsync(id, cancellationToken);
        if (request is null)
        {
            return (null, null, denied);
        }
        var e = request.Events.FirstOrDefault(x => x.Id == eventId && x.DeletedAt is null);
        if (e is null)
        {
            return (null, null, NotFound());
        }
        return Viewer.Of(User).CanChange(e) ? (request, e, null) : (null, null, Forbid());
    }

    private void Apply(RequestForm form, CadaRequest request)
    {
        request.PublicBodyId = form.PublicBodyId!.Value;
        request.CaseId = form.CaseId;
        request.Mode = form.Mode;
        request.Channel = form.Channel;
        request.ChannelUrl = Clean(form.ChannelUrl);
        request.Context = Clean(form.Context);
        request.OutcomeSummary = Clean(form.OutcomeSummary);
        request.IsPublic = form.IsPublic;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Checks what data annotations cannot; returns the documents, one per non-empty line.</summary>
    private async Task<List<string>> ValidateAsync(RequestForm form, CadaRequest? existing, CancellationToken cancellationToken)
    {
        if (form.PublicBodyId is not { } bodyId || !await db.PublicBodies.AnyAsync(b => b.Id == bodyId, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.PublicBodyId), "Choisissez l'organisme destinataire de la demande.");
        }
        var documents = (form.Documents ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (documents.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Documents), "Indiquez au moins un document, un par ligne.");
        }
        else if (documents.Count > MaxDocuments)
        {
            ModelState.AddModelError(nameof(form.Documents), $"{MaxDocuments} documents au plus par demande : faites-en plusieurs.");
        }
        else if (documents.Any(d => d.Length > 500))
        {
            ModelState.AddModelError(nameof(form.Documents), "Chaque document tient sur une ligne de 500 caractères au plus.");
        }
        if (existing is not null && documents.Count < existing.RequestedDocuments.Count)
        {
            var removed = existing.RequestedDocuments.Where(d => d.Position > documents.Count).Select(d => d.Id).ToList();
            if (await db.EventDocumentOutcomes.AnyAsync(o => removed.Contains(o.RequestedDocumentId) && o.Event!.DeletedAt == null, cancellationToken))
            {
                ModelState.AddModelError(nameof(form.Documents),
                    "Un document retiré a déjà une réponse enregistrée : modifiez ou supprimez d'abord cette réponse.");
            }
        }
        if (form.CaseId is { } caseId)
        {
            var allowed = (existing != null && existing.CaseId == caseId)
                || await db.Cases.VisibleTo(Viewer.Of(User)).AnyAsync(c => c.Id == caseId, cancellationToken);
            if (!allowed)
            {
                ModelState.AddModelError(nameof(form.CaseId), "Ce dossier n'existe pas ou ne vous est pas accessible.");
            }
        }
        if (!string.IsNullOrWhiteSpace(form.ChannelUrl) && !UrlPolicy.IsWebUrl(form.ChannelUrl.Trim()))
        {
            ModelState.AddModelError(nameof(form.ChannelUrl), "L'adresse doit commencer par https:// ou http://.");
        }
        if (form.Channel is RequestChannel.Madada && string.IsNullOrWhiteSpace(form.ChannelUrl))
        {
            ModelState.AddModelError(nameof(form.ChannelUrl), "Indiquez l'adresse de la demande sur MaDada.");
        }
        return documents;
    }

    /// <summary>Reads the date of something that happened; false with the French error next to the field.</summary>
    private bool ValidateDate(string? text, string field, out DateOnly date, out DatePrecision precision)
    {
        if (FrenchDateInput.PastDateError(text, analyser.Today, "Indiquez la date (jj/mm/aaaa).", out date, out precision) is { } error)
        {
            ModelState.AddModelError(field, error);
            return false;
        }
        return true;
    }

    /// <summary>Refuses a date that breaks the order of the request's facts (<see cref="EventDates"/>).</summary>
    private void ValidateOrder(RequestEventKind kind, DateOnly date, DatePrecision precision, IEnumerable<CadaRequestEvent> others, string field)
    {
        if (EventDates.OrderError(kind, date, precision, others.Where(o => o.DeletedAt is null).Select(EventDates.Dated.Of)) is { } error)
        {
            ModelState.AddModelError(field, error);
        }
    }

    /// <summary>Validates the form for this kind of event and copies it onto the event; false with errors in ModelState.</summary>
    private bool Bind(EventForm form, RequestEventKind kind, CadaRequest request, CadaRequestEvent e)
    {
        if (ValidateDate(form.Date, nameof(form.Date), out var date, out var precision))
        {
            ValidateOrder(kind, date, precision, request.Events.Where(o => !ReferenceEquals(o, e)), nameof(form.Date));
        }
        var documents = request.RequestedDocuments.OrderBy(d => d.Position).ToList();
        if (form.Comment is { Length: > 4000 })
        {
            ModelState.AddModelError(nameof(form.Comment), "4 000 caractères au plus.");
        }
        switch (kind)
        {
            case RequestEventKind.ExplicitRefusal when form.Ground is null:
                ModelState.AddModelError(nameof(form.Ground), "Indiquez le motif invoqué par l'administration.");
                break;
            case RequestEventKind.ReferralRegistered when string.IsNullOrWhiteSpace(form.FileNumber):
                ModelState.AddModelError(nameof(form.FileNumber), "Indiquez le numéro de dossier donné par la CADA.");
                break;
            case RequestEventKind.ReferralRegistered when form.FileNumber!.Trim().Length > 50:
                ModelState.AddModelError(nameof(form.FileNumber), "50 caractères au plus.");
                break;
            case RequestEventKind.CadaOpinion:
                if (!EventRules.IsOpinionNumber(form.OpinionNumber?.Trim()))
                {
                    ModelState.AddModelError(nameof(form.OpinionNumber), "Le numéro d'avis a huit chiffres, l'année puis le numéro (par exemple 20191234).");
                }
                if (form.OpinionSens is null)
                {
                    ModelState.AddModelError(nameof(form.OpinionSens), "Choisissez le sens de l'avis.");
                }
                if (form.OpinionMotivation is { Length: > 200 })
                {
                    ModelState.AddModelError(nameof(form.OpinionMotivation), "200 caractères au plus.");
                }
                break;
            case RequestEventKind.DecisionAfterOpinion when form.Decision is null:
                ModelState.AddModelError(nameof(form.Decision), "Indiquez la décision de l'administration.");
                break;
            case RequestEventKind.Judgment when form.JudgmentOutcome is null:
                ModelState.AddModelError(nameof(form.JudgmentOutcome), "Indiquez le sens du jugement.");
                break;
            case RequestEventKind.Note when string.IsNullOrWhiteSpace(form.Comment):
                ModelState.AddModelError(nameof(form.Comment), "Écrivez la note.");
                break;
            case RequestEventKind.ReplyReceived:
                // The form lists every document; keep the rows in the request's order whatever was posted.
                var posted = form.Documents.GroupBy(d => d.DocumentId).ToDictionary(g => g.Key, g => g.First());
                form.Documents = documents.Select(d => posted.GetValueOrDefault(d.Id) ?? new DocumentOutcomeField { DocumentId = d.Id }).ToList();
                for (var i = 0; i < form.Documents.Count; i++)
                {
                    if (form.Documents[i].Status == DocumentStatus.Refused && form.Documents[i].Ground is null)
                    {
                        ModelState.AddModelError($"Documents[{i}].Ground", "Indiquez le motif du refus de ce document.");
                    }
                }
                break;
        }
        if (!ModelState.IsValid)
        {
            return false;
        }
        e.OccurredOn = date;
        e.OccurredOnPrecision = precision;
        e.StatesAppealRoutes = EventRules.AsksAppealRoutes(kind) && form.StatesAppealRoutes;
        e.Ground = kind == RequestEventKind.ExplicitRefusal ? form.Ground : null;
        e.FileNumber = kind == RequestEventKind.ReferralRegistered ? form.FileNumber!.Trim() : null;
        e.OpinionNumber = kind == RequestEventKind.CadaOpinion ? form.OpinionNumber!.Trim() : null;
        e.OpinionSens = kind == RequestEventKind.CadaOpinion ? form.OpinionSens : null;
        e.OpinionMotivation = kind == RequestEventKind.CadaOpinion ? Clean(form.OpinionMotivation) : null;
        e.OpinionType = kind == RequestEventKind.CadaOpinion ? form.OpinionType : null;
        e.Decision = kind == RequestEventKind.DecisionAfterOpinion ? form.Decision : null;
        e.JudgmentOutcome = kind == RequestEventKind.Judgment ? form.JudgmentOutcome : null;
        e.Comment = Clean(form.Comment);
        if (kind == RequestEventKind.ReplyReceived)
        {
            var byDocument = e.DocumentOutcomes.ToDictionary(o => o.RequestedDocumentId);
            foreach (var field in form.Documents)
            {
                var ground = field.Status == DocumentStatus.Refused ? field.Ground : null;
                if (byDocument.TryGetValue(field.DocumentId, out var outcome))
                {
                    outcome.Status = field.Status;
                    outcome.Ground = ground;
                }
                else
                {
                    e.DocumentOutcomes.Add(new EventDocumentOutcome { RequestedDocumentId = field.DocumentId, Status = field.Status, Ground = ground });
                }
            }
        }
        return true;
    }

    private async Task<RequestFormPage> FormPageAsync(RequestForm form, int? requestId, string? search, CancellationToken cancellationToken)
    {
        BodyChoice? body = null;
        if (form.PublicBodyId is { } bodyId)
        {
            body = await db.PublicBodies.AsNoTracking().Where(b => b.Id == bodyId)
                .Select(b => new BodyChoice(b.Id, b.Name, b.Kind, b.DepartmentCode, b.Municipality == null ? null : b.Municipality.InseeCode))
                .FirstOrDefaultAsync(cancellationToken);
        }
        IReadOnlyList<BodyChoice> results = [];
        if (!string.IsNullOrWhiteSpace(search))
        {
            results = (await PublicBodySearch.FindAsync(db, search, null, null, 30, cancellationToken))
                .Select(b => new BodyChoice(b.Id, b.Name, b.Kind, b.DepartmentCode, b.Municipality?.InseeCode)).ToList();
        }
        var cases = await db.Cases.AsNoTracking().VisibleTo(Viewer.Of(User))
            .OrderBy(c => c.Title).Select(c => new CaseChoice(c.Id, c.Title)).ToListAsync(cancellationToken);
        // A request keeps its case in the list even if the member could not choose that case now.
        var own = requestId is int rid ? await db.CadaRequests.Where(r => r.Id == rid).Select(r => r.CaseId).FirstOrDefaultAsync(cancellationToken) : null;
        if (own is int ownCase && cases.All(c => c.Id != ownCase))
        {
            cases.Add(await db.Cases.AsNoTracking().Where(c => c.Id == ownCase).Select(c => new CaseChoice(c.Id, c.Title)).FirstAsync(cancellationToken));
        }
        RenewedRequest? renews = null;
        if (form.RenewedFromId is int renewedId)
        {
            renews = await db.CadaRequests.AsNoTracking().Where(r => r.Id == renewedId)
                .Select(r => new RenewedRequest(r.Id, r.Subject, r.SentOn)).FirstOrDefaultAsync(cancellationToken);
        }
        return new RequestFormPage(form, body, search?.Trim(), results, cases, requestId, renews);
    }
}
