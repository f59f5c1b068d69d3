using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Requests;

/// <summary>A public request as the public pages show it: no requester, no team comments, its state computed today.</summary>
public sealed record PublicRequestView(CadaRequest Request, RequestAnalysis Analysis, IReadOnlyList<CadaRequestEvent> Events)
{
    public IReadOnlyList<RequestedDocument> Documents { get; } = Request.RequestedDocuments.OrderBy(d => d.Position).ToList();

    public CadaRequestEvent? Sent => Events.FirstOrDefault(e => e.Kind == RequestEventKind.Sent);

    public bool HasApproximateDates => Events.Any(e => e.IsApproximate);

    /// <summary>
    /// Days from the sending to the first reply or refusal, when both are dated to the day and the dates are possible:
    /// a reply before the sending, or before the body received the request, is a wrong date, not a fast answer.
    /// </summary>
    public int? DaysToFirstReply
    {
        get
        {
            var reply = Events.FirstOrDefault(e => e.Kind is RequestEventKind.ReplyReceived or RequestEventKind.ExplicitRefusal);
            // Approximate dates would make a figure look more precise than it is.
            if (Sent is not { IsApproximate: false } sent || reply is not { IsApproximate: false })
            {
                return null;
            }
            var receipt = Events.FirstOrDefault(e => e.Kind == RequestEventKind.ReceivedByBody);
            var impossible = reply.OccurredOn < sent.OccurredOn || (receipt is not null && reply.OccurredOn < receipt.OccurredOn);
            return impossible ? null : reply.OccurredOn.DayNumber - sent.OccurredOn.DayNumber;
        }
    }
}

public enum PublicOutcome
{
    Full,
    Partial,
    Refused,
    Silent,
}

/// <summary>The commune page's "Transparence" figures, from the public requests sent to the commune.</summary>
public sealed record TransparencySummary(
    int Made, int Full, int Partial, int Refused, int Silent, double? MedianDaysToFirstReply, int RepliesMeasured,
    int Referrals, IReadOnlyList<CadaRequestEvent> Opinions)
{
    public static TransparencySummary Of(IReadOnlyList<PublicRequestView> requests)
    {
        var sent = requests.Where(r => r.Sent is not null).ToList();
        var outcomes = sent.Select(Classify).ToList();
        var delays = sent.Select(r => r.DaysToFirstReply).OfType<int>().Order().ToList();
        double? median = delays.Count == 0 ? null
            : delays.Count % 2 == 1 ? delays[delays.Count / 2]
            : (delays[(delays.Count / 2) - 1] + delays[delays.Count / 2]) / 2.0;
        return new TransparencySummary(
            sent.Count,
            outcomes.Count(o => o == PublicOutcome.Full),
            outcomes.Count(o => o == PublicOutcome.Partial),
            outcomes.Count(o => o == PublicOutcome.Refused),
            outcomes.Count(o => o == PublicOutcome.Silent),
            median,
            delays.Count,
            sent.Count(r => r.Events.Any(e => e.Kind is RequestEventKind.ReferralSent or RequestEventKind.ReferralRegistered)),
            sent.SelectMany(r => r.Events.Where(e => e.Kind == RequestEventKind.CadaOpinion)).OrderBy(e => e.OccurredOn).ToList());
    }

    public static PublicOutcome Classify(PublicRequestView request)
    {
        var documents = request.Analysis.Documents;
        var communicated = documents.Received + documents.ReceivedRedacted;
        return communicated == documents.Requested ? PublicOutcome.Full
            : communicated > 0 ? PublicOutcome.Partial
            : documents.Refused > 0 ? PublicOutcome.Refused
            : PublicOutcome.Silent;
    }
}

public static class PublicRequests
{
    /// <summary>
    /// The requests among <paramref name="which"/> that the public may see (<see cref="Visibility"/>), with what the engine
    /// needs: a fixed number of queries. A public request's case, when it has one, is therefore published.
    /// </summary>
    public static async Task<List<PublicRequestView>> LoadAsync(VigieDbContext db, IQueryable<CadaRequest> which, DateOnly today,
        CancellationToken cancellationToken)
    {
        var requests = await which.AsNoTracking().Public()
            .Include(r => r.PublicBody)
            .Include(r => r.Case)
            .Include(r => r.RequestedDocuments)
            .Include(r => r.Events.Where(e => e.DeletedAt == null)).ThenInclude(e => e.DocumentOutcomes)
            .AsSplitQuery()
            .OrderBy(r => r.SentOn == null).ThenBy(r => r.SentOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return requests
            .Select(r => new PublicRequestView(r, RequestAnalyser.Analyse(r, today), RequestAnalyser.LiveEvents(r)))
            .ToList();
    }
}
