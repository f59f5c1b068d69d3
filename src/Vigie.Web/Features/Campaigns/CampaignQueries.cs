using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Campaigns;

/// <summary>Reading a campaign: the campaign, its targets as rows, the results of its requests.</summary>
public sealed class CampaignQueries(VigieDbContext db, RequestAnalyser analyser)
{
    public Task<Campaign?> FindAsync(string slug, CancellationToken cancellationToken) => db.Campaigns.AsNoTracking()
        .Include(c => c.Documents.OrderBy(d => d.Position))
        .Include(c => c.Organisers).ThenInclude(o => o.User)
        .AsSplitQuery()
        .FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);

    /// <summary>
    /// Every target, after refreshing the cached state of the campaign's requests not yet analysed today, so the states
    /// (and the counts made from them) are the deadline engine's for today. Private requests are hidden unless
    /// <paramref name="team"/>; requesters are named only when <paramref name="withNames"/>.
    /// </summary>
    public async Task<List<TargetRow>> RowsAsync(int campaignId, bool team, bool withNames, CancellationToken cancellationToken)
    {
        var today = analyser.Today;
        await analyser.RefreshAsync(r => r.CampaignId == campaignId && (r.AnalysedOn == null || (r.AnalysedOn < today && !r.IsClosed)), cancellationToken);
        var rows = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId)
            .Select(t => new
            {
                t.Id,
                t.PublicBodyId,
                t.PublicBody!.Name,
                t.PublicBody.Kind,
                t.PublicBody.DepartmentCode,
                Insee = t.PublicBody.Municipality == null ? null : t.PublicBody.Municipality.InseeCode,
                Population = t.PublicBody.Municipality == null ? null : t.PublicBody.Municipality.Population,
                Request = t.CadaRequest == null ? null : new
                {
                    t.CadaRequest.Id,
                    t.CadaRequest.State,
                    t.CadaRequest.StateLabel,
                    t.CadaRequest.ClosingOutcome,
                    t.CadaRequest.NextDeadlineOn,
                    t.CadaRequest.NextDeadlineKind,
                    t.CadaRequest.NextAction,
                    t.CadaRequest.SentOn,
                    Shown = Visibility.IsPublic(t.CadaRequest),
                    t.CadaRequest.RequesterId,
                    RequesterName = withNames && t.CadaRequest.Requester != null ? t.CadaRequest.Requester.DisplayName : null,
                    t.CadaRequest.CaseId,
                },
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var request = r.Request;
            var shown = request is not null && (team || request.Shown);
            return new TargetRow(r.Id, r.PublicBodyId, r.Name, r.Kind, r.DepartmentCode, r.Insee, r.Population,
                request?.Id,
                shown ? request!.State : null,
                shown ? request!.StateLabel : null,
                shown ? request!.ClosingOutcome : null,
                shown ? request!.NextDeadlineOn : null,
                shown ? request!.NextDeadlineKind : null,
                shown ? request!.NextAction : null,
                shown ? request!.SentOn : null,
                request?.Shown ?? false,
                team ? request?.RequesterId : null,
                request?.RequesterName,
                shown ? request!.CaseId : null);
        }).ToList();
    }

    public static IReadOnlyList<TargetRow> Filter(IReadOnlyList<TargetRow> rows, TargetListFilter filter, int? viewerId, bool team)
    {
        IEnumerable<TargetRow> result = rows;
        if (CampaignStages.FromSlug(filter.Etape) is { } stage)
        {
            result = result.Where(r => r.Stage == stage);
        }
        if (filter.Etat is { } state)
        {
            result = result.Where(r => r.State == state);
        }
        if (!string.IsNullOrWhiteSpace(filter.Departement))
        {
            result = result.Where(r => string.Equals(r.DepartmentCode, filter.Departement.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        if (team)
        {
            result = filter.Attribution switch
            {
                "libres" => result.Where(r => r.RequestId is not null && !r.IsClaimed),
                "miennes" => result.Where(r => viewerId is not null && r.RequesterId == viewerId),
                "reservees" => result.Where(r => r.IsClaimed),
                _ => result,
            };
        }
        var ordered = filter.Tri switch
        {
            "organisme" => result.OrderBy(r => r.BodyName, StringComparer.Create(Infrastructure.Formatting.Fr.Culture, ignoreCase: true)),
            "etat" => result.OrderBy(r => r.Stage).ThenBy(r => r.State).ThenBy(r => r.NextDeadlineOn ?? DateOnly.MaxValue),
            "population" => result.OrderByDescending(r => r.Population ?? -1),
            _ => result.OrderBy(r => r.NextDeadlineOn is null).ThenBy(r => r.NextDeadlineOn).ThenBy(r => r.Stage).ThenBy(r => r.BodyName, StringComparer.Ordinal),
        };
        return ordered.ThenBy(r => r.TargetId).ToList();
    }

    public async Task<IReadOnlyList<DepartmentProgress>> DepartmentsAsync(IReadOnlyList<TargetRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Where(r => r.DepartmentCode is not null).Select(r => r.DepartmentCode!).Distinct().ToList();
        var names = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        return rows.Where(r => r.DepartmentCode is not null).GroupBy(r => r.DepartmentCode!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DepartmentProgress(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(),
                g.GroupBy(r => r.Stage).ToDictionary(s => s.Key, s => s.Count())))
            .ToList();
    }

    /// <summary>
    /// What came back: the engine's outcome of each requested document, refusal grounds and CADA opinions. Members follow
    /// every request's progress; a request's own wording and its case are shown only to those who may see them.
    /// </summary>
    public async Task<CampaignResults> ResultsAsync(Campaign campaign, Viewer viewer, CancellationToken cancellationToken)
    {
        var today = analyser.Today;
        var requests = await analyser.Full().AsNoTracking()
            .Where(r => r.CampaignId == campaign.Id && r.SentOn != null).Where(Visibility.CampaignProgressFor(viewer))
            .Include(r => r.Case)
            .Include(r => r.Campaign)
            .ToListAsync(cancellationToken);
        var targets = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaign.Id && t.CadaRequestId != null)
            .ToDictionaryAsync(t => t.CadaRequestId!.Value, t => t.Id, cancellationToken);
        var views = requests.OrderBy(r => r.PublicBody!.Name, StringComparer.Create(Infrastructure.Formatting.Fr.Culture, ignoreCase: true))
            .Select(r => new PublicRequestView(r, RequestAnalyser.Analyse(r, today), RequestAnalyser.LiveEvents(r)))
            .ToList();
        var outcomes = views.Select(TransparencySummary.Classify).ToList();
        var tallies = campaign.Documents.OrderBy(d => d.Position).Select(d =>
        {
            var own = views.Select(v => v.Analysis.DocumentOutcomes.FirstOrDefault(o => o.Document == d.Position)?.Status ?? DocumentStatus.NotAnswered).ToList();
            return new DocumentTally(d.Position, d.Title, own.Count(s => s == DocumentStatus.Received), own.Count(s => s == DocumentStatus.ReceivedRedacted),
                own.Count(s => s == DocumentStatus.Refused), own.Count(s => s == DocumentStatus.NotAnswered));
        }).ToList();
        var grounds = views
            .SelectMany(v => v.Analysis.DocumentOutcomes.Where(o => o.Status == DocumentStatus.Refused).Select(o => o.Ground ?? RefusalGround.Other).Distinct())
            .GroupBy(g => g).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key).ToList();
        var opinions = views.SelectMany(v => v.Events.Where(e => e.Kind == RequestEventKind.CadaOpinion && e.OpinionNumber is not null)
                .Select(e => new OpinionRow(targets.GetValueOrDefault(v.Request.Id), v.Request.PublicBody!.Name, e.OccurredOn, e.OpinionNumber!,
                    e.OpinionSens ?? OpinionSens.Favorable, e.OpinionMotivation)))
            .OrderBy(o => o.Date).ToList();
        var results = views.Select((v, i) => (View: v, Outcome: outcomes[i]))
            .Where(x => x.View.Events.Any(e => e.Kind is RequestEventKind.ReplyReceived or RequestEventKind.ExplicitRefusal))
            .Select(x => new TargetResult(
                targets.GetValueOrDefault(x.View.Request.Id), x.View.Request.Id, x.View.Request.PublicBody!.Name,
                x.View.Request.PublicBody.Kind == PublicBodyKind.Commune && x.View.Request.PublicBody.MunicipalityId is not null,
                x.Outcome,
                x.View.Documents.Select((d, i) => new DocumentResult(DocumentTitle(campaign, x.View.Request, d, viewer),
                    i < x.View.Analysis.DocumentOutcomes.Count ? x.View.Analysis.DocumentOutcomes[i] : DocumentOutcome.NotAnswered(i + 1))).ToList(),
                x.View.Events.FirstOrDefault(e => e.Kind is RequestEventKind.ReplyReceived or RequestEventKind.ExplicitRefusal)?.OccurredOn,
                x.View.Request.Case is { } c && Visibility.CanSee(viewer, c) ? c.Id : null,
                x.View.Request.Case is { } shown && Visibility.CanSee(viewer, shown) ? shown.Title : null))
            .ToList();
        return new CampaignResults(views.Count, outcomes.Count(o => o == PublicOutcome.Full), outcomes.Count(o => o == PublicOutcome.Partial),
            outcomes.Count(o => o == PublicOutcome.Refused), outcomes.Count(o => o == PublicOutcome.Silent), tallies, grounds, opinions, results);
    }

    /// <summary>
    /// A requested document's title as this viewer may read it: the request's own wording when they may see the request,
    /// otherwise the campaign's document at that position (what every request of the campaign asked for at first).
    /// </summary>
    public static string DocumentTitle(Campaign campaign, CadaRequest request, RequestedDocument document, Viewer viewer) =>
        Visibility.CanSee(viewer, request) ? document.Title
            : campaign.Documents.FirstOrDefault(d => d.Position == document.Position)?.Title ?? $"Document {document.Position}";

    /// <summary>Editors and admins, who may organise campaigns, by name.</summary>
    public async Task<IReadOnlyList<MemberChoice>> EditorsAsync(CancellationToken cancellationToken)
    {
        var roles = new[] { Roles.Editor, Roles.Admin };
        return await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new MemberChoice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Team members a target can be assigned to: every account that is not locked.</summary>
    public async Task<IReadOnlyList<MemberChoice>> MembersAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.LockoutEnd == null || u.LockoutEnd < now)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new MemberChoice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
}
