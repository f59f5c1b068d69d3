using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Campaigns.Creation;
using Vigie.Web.Features.Campaigns.Targets;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Letters;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Security;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Campaigns;

/// <summary>
/// A campaign's targets: choosing them (with a preview), creating their requests in the background, sharing them out
/// (claims and assignments), their letters in bulk, and the draft case a target's documents may lead to.
/// </summary>
[Route("campagnes/{slug}")]
public sealed class CampaignTargetsController(
    VigieDbContext db, CampaignQueries queries, TargetResolver resolver, CampaignSignal signal, TimeProvider clock,
    PublicCache cache, IWebHostEnvironment environment, Microsoft.Extensions.Options.IOptions<VigieOptions> options) : Controller
{
    /// <summary>More than this at once is almost certainly a mistake in the filter.</summary>
    public const int MaxTargetsPerAddition = 5000;

    private const int PreviewSize = 40;

    [Authorize(Policy = Policies.Editor)]
    [HttpGet("cibles")]
    public async Task<IActionResult> Targets(string slug, CancellationToken cancellationToken)
    {
        var (campaign, denied) = await ManagedAsync(slug, cancellationToken);
        if (campaign is null)
        {
            return denied!;
        }
        return View(await TargetsPageAsync(campaign, new TargetFilter(), null, cancellationToken));
    }

    /// <summary>Previews (intent "apercu") or adds the bodies the filter selects; an uploaded CSV adds its INSEE codes to the list.</summary>
    [Authorize(Policy = Policies.Editor)]
    [HttpPost("cibles")]
    [RequestSizeLimit(TargetResolver.MaxCsvBytes + 256 * 1024)]
    public async Task<IActionResult> AddTargets(string slug, TargetFilter filter, IFormFile? fichier, string? intent, CancellationToken cancellationToken)
    {
        var (campaign, denied) = await ManagedAsync(slug, cancellationToken);
        if (campaign is null)
        {
            return denied!;
        }
        if (fichier is { Length: > 0 })
        {
            if (fichier.Length > TargetResolver.MaxCsvBytes)
            {
                ModelState.AddModelError(nameof(fichier), "Le fichier dépasse 1 Mo : découpez-le.");
            }
            else
            {
                await using var stream = fichier.OpenReadStream();
                var (codes, error) = await TargetResolver.ReadCsvAsync(stream, cancellationToken);
                if (error is not null)
                {
                    ModelState.AddModelError(nameof(fichier), $"{fichier.FileName} : {error}");
                }
                else
                {
                    // The codes join the text field, so the form shown again holds them and nothing needs uploading twice.
                    filter.Codes = string.Join('\n', new[] { filter.Codes?.Trim() }.Where(c => !string.IsNullOrEmpty(c)).Concat(codes));
                    ModelState.Remove(nameof(filter.Codes));
                }
            }
        }
        var errors = new Dictionary<string, string>();
        var resolved = ModelState.IsValid ? await resolver.ResolveAsync(filter, errors, cancellationToken) : null;
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        if (!ModelState.IsValid || resolved is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Targets", await TargetsPageAsync(campaign, filter, null, cancellationToken));
        }
        var matching = resolved.Apply(db.PublicBodies.AsNoTracking());
        var existing = db.CampaignTargets.Where(t => t.CampaignId == campaign.Id).Select(t => t.PublicBodyId);
        var count = await matching.CountAsync(cancellationToken);
        var already = await matching.CountAsync(b => existing.Contains(b.Id), cancellationToken);
        if (count - already > MaxTargetsPerAddition)
        {
            ModelState.AddModelError("", $"Ces critères désignent {Fr.Number(count - already)} organismes : {Fr.Number(MaxTargetsPerAddition)} au plus par ajout. Resserrez-les.");
        }
        if (intent != "ajouter" || !ModelState.IsValid || count == 0)
        {
            var sample = await matching
                .OrderBy(b => b.DepartmentCode).ThenByDescending(b => b.Municipality!.Population).ThenBy(b => b.Name)
                .Take(PreviewSize)
                .Select(b => new PreviewBody(b.Name, b.DepartmentCode, b.Municipality == null ? null : b.Municipality.InseeCode,
                    b.Municipality == null ? null : b.Municipality.Population, existing.Contains(b.Id)))
                .ToListAsync(cancellationToken);
            if (!ModelState.IsValid)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            return View("Targets", await TargetsPageAsync(campaign, filter, new TargetPreview(count, already, sample), cancellationToken));
        }
        var added = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO campaign_targets (campaign_id, public_body_id, added_at)
            SELECT {campaign.Id}, b.id, {clock.GetUtcNow()} FROM public_bodies b
            WHERE b.id = ANY({await matching.Select(b => b.Id).ToArrayAsync(cancellationToken)})
            ORDER BY b.department_code, b.name
            ON CONFLICT (campaign_id, public_body_id) DO NOTHING
            """, cancellationToken);
        TempData["Notice"] = $"{Fr.Count(added, "cible ajoutée", "cibles ajoutées")}"
            + (already > 0 ? $" ({Fr.Count(already, "organisme était déjà ciblé", "organismes étaient déjà ciblés")})" : "")
            + ". Créez maintenant leurs demandes.";
        return Redirect($"/campagnes/{campaign.Slug}/cibles");
    }

    /// <summary>Removes targets whose request has not started: no event, nobody has claimed it. The others stay, and are counted.</summary>
    [Authorize(Policy = Policies.Editor)]
    [HttpPost("cibles/retirer")]
    public async Task<IActionResult> RemoveTargets(string slug, [FromForm(Name = "cibles")] List<int> ids, CancellationToken cancellationToken)
    {
        var (campaign, denied) = await ManagedAsync(slug, cancellationToken);
        if (campaign is null)
        {
            return denied!;
        }
        if (ids.Count == 0)
        {
            TempData["Error"] = "Cochez au moins une cible à retirer.";
            return Redirect($"/campagnes/{campaign.Slug}/cibles#cibles-actuelles");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var targets = await db.CampaignTargets.Where(t => t.CampaignId == campaign.Id && ids.Contains(t.Id))
            .Select(t => new
            {
                Target = t,
                Started = t.CadaRequest != null && (t.CadaRequest.RequesterId != null || t.CadaRequest.Events.Any(e => e.DeletedAt == null)),
            })
            .ToListAsync(cancellationToken);
        var removable = targets.Where(t => !t.Started).Select(t => t.Target).ToList();
        var requestIds = removable.Where(t => t.CadaRequestId is not null).Select(t => t.CadaRequestId!.Value).ToList();
        db.CampaignTargets.RemoveRange(removable);
        await db.SaveChangesAsync(cancellationToken);
        await db.CadaRequests.Where(r => requestIds.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.EvictAsync([PublicCache.Lists, .. requestIds.Select(PublicCache.Request)], cancellationToken);
        var kept = targets.Count - removable.Count;
        TempData["Notice"] = $"{Fr.Count(removable.Count, "cible retirée", "cibles retirées")}."
            + (kept > 0 ? $" {Fr.Count(kept, "cible est conservée : sa demande", "cibles sont conservées : leur demande")} a déjà été réservée ou a des événements." : "");
        return Redirect($"/campagnes/{campaign.Slug}/cibles#cibles-actuelles");
    }

    /// <summary>Queues the creation of the missing requests; asking again while a creation runs shows that one.</summary>
    [Authorize(Policy = Policies.Editor)]
    [HttpPost("demandes")]
    public async Task<IActionResult> CreateRequests(string slug, CancellationToken cancellationToken)
    {
        var (campaign, denied) = await ManagedAsync(slug, cancellationToken);
        if (campaign is null)
        {
            return denied!;
        }
        if (campaign.Status == CampaignStatus.Closed)
        {
            return Message(campaign, StatusCodes.Status409Conflict, "Campagne close", "La campagne est close : rouvrez-la (« Modifier ») pour créer de nouvelles demandes.");
        }
        var running = await db.CampaignJobs.AsNoTracking()
            .Where(j => j.CampaignId == campaign.Id && (j.Status == CampaignJobStatus.Queued || j.Status == CampaignJobStatus.Running))
            .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        if (running is { } runningId)
        {
            return Redirect($"/campagnes/{campaign.Slug}/creation/{runningId}");
        }
        var missing = await db.CampaignTargets.CountAsync(t => t.CampaignId == campaign.Id && t.CadaRequestId == null, cancellationToken);
        if (missing == 0)
        {
            TempData["Notice"] = "Toutes les cibles ont déjà leur demande.";
            return Redirect($"/campagnes/{campaign.Slug}");
        }
        var job = new CampaignJob { Id = Guid.NewGuid(), CampaignId = campaign.Id, CreatedAt = clock.GetUtcNow(), Status = CampaignJobStatus.Queued, Total = missing };
        db.CampaignJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return Redirect($"/campagnes/{campaign.Slug}/creation/{job.Id}");
    }

    /// <summary>The creation's progress; the page reloads itself (no script) and leads to the campaign once done.</summary>
    [HttpGet("creation/{id:guid}")]
    public async Task<IActionResult> Job(string slug, Guid id, CancellationToken cancellationToken)
    {
        var campaign = await queries.FindAsync(slug, cancellationToken);
        var job = campaign is null ? null : await db.CampaignJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.CampaignId == campaign.Id, cancellationToken);
        if (campaign is null || job is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        if (job.Status == CampaignJobStatus.Done)
        {
            TempData["Notice"] = $"{Fr.Count(job.Done, "demande créée", "demandes créées")}, chacune avec son courrier. Les bénévoles peuvent maintenant réserver leurs cibles.";
            return Redirect($"/campagnes/{campaign.Slug}");
        }
        return View(new CampaignJobPage(campaign, job));
    }

    [HttpPost("cibles/{targetId:int}/reserver")]
    public async Task<IActionResult> Claim(string slug, int targetId, string? retour, CancellationToken cancellationToken)
    {
        var (campaign, target, denied) = await TargetAsync(slug, targetId, cancellationToken);
        if (target is null)
        {
            return denied!;
        }
        var me = User.UserId()!.Value;
        var claimed = await db.CadaRequests.Where(r => r.Id == target.RequestId && r.RequesterId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequesterId, me).SetProperty(r => r.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        if (claimed == 0)
        {
            var holder = await db.CadaRequests.Where(r => r.Id == target.RequestId).Select(r => r.RequesterId).FirstAsync(cancellationToken);
            if (holder != me)
            {
                return Message(campaign!, StatusCodes.Status409Conflict, "Cible déjà réservée",
                    $"Un autre membre de l'équipe a déjà réservé la demande à {target.BodyName}. Choisissez une autre cible libre ; "
                    + "un organisateur de la campagne peut la réattribuer si besoin.");
            }
        }
        TempData["Notice"] = $"Vous avez réservé la demande à {target.BodyName} : elle apparaît dans « Mes demandes », et ses courriers portent votre identité.";
        return Back(campaign!, retour);
    }

    [HttpPost("cibles/{targetId:int}/liberer")]
    public async Task<IActionResult> Release(string slug, int targetId, string? retour, CancellationToken cancellationToken)
    {
        var (campaign, target, denied) = await TargetAsync(slug, targetId, cancellationToken);
        if (target is null)
        {
            return denied!;
        }
        var viewer = CampaignViewer.Of(User);
        var manage = viewer.CanManage(campaign!);
        var released = await db.CadaRequests.Where(r => r.Id == target.RequestId && r.RequesterId != null && (manage || r.RequesterId == viewer.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequesterId, (int?)null).SetProperty(r => r.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        if (released == 0)
        {
            return Message(campaign!, StatusCodes.Status409Conflict, "Rien à libérer",
                $"La demande à {target.BodyName} n'est pas réservée à votre nom : seuls la personne qui l'a réservée et les organisateurs peuvent la libérer.");
        }
        TempData["Notice"] = $"La demande à {target.BodyName} est de nouveau libre.";
        return Back(campaign!, retour);
    }

    /// <summary>Organisers assign a target to a member, or take it back from one (an empty choice frees it).</summary>
    [Authorize(Policy = Policies.Editor)]
    [HttpPost("cibles/{targetId:int}/attribuer")]
    public async Task<IActionResult> Assign(string slug, int targetId, [FromForm(Name = "membre")] int? memberId, string? retour,
        [FromServices] UserManager<User> userManager, CancellationToken cancellationToken)
    {
        var (campaign, target, denied) = await TargetAsync(slug, targetId, cancellationToken);
        if (target is null)
        {
            return denied!;
        }
        if (!CampaignViewer.Of(User).CanManage(campaign!))
        {
            return Forbid();
        }
        string name;
        if (memberId is { } id)
        {
            var member = await userManager.FindByIdAsync(id.ToString(Fr.Culture));
            if (member is null || (await userManager.GetRolesAsync(member)).Count == 0 || await userManager.IsLockedOutAsync(member))
            {
                return Message(campaign!, StatusCodes.Status400BadRequest, "Membre introuvable",
                    "Ce compte n'existe pas, n'a pas de rôle dans l'équipe ou est verrouillé : choisissez un autre membre.");
            }
            name = member.DisplayName;
        }
        else
        {
            name = "";
        }
        await db.CadaRequests.Where(r => r.Id == target.RequestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequesterId, memberId).SetProperty(r => r.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        TempData["Notice"] = memberId is null ? $"La demande à {target.BodyName} est de nouveau libre." : $"Demande à {target.BodyName} attribuée à {name}.";
        return Back(campaign!, retour);
    }

    /// <summary>The letters of one kind for the requests at one stage (or all), as a ZIP of PDFs and texts.</summary>
    [Authorize(Policy = Policies.Editor)]
    [HttpGet("courriers.zip")]
    public async Task<IActionResult> Letters(string slug, [FromQuery(Name = "type")] string? type, [FromQuery(Name = "etape")] string? stage,
        [FromServices] CampaignExports exports, [FromServices] UserManager<User> userManager, CancellationToken cancellationToken)
    {
        var (campaign, denied) = await ManagedAsync(slug, cancellationToken);
        if (campaign is null)
        {
            return denied!;
        }
        if (LetterKinds.FromSlug(type) is not { } kind || (stage is not null && CampaignStages.FromSlug(stage) is null))
        {
            return Message(campaign, StatusCodes.Status400BadRequest, "Courriers : choix invalide",
                "Choisissez le type de courrier (demande, relance ou saisine de la CADA) et, si vous le souhaitez, l'étape des demandes concernées.");
        }
        var rows = await queries.RowsAsync(campaign.Id, team: true, withNames: false, cancellationToken);
        var ids = rows.Where(r => r.RequestId is not null && (stage is null || r.Stage.Slug() == stage)).Select(r => r.RequestId!.Value).ToList();
        if (ids.Count == 0)
        {
            return Message(campaign, StatusCodes.Status404NotFound, "Aucun courrier à préparer", "Aucune demande de la campagne n'est à cette étape.");
        }
        var me = await userManager.GetUserAsync(User);
        var directory = Path.Combine(options.Value.ResolveDataDirectory(environment.ContentRootPath), "tmp");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"courriers-{Guid.NewGuid():N}.zip");
        try
        {
            await exports.WriteLettersAsync(campaign, kind, ids, me?.Id, me is null ? null : RequesterIdentity.Of(me), path, clock.GetUtcNow(), cancellationToken);
        }
        catch (Vigie.Pdf.FontsMissingException)
        {
            System.IO.File.Delete(path);
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var name = $"campagne-{campaign.Slug}-{kind.Slug()}{(stage is null ? "" : "-" + stage)}.zip";
        Response.Headers.CacheControl = "private, no-store";
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(stream, "application/zip", name);
    }

    /// <summary>Starts a draft case about the target's commune from what its request brought back, and links the request to it.</summary>
    [Authorize(Policy = Policies.Editor)]
    [HttpPost("cibles/{targetId:int}/dossier")]
    public async Task<IActionResult> DraftCase(string slug, int targetId, [FromServices] CaseChanges changes, [FromServices] RequestAnalyser analyser,
        CancellationToken cancellationToken)
    {
        var (campaign, target, denied) = await TargetAsync(slug, targetId, cancellationToken);
        if (target is null)
        {
            return denied!;
        }
        if (!CampaignViewer.Of(User).CanManage(campaign!))
        {
            return Forbid();
        }
        var request = await analyser.Full().AsNoTracking().Include(r => r.PublicBody!).ThenInclude(b => b.Municipality)
            .FirstAsync(r => r.Id == target.RequestId, cancellationToken);
        if (request.CaseId is { } existing)
        {
            return Redirect($"/edition/dossiers/{existing}");
        }
        if (request.PublicBody!.Kind != PublicBodyKind.Commune || request.PublicBody.Municipality is not { } commune)
        {
            return Message(campaign!, StatusCodes.Status409Conflict, "Pas de commune",
                "Un dossier porte sur une commune : cette cible est un autre organisme. Créez le dossier depuis l'édition, en choisissant la commune.");
        }
        var analysis = RequestAnalyser.Analyse(request, analyser.Today);
        var draft = DraftCases.From(campaign!, request, commune, analysis, RequestAnalyser.LiveEvents(request));
        draft.Slug = await UniqueCaseSlugAsync(draft.Slug, cancellationToken);
        await changes.CreateAsync(draft, User.UserId()!.Value, cancellationToken);
        await db.CadaRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CaseId, draft.Id), cancellationToken);
        TempData["Notice"] = $"Brouillon de dossier créé pour {commune.Name} à partir de la campagne : complétez-le, ajoutez les documents reçus et leurs sources.";
        return Redirect($"/edition/dossiers/{draft.Id}");
    }

    private async Task<string> UniqueCaseSlugAsync(string stem, CancellationToken cancellationToken)
    {
        var slug = stem;
        for (var i = 2; await db.Cases.AnyAsync(c => c.Slug == slug, cancellationToken); i++)
        {
            slug = $"{stem}-{i}";
        }
        return slug;
    }

    private sealed record TargetInfo(int TargetId, int RequestId, string BodyName);

    /// <summary>The campaign (visible to the member) and its target with a request; 404 or 409 otherwise.</summary>
    private async Task<(Campaign? Campaign, TargetInfo? Target, IActionResult? Denied)> TargetAsync(string slug, int targetId, CancellationToken cancellationToken)
    {
        var campaign = await queries.FindAsync(slug, cancellationToken);
        var viewer = CampaignViewer.Of(User);
        if (campaign is null || !viewer.CanSee(campaign))
        {
            return (null, null, NotFound());
        }
        var target = await db.CampaignTargets.AsNoTracking().Where(t => t.Id == targetId && t.CampaignId == campaign.Id)
            .Select(t => new { t.Id, t.CadaRequestId, t.PublicBody!.Name }).FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return (campaign, null, NotFound());
        }
        if (campaign.Status == CampaignStatus.Closed)
        {
            return (campaign, null, Message(campaign, StatusCodes.Status409Conflict, "Campagne close", "La campagne est close : ses cibles ne se réservent ni ne s'attribuent plus."));
        }
        if (target.CadaRequestId is not { } requestId)
        {
            return (campaign, null, Message(campaign, StatusCodes.Status409Conflict, "Demande pas encore créée",
                $"La demande à {target.Name} n'est pas encore créée : un organisateur doit d'abord lancer la création des demandes."));
        }
        return (campaign, new TargetInfo(target.Id, requestId, target.Name), null);
    }

    private async Task<(Campaign? Campaign, IActionResult? Denied)> ManagedAsync(string slug, CancellationToken cancellationToken)
    {
        var campaign = await queries.FindAsync(slug, cancellationToken);
        if (campaign is null)
        {
            return (null, NotFound());
        }
        return CampaignViewer.Of(User).CanManage(campaign) ? (campaign, null) : (null, Forbid());
    }

    private async Task<TargetsPage> TargetsPageAsync(Campaign campaign, TargetFilter filter, TargetPreview? preview, CancellationToken cancellationToken) => new(
        campaign, filter, preview,
        await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken),
        await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken),
        CampaignQueries.Filter(await queries.RowsAsync(campaign.Id, team: true, withNames: false, cancellationToken), new TargetListFilter { Tri = "organisme" }, null, true));

    private ViewResult Message(Campaign campaign, int status, string title, string message)
    {
        Response.StatusCode = status;
        return View("Message", new CampaignMessagePage(campaign, title, message));
    }

    /// <summary>Back to the list as it was (its query string only: never another site).</summary>
    private RedirectResult Back(Campaign campaign, string? retour) =>
        Redirect($"/campagnes/{campaign.Slug}{(retour is not null && retour.StartsWith('?') && !retour.Contains('#', StringComparison.Ordinal) ? retour : "")}#cibles");
}

/// <summary>A draft case pre-filled from a campaign request: the commune, the campaign's subject, and the dated facts.</summary>
public static class DraftCases
{
    public static Case From(Campaign campaign, CadaRequest request, Municipality commune, Requests.Deadlines.RequestAnalysis analysis,
        IReadOnlyList<CadaRequestEvent> events)
    {
        var title = FrenchTypography.Apply($"{commune.Name} : {campaign.Subject}");
        if (title.Length > 300)
        {
            title = title[..300];
        }
        var documents = request.RequestedDocuments.OrderBy(d => d.Position).ToList();
        var lines = new List<string>
        {
            $"Ce brouillon a été ouvert à partir de la campagne de demandes « {campaign.Title} » (demande CADA à {request.PublicBody!.Name}). "
            + "Vérifiez chaque fait, ajoutez les documents reçus et leurs sources avant de proposer le dossier à la publication.",
            "",
            "## Ce que la commune a communiqué",
            "",
        };
        for (var i = 0; i < documents.Count; i++)
        {
            var outcome = i < analysis.DocumentOutcomes.Count ? analysis.DocumentOutcomes[i] : Requests.Deadlines.DocumentOutcome.NotAnswered(i + 1);
            var ground = outcome.Ground is { } g ? $" ({Requests.Deadlines.FrenchLabels.Label(g)})" : "";
            lines.Add($"- {documents[i].Title} : {Requests.Deadlines.FrenchLabels.Label(outcome.Status)}{ground}");
        }
        lines.Add("");
        lines.Add("## Chronologie de la demande");
        lines.Add("");
        foreach (var e in events.Where(e => e.Kind != Requests.Deadlines.RequestEventKind.Note))
        {
            var details = EventRules.Details(e, documents, withComment: false);
            lines.Add($"- {EventRules.DisplayDate(e)} : {Requests.Deadlines.FrenchLabels.Label(e.Kind)}{(details.Length > 0 ? $" ({details})" : "")}");
        }
        var communicated = analysis.DocumentOutcomes.Count(o => o.IsCommunicated);
        return new Case
        {
            Title = title,
            Slug = Slugs.From(title) is { Length: > 0 } s ? (s.Length > 140 ? s[..140].TrimEnd('-') : s) : "dossier",
            MunicipalityId = commune.Id,
            Summary = FrenchTypography.Apply($"{commune.Name} a répondu à la campagne « {campaign.Title} » : "
                + $"{communicated} document{(communicated > 1 ? "s" : "")} communiqué{(communicated > 1 ? "s" : "")} sur {documents.Count}."),
            Body = string.Join('\n', lines),
            Status = CaseStatus.Draft,
        };
    }
}
