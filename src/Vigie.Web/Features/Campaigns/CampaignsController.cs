using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Charts;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Privacy;
using Vigie.Web.Infrastructure.Security;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Campaigns;

/// <summary>Campaigns: the list, the campaign page (public or the team's), the campaign form and the bulk sending.</summary>
[Route("campagnes")]
public sealed class CampaignsController(
    VigieDbContext db, CampaignQueries queries, RequestAnalyser analyser, FranceMap map, TimeProvider clock, IOutputCacheStore cache) : Controller
{
    private const int PageSize = 100;
    private const int MaxDocuments = 50;

    /// <summary>Words the routes use after "campagnes/", which a campaign's address cannot be.</summary>
    private static readonly string[] Reserved = ["nouvelle"];

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var viewer = CampaignViewer.Of(User);
        var campaigns = await db.Campaigns.AsNoTracking().VisibleTo(viewer.Viewer)
            .OrderBy(c => c.Status == CampaignStatus.Closed).ThenByDescending(c => c.CreatedAt)
            .Select(c => new
            {
                Campaign = c,
                Targets = db.CampaignTargets.Count(t => t.CampaignId == c.Id),
                Sent = db.CadaRequests.Count(r => r.CampaignId == c.Id && r.SentOn != null && (viewer.IsMember || Visibility.IsPublic(r))),
                Answered = db.CadaRequests.Count(r => r.CampaignId == c.Id && (viewer.IsMember || Visibility.IsPublic(r))
                    && r.Events.Any(e => e.DeletedAt == null && (e.Kind == RequestEventKind.ReplyReceived || e.Kind == RequestEventKind.ExplicitRefusal))),
            })
            .ToListAsync(cancellationToken);
        return View(new CampaignListPage(campaigns.Select(c => new CampaignCard(c.Campaign, c.Targets, c.Sent, c.Answered)).ToList(), viewer.IsMember, viewer.IsEditor));
    }

    [AllowAnonymous]
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, [FromQuery] TargetListFilter filter, CancellationToken cancellationToken)
    {
        var campaign = await queries.FindAsync(slug, cancellationToken);
        var viewer = CampaignViewer.Of(User);
        if (campaign is null || !viewer.CanSee(campaign))
        {
            return NotFound();
        }
        if (!viewer.IsMember)
        {
            Response.Headers.CacheControl = "public, max-age=60";
        }
        return View(await PageAsync(campaign, viewer, filter, new BulkSentForm { Date = FrenchDateInput.Format(analyser.Today, DatePrecision.Day) }, cancellationToken));
    }

    [Authorize(Policy = Policies.Editor)]
    [HttpGet("nouvelle")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", new CampaignFormPage(new CampaignForm { Organisers = [User.UserId()!.Value] }, null, await queries.EditorsAsync(cancellationToken)));

    [Authorize(Policy = Policies.Editor)]
    [HttpPost("nouvelle")]
    public async Task<IActionResult> Create(CampaignForm form, CancellationToken cancellationToken)
    {
        var documents = await ValidateAsync(form, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", new CampaignFormPage(form, null, await queries.EditorsAsync(cancellationToken)));
        }
        var now = clock.GetUtcNow();
        var campaign = new Campaign
        {
            Slug = await SlugAsync(form, null, cancellationToken),
            Title = FrenchTypography.Apply(form.Title.Trim()),
            Subject = FrenchTypography.Apply(form.Subject.Trim()),
            Status = CampaignStatus.Preparing,
            CreatedById = User.UserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(form, campaign, documents);
        campaign.Organisers = form.Organisers.Distinct().Select(id => new CampaignOrganiser { UserId = id }).ToList();
        db.Campaigns.Add(campaign);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(form.Slug), "Cette adresse vient d'être prise par une autre campagne : choisissez-en une autre.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", new CampaignFormPage(form, null, await queries.EditorsAsync(cancellationToken)));
        }
        TempData["Notice"] = "Campagne créée. Choisissez maintenant ses cibles.";
        return Redirect($"/campagnes/{campaign.Slug}/cibles");
    }

    [Authorize(Policy = Policies.Editor)]
    [HttpGet("{slug}/modifier")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var campaign = await queries.FindAsync(slug, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        if (!CampaignViewer.Of(User).CanManage(campaign))
        {
            return Forbid();
        }
        return View("Form", new CampaignFormPage(FormOf(campaign), campaign.Slug, await queries.EditorsAsync(cancellationToken)));
    }

    [Authorize(Policy = Policies.Editor)]
    [HttpPost("{slug}/modifier")]
    public async Task<IActionResult> Update(string slug, CampaignForm form, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Documents).Include(c => c.Organisers).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        if (!CampaignViewer.Of(User).CanManage(campaign))
        {
            return Forbid();
        }
        if (campaign.Version != form.Version)
        {
            // Someone saved in between: show their version beside what this person typed, and save nothing.
            form.Version = campaign.Version;
            ModelState.Remove(nameof(form.Version));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", new CampaignFormPage(form, slug, await queries.EditorsAsync(cancellationToken),
                $"Quelqu'un a modifié cette campagne pendant que vous la modifiiez (version actuelle : « {campaign.Title} », "
                + $"état {Label(campaign.Status).ToLower(Fr.Culture)}, {Fr.Count(campaign.Documents.Count, "document demandé", "documents demandés")}). "
                + "Rien n'a été enregistré : votre saisie est conservée ci-dessous ; vérifiez-la puis enregistrez à nouveau."));
        }
        var documents = await ValidateAsync(form, campaign, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", new CampaignFormPage(form, slug, await queries.EditorsAsync(cancellationToken)));
        }
        var slugChanged = false;
        var newSlug = await SlugAsync(form, campaign, cancellationToken);
        if (newSlug != campaign.Slug)
        {
            campaign.Slug = newSlug;
            slugChanged = true;
        }
        var wasPublic = Visibility.CampaignPublishesItsRequests(campaign);
        campaign.Title = FrenchTypography.Apply(form.Title.Trim());
        campaign.Subject = FrenchTypography.Apply(form.Subject.Trim());
        campaign.Status = form.Status;
        var documentsChanged = !campaign.Documents.OrderBy(d => d.Position).Select(d => d.Title).SequenceEqual(documents);
        db.CampaignDocuments.RemoveRange(campaign.Documents.Where(d => documentsChanged));
        Apply(form, campaign, documentsChanged ? documents : null);
        var wanted = form.Organisers.Distinct().ToHashSet();
        campaign.Organisers.RemoveAll(o => !wanted.Contains(o.UserId));
        campaign.Organisers.AddRange(wanted.Where(id => campaign.Organisers.All(o => o.UserId != id)).Select(id => new CampaignOrganiser { UserId = id }));
        campaign.UpdatedAt = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Saved by someone else between the check above and this save, or the address taken meanwhile: nothing is kept.
            db.ChangeTracker.Clear();
            var conflict = e is DbUpdateConcurrencyException;
            ModelState.AddModelError(conflict ? "" : nameof(form.Slug), conflict
                ? "Quelqu'un a modifié cette campagne à l'instant : rechargez la page pour voir sa version, puis refaites vos changements."
                : "Cette adresse vient d'être prise par une autre campagne : choisissez-en une autre.");
            Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return View("Form", new CampaignFormPage(form, slug, await queries.EditorsAsync(cancellationToken)));
        }
        var updated = await UpdateUnsentRequestsAsync(campaign, documentsChanged ? documents : null, cancellationToken);
        if (Visibility.CampaignPublishesItsRequests(campaign) != wasPublic)
        {
            // Publicity follows the campaign when it changes; a request's own setting can be adjusted afterwards.
            var shown = Visibility.CampaignPublishesItsRequests(campaign);
            await db.CadaRequests.Where(r => r.CampaignId == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsPublic, shown), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await cache.EvictByTagAsync(CachePolicies.Public, cancellationToken);
        TempData["Notice"] = "Campagne enregistrée." + (updated > 0 ? $" {Fr.Count(updated, "demande encore non envoyée a été mise à jour", "demandes encore non envoyées ont été mises à jour")}." : "")
            + (slugChanged ? " Son adresse a changé." : "");
        return Redirect($"/campagnes/{campaign.Slug}");
    }

    /// <summary>Requests without any event yet take the campaign's new wording; the others keep what was sent.</summary>
    private async Task<int> UpdateUnsentRequestsAsync(Campaign campaign, IReadOnlyList<string>? documents, CancellationToken cancellationToken)
    {
        var unsent = db.CadaRequests.Where(r => r.CampaignId == campaign.Id && !r.Events.Any(e => e.DeletedAt == null));
        var updated = await unsent.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Subject, campaign.Subject)
            .SetProperty(r => r.Mode, campaign.Mode)
            .SetProperty(r => r.Channel, campaign.Channel)
            .SetProperty(r => r.Context, campaign.Context)
            .SetProperty(r => r.LetterParagraph, campaign.LetterParagraph)
            .SetProperty(r => r.UpdatedAt, campaign.UpdatedAt), cancellationToken);
        if (documents is not null && updated > 0)
        {
            await db.RequestedDocuments.Where(d => unsent.Select(r => r.Id).Contains(d.CadaRequestId)).ExecuteDeleteAsync(cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO requested_documents (cada_request_id, position, title)
                SELECT r.id, d.position, d.title FROM cada_requests r JOIN campaign_documents d ON d.campaign_id = r.campaign_id
                WHERE r.campaign_id = {campaign.Id} AND NOT EXISTS (SELECT 1 FROM request_events e WHERE e.cada_request_id = r.id AND e.deleted_at IS NULL)
                """, cancellationToken);
        }
        return updated;
    }

    [AllowAnonymous]
    [HttpGet("{slug}/export.csv")]
    public async Task<IActionResult> Csv(string slug, CancellationToken cancellationToken)
    {
        var campaign = await queries.FindAsync(slug, cancellationToken);
        var viewer = CampaignViewer.Of(User);
        if (campaign is null || !viewer.CanSee(campaign))
        {
            return NotFound();
        }
        var exports = HttpContext.RequestServices.GetRequiredService<CampaignExports>();
        Response.ContentType = "text/csv; charset=utf-8";
        var name = $"campagne-{campaign.Slug}-{analyser.Today:yyyyMMdd}.csv";
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = name, FileNameStar = name }.ToString();
        Response.Headers.CacheControl = viewer.IsMember ? "private, no-store" : "public, max-age=60";
        await using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await exports.WriteCsvAsync(campaign, viewer.Viewer, writer, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    [Authorize(Policy = Policies.Editor)]
    [HttpPost("{slug}/envoi")]
    public async Task<IActionResult> BulkSent(string slug, [FromQuery] TargetListFilter filter, [Bind(Prefix = "Bulk")] BulkSentForm form, CancellationToken cancellationToken)
    {
        var campaign = await queries.FindAsync(slug, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        var viewer = CampaignViewer.Of(User);
        if (!viewer.CanManage(campaign))
        {
            return Forbid();
        }
        if (FrenchDateInput.PastDateError(form.Date, analyser.Today, "Indiquez la date d'envoi (jj/mm/aaaa).", out var date, out var precision) is { } dateError)
        {
            ModelState.AddModelError("Bulk.Date", dateError);
        }
        var candidates = db.CadaRequests.Where(r => r.CampaignId == campaign.Id);
        candidates = form.Scope == "brouillons"
            ? candidates.Where(r => r.State == RequestState.Draft)
            : candidates.Where(r => form.Ids.Contains(r.Id));
        var ids = await candidates.Select(r => r.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            ModelState.AddModelError("Bulk.Ids", form.Scope == "brouillons"
                ? "Aucune demande de la campagne n'attend d'être envoyée."
                : "Cochez au moins une demande dans la liste, ou choisissez « toutes les demandes pas encore envoyées ».");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(campaign, viewer, filter, form, cancellationToken));
        }
        var (recorded, skipped) = await RecordSentAsync(ids, date, precision, cancellationToken);
        TempData["Notice"] = $"Envoi du {Fr.Date(date, precision)} enregistré pour {Fr.Count(recorded, "demande", "demandes")}."
            + (skipped > 0 ? $" {Fr.Count(skipped, "demande déjà envoyée n'a pas été modifiée", "demandes déjà envoyées n'ont pas été modifiées")}." : "");
        return Redirect($"/campagnes/{campaign.Slug}{filter.With("tri", filter.Tri)}#cibles");
    }

    /// <summary>
    /// One "sent" event per request that has none, each with its history row, and the cached state recomputed, in one
    /// transaction: either every selected request is marked sent or none is.
    /// </summary>
    private async Task<(int Recorded, int Skipped)> RecordSentAsync(IReadOnlyList<int> ids, DateOnly date, DatePrecision precision,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requests = await analyser.Full().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var userId = User.UserId();
        var added = new List<(CadaRequest Request, CadaRequestEvent Event)>();
        foreach (var request in requests.Where(r => r.Events.All(e => e.Kind != RequestEventKind.Sent || e.DeletedAt != null)))
        {
            var sent = new CadaRequestEvent { Kind = RequestEventKind.Sent, OccurredOn = date, OccurredOnPrecision = precision, AuthorId = userId, CreatedAt = now, UpdatedAt = now };
            request.Events.Add(sent);
            added.Add((request, sent));
        }
        await db.SaveChangesAsync(cancellationToken);
        var today = analyser.Today;
        foreach (var (request, sent) in added)
        {
            db.RequestEventRevisions.Add(new CadaRequestEventRevision
            {
                EventId = sent.Id,
                CadaRequestId = request.Id,
                At = now,
                ActorId = userId,
                Action = EventRevisionAction.Created,
                Summary = EventRules.Summary(sent, request.RequestedDocuments.OrderBy(d => d.Position).ToList()),
            });
            RequestAnalyser.Cache(request, RequestAnalyser.Analyse(request, today), today);
            request.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (added.Count, requests.Count - added.Count);
    }

    private async Task<CampaignPage> PageAsync(Campaign campaign, CampaignViewer viewer, TargetListFilter filter, BulkSentForm bulk, CancellationToken cancellationToken)
    {
        var team = viewer.IsMember;
        var manage = viewer.CanManage(campaign);
        var rows = await queries.RowsAsync(campaign.Id, team, viewer.SeesClaimants(campaign), cancellationToken);
        var filtered = CampaignQueries.Filter(rows, filter, viewer.UserId, team);
        var pageCount = Math.Max(1, (filtered.Count + PageSize - 1) / PageSize);
        filter.Page = Math.Clamp(filter.Page, 1, pageCount);
        var stateCounts = rows.Where(r => r.State is not null).GroupBy(r => r.State!.Value).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var stageCounts = CampaignStages.Ordered.Select(s => (s, rows.Count(r => r.Stage == s))).Where(s => s.Item2 > 0).ToList();
        var departments = await queries.DepartmentsAsync(rows, cancellationToken);
        var results = await queries.ResultsAsync(campaign, viewer.Viewer, cancellationToken);
        var members = manage ? await queries.MembersAsync(clock.GetUtcNow(), cancellationToken) : [];
        var job = team
            ? await db.CampaignJobs.AsNoTracking().Where(j => j.CampaignId == campaign.Id && (j.Status == CampaignJobStatus.Queued || j.Status == CampaignJobStatus.Running))
                .OrderByDescending(j => j.CreatedAt).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new CampaignPage(
            campaign, viewer, manage,
            NarrativeMarkdown.ToHtml(campaign.Description, headingOffset: 1),
            rows, filtered.Skip((filter.Page - 1) * PageSize).Take(PageSize).ToList(), filtered.Count, pageCount, filter,
            stateCounts, stageCounts,
            CampaignPictures.StageBar(stageCounts, "avancement-titre"),
            CampaignPictures.Map(map, campaign.Slug, departments, "carte-titre"),
            map.Attribution,
            departments, results,
            team ? campaign.Organisers.Select(o => o.User?.DisplayName ?? "").Where(n => n.Length > 0).Order(StringComparer.Create(Fr.Culture, true)).ToList() : [],
            members, job, analyser.Today, bulk);
    }

    private static CampaignForm FormOf(Campaign campaign) => new()
    {
        Title = campaign.Title,
        Slug = campaign.Slug,
        Description = campaign.Description,
        Subject = campaign.Subject,
        Documents = string.Join('\n', campaign.Documents.OrderBy(d => d.Position).Select(d => d.Title)),
        LetterParagraph = campaign.LetterParagraph,
        Mode = campaign.Mode,
        Channel = campaign.Channel,
        Context = campaign.Context,
        RequestsArePublic = campaign.RequestsArePublic,
        Status = campaign.Status,
        Organisers = campaign.Organisers.Select(o => o.UserId).ToList(),
        Version = campaign.Version,
    };

    private static void Apply(CampaignForm form, Campaign campaign, IReadOnlyList<string>? documents)
    {
        campaign.Description = (form.Description ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        campaign.LetterParagraph = Clean(form.LetterParagraph) is { } paragraph ? FrenchTypography.Apply(paragraph) : null;
        campaign.Mode = form.Mode;
        campaign.Channel = form.Channel;
        campaign.Context = Clean(form.Context) is { } context ? FrenchTypography.Apply(context) : null;
        campaign.RequestsArePublic = form.RequestsArePublic;
        if (documents is not null)
        {
            campaign.Documents = documents.Select((title, i) => new CampaignDocument { Title = title, Position = i + 1 }).ToList();
        }
    }

    /// <summary>Checks what annotations cannot; returns the documents, one per non-empty line, typography applied.</summary>
    private async Task<List<string>> ValidateAsync(CampaignForm form, Campaign? existing, CancellationToken cancellationToken)
    {
        if (NarrativeMarkdown.Validate(form.Description) is { } problem)
        {
            ModelState.AddModelError(nameof(form.Description), problem);
        }
        var documents = (form.Documents ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(FrenchTypography.Apply).ToList();
        if (documents.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Documents), "Indiquez au moins un document, un par ligne.");
        }
        else if (documents.Count > MaxDocuments)
        {
            ModelState.AddModelError(nameof(form.Documents), $"{MaxDocuments} documents au plus par demande.");
        }
        else if (documents.Any(d => d.Length > 500))
        {
            ModelState.AddModelError(nameof(form.Documents), "Chaque document tient sur une ligne de 500 caractères au plus.");
        }
        if (!string.IsNullOrWhiteSpace(form.Slug))
        {
            var slug = form.Slug.Trim();
            if (slug != Slugs.From(slug))
            {
                ModelState.AddModelError(nameof(form.Slug), $"Minuscules, chiffres et tirets seulement (par exemple « {Slugs.From(slug)} »).");
            }
            else if (Reserved.Contains(slug))
            {
                ModelState.AddModelError(nameof(form.Slug), $"« {slug} » est réservé : choisissez une autre adresse.");
            }
            else if (await db.Campaigns.AnyAsync(c => c.Slug == slug && (existing == null || c.Id != existing.Id), cancellationToken))
            {
                ModelState.AddModelError(nameof(form.Slug), "Une autre campagne a déjà cette adresse.");
            }
        }
        var editors = (await queries.EditorsAsync(cancellationToken)).Select(e => e.Id).ToHashSet();
        if (form.Organisers.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Organisers), "Choisissez au moins un organisateur.");
        }
        else if (form.Organisers.Any(id => !editors.Contains(id)))
        {
            ModelState.AddModelError(nameof(form.Organisers), "Les organisateurs sont des éditeurs ou des administrateurs.");
        }
        if (existing is null && form.Status != CampaignStatus.Preparing)
        {
            form.Status = CampaignStatus.Preparing;
        }
        return documents;
    }

    private async Task<string> SlugAsync(CampaignForm form, Campaign? existing, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(form.Slug))
        {
            return form.Slug.Trim();
        }
        if (existing is not null)
        {
            return existing.Slug;
        }
        var stem = Slugs.From(form.Title);
        stem = stem.Length == 0 ? "campagne" : stem.Length > 140 ? stem[..140].TrimEnd('-') : stem;
        if (Reserved.Contains(stem))
        {
            stem += "-campagne";
        }
        var slug = stem;
        for (var i = 2; await db.Campaigns.AnyAsync(c => c.Slug == slug, cancellationToken); i++)
        {
            slug = $"{stem}-{i}";
        }
        return slug;
    }

    public static string Label(CampaignStatus status) => status switch
    {
        CampaignStatus.Preparing => "En préparation",
        CampaignStatus.Running => "En cours",
        _ => "Close",
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
