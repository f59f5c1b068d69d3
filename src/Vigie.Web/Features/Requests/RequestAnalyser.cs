using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Requests;

/// <summary>
/// Runs the deadline engine over a stored request. The events are the truth; the state, next deadline and next action
/// cached on the request row serve lists and counts only, and are refreshed whenever events change and once a day.
/// </summary>
public sealed class RequestAnalyser(VigieDbContext db, TimeProvider clock)
{
    private static readonly DeadlineEngine Engine = new();

    /// <summary>Deadlines the requester must act by; an unmet one that has passed is overdue.</summary>
    private static readonly DeadlineKind[] RequesterActions = [DeadlineKind.ReferralDue, DeadlineKind.CourtDue];

    public DateOnly Today => clock.TodayInParis();

    /// <summary>A request with everything the engine needs: body, documents, live events and their outcomes.</summary>
    public IQueryable<CadaRequest> Full() => db.CadaRequests
        .Include(r => r.PublicBody)
        .Include(r => r.RequestedDocuments)
        .Include(r => r.Events.Where(e => e.DeletedAt == null)).ThenInclude(e => e.DocumentOutcomes)
        .Include(r => r.Renewal)
        .AsSplitQuery();

    public static RequestAnalysis Analyse(CadaRequest request, DateOnly today)
    {
        var context = new RequestContext(Math.Max(1, request.RequestedDocuments.Count), DepartmentOf(request.PublicBody))
        {
            RenewedOn = RenewedOn(request),
        };
        return Engine.Analyse(context, ToEngineEvents(request), today);
    }

    /// <summary>The day the request was renewed (its renewal was created), when its renewal is loaded.</summary>
    public static DateOnly? RenewedOn(CadaRequest request) =>
        request.Renewal is { } renewal ? ParisClock.DayInParis(renewal.CreatedAt) : null;

    /// <summary>Bodies without a department (a ministry) follow the national calendar, as in Paris.</summary>
    public static string DepartmentOf(PublicBody? body) => string.IsNullOrWhiteSpace(body?.DepartmentCode) ? "75" : body.DepartmentCode;

    public static IReadOnlyList<CadaRequestEvent> LiveEvents(CadaRequest request) => request.Events
        .Where(e => e.DeletedAt is null)
        .OrderBy(e => e.OccurredOn).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id)
        .ToList();

    public static IReadOnlyList<RequestEvent> ToEngineEvents(CadaRequest request)
    {
        var numbers = request.RequestedDocuments.OrderBy(d => d.Position).Select((d, i) => (d.Id, Number: i + 1))
            .ToDictionary(d => d.Id, d => d.Number);
        return LiveEvents(request).Select(e => ToEngineEvent(e, numbers)).ToList();
    }

    private static RequestEvent ToEngineEvent(CadaRequestEvent e, IReadOnlyDictionary<int, int> numbers)
    {
        var date = e.OccurredOn;
        return e.Kind switch
        {
            RequestEventKind.Sent => new RequestSent(date),
            RequestEventKind.ReceivedByBody => new ReceivedByBody(date, e.StatesAppealRoutes),
            RequestEventKind.ReminderSent => new ReminderSent(date),
            RequestEventKind.ReplyReceived => new ReplyReceived(date,
                e.DocumentOutcomes.Where(o => numbers.ContainsKey(o.RequestedDocumentId))
                    .Select(o => new DocumentOutcome(numbers[o.RequestedDocumentId], o.Status, o.Status == DocumentStatus.Refused ? o.Ground ?? RefusalGround.Other : null))
                    .OrderBy(o => o.Document).ToList(),
                e.StatesAppealRoutes),
            RequestEventKind.ExplicitRefusal => new ExplicitRefusal(date, e.Ground ?? RefusalGround.Other, e.StatesAppealRoutes),
            RequestEventKind.ReferralSent => new ReferralSent(date),
            RequestEventKind.ReferralRegistered => new ReferralRegistered(date, e.FileNumber ?? ""),
            RequestEventKind.CadaOpinion when EventRules.IsOpinionNumber(e.OpinionNumber) => new CadaOpinion(
                date, e.OpinionNumber!, e.OpinionSens ?? OpinionSens.Favorable, e.OpinionMotivation, e.OpinionType ?? OpinionType.Avis),
            RequestEventKind.DecisionAfterOpinion => new DecisionAfterOpinion(date, e.Decision ?? BodyDecision.Refuses, e.StatesAppealRoutes),
            RequestEventKind.CourtCaseFiled => new CourtCaseFiled(date),
            RequestEventKind.Judgment => new Judgment(date, e.JudgmentOutcome ?? JudgmentOutcome.Dismissed),
            RequestEventKind.Withdrawn => new RequestWithdrawn(date),
            _ => new Note(date, e.Comment ?? ""),
        };
    }

    /// <summary>The date that orders lists: the next unmet deadline, or an unmet action deadline that has passed.</summary>
    public static Deadline? NextDeadline(RequestAnalysis analysis, DateOnly today) => analysis.IsClosed
        ? null
        : analysis.Deadlines
            .Where(d => d.MetOn is null && (d.Date >= today || RequesterActions.Contains(d.Kind)))
            .OrderBy(d => d.Date)
            .FirstOrDefault();

    public static bool IsRequesterAction(DeadlineKind kind) => RequesterActions.Contains(kind);

    /// <summary>Stores the analysis on the row; true when something a list shows changed.</summary>
    public static bool Cache(CadaRequest request, RequestAnalysis analysis, DateOnly today)
    {
        var next = NextDeadline(analysis, today);
        var sentOn = LiveEvents(request).FirstOrDefault(e => e.Kind == RequestEventKind.Sent)?.OccurredOn;
        var changed = request.State != analysis.State || request.StateLabel != analysis.StateLabel
            || request.NextAction != analysis.NextAction || request.NextDeadlineOn != next?.Date
            || request.NextDeadlineKind != next?.Kind || request.IsClosed != analysis.IsClosed || request.ClosingOutcome != analysis.ClosingOutcome || request.SentOn != sentOn;
        request.State = analysis.State;
        request.StateLabel = analysis.StateLabel;
        request.NextAction = analysis.NextAction;
        request.NextDeadlineOn = next?.Date;
        request.NextDeadlineKind = next?.Kind;
        request.IsClosed = analysis.IsClosed;
        request.ClosingOutcome = analysis.ClosingOutcome;
        request.SentOn = sentOn;
        request.AnalysedOn = today;
        return changed;
    }

    /// <summary>Recomputes the cached analysis of the matching requests for today; returns how many public ones changed.</summary>
    public async Task<int> RefreshAsync(Expression<Func<CadaRequest, bool>> which, CancellationToken cancellationToken)
    {
        var today = Today;
        var requests = await Full().Where(which).ToListAsync(cancellationToken);
        var publicChanges = 0;
        foreach (var request in requests)
        {
            if (Cache(request, Analyse(request, today), today) && request.IsPublic)
            {
                publicChanges++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return publicChanges;
    }

    /// <summary>Open requests not yet analysed today (a closed request cannot change without a new event).</summary>
    public Task<int> RefreshStaleAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        return RefreshAsync(r => r.AnalysedOn == null || (r.AnalysedOn < today && !r.IsClosed), cancellationToken);
    }
}
