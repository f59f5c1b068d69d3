using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Requests;

/// <summary>
/// The order the facts of a request must keep: a body cannot receive a request before it was sent, nor answer it before
/// receiving it; the CADA registers a referral after it was sent and gives its opinion after that. A date that breaks the
/// order is refused on the event form (docs/deadlines.md has the table of what is refused and what is only warned).
/// </summary>
public static class EventDates
{
    /// <summary>For each kind, the kinds that must come first when they are recorded (their earliest occurrence).</summary>
    private static readonly Dictionary<RequestEventKind, RequestEventKind[]> Prerequisites = new()
    {
        [RequestEventKind.ReceivedByBody] = [RequestEventKind.Sent],
        [RequestEventKind.ReminderSent] = [RequestEventKind.Sent],
        [RequestEventKind.ReplyReceived] = [RequestEventKind.Sent, RequestEventKind.ReceivedByBody],
        [RequestEventKind.ExplicitRefusal] = [RequestEventKind.Sent, RequestEventKind.ReceivedByBody],
        [RequestEventKind.ReferralSent] = [RequestEventKind.Sent],
        [RequestEventKind.ReferralRegistered] = [RequestEventKind.Sent, RequestEventKind.ReferralSent],
        [RequestEventKind.CadaOpinion] = [RequestEventKind.Sent, RequestEventKind.ReferralSent, RequestEventKind.ReferralRegistered],
        [RequestEventKind.DecisionAfterOpinion] = [RequestEventKind.Sent, RequestEventKind.CadaOpinion],
        [RequestEventKind.CourtCaseFiled] = [RequestEventKind.Sent],
        [RequestEventKind.Judgment] = [RequestEventKind.Sent, RequestEventKind.CourtCaseFiled],
        [RequestEventKind.Withdrawn] = [RequestEventKind.Sent],
    };

    public sealed record Dated(RequestEventKind Kind, DateOnly On, DatePrecision Precision)
    {
        public static Dated Of(CadaRequestEvent e) => new(e.Kind, e.OccurredOn, e.OccurredOnPrecision);
    }

    /// <summary>
    /// The French error for an event of <paramref name="kind"/> on this date among the request's other live events, or
    /// null when the order holds. Notes may carry any past date.
    /// </summary>
    public static string? OrderError(RequestEventKind kind, DateOnly date, DatePrecision precision, IEnumerable<Dated> others)
    {
        var events = others.ToList();
        var self = new Dated(kind, date, precision);
        foreach (var before in Prerequisites.GetValueOrDefault(kind, []))
        {
            if (Earliest(events, before) is { } first && Precedes(self, first))
            {
                return $"Date impossible : elle précède {Noun(before)}, le {Fr.Date(first.On, first.Precision)}. "
                    + "Corrigez l'une des deux dates.";
            }
        }
        // This event is the one the others are measured against when it is the earliest of its kind.
        if (Earliest(events, kind) is { } sameKind && Precedes(sameKind, self))
        {
            return null;
        }
        foreach (var after in events.Where(o => Prerequisites.GetValueOrDefault(o.Kind, []).Contains(kind)).OrderBy(o => o.On))
        {
            if (Precedes(after, self))
            {
                return $"Date impossible : elle suit {Noun(after.Kind)} du {Fr.Date(after.On, after.Precision)}, qui ne peut pas "
                    + $"venir avant {Noun(kind)}. Corrigez l'une des deux dates.";
            }
        }
        return null;
    }

    /// <summary>The event as a French noun phrase with its article: "la réponse de l'administration".</summary>
    public static string Noun(RequestEventKind kind) => kind switch
    {
        RequestEventKind.Sent => "l'envoi de la demande",
        RequestEventKind.ReceivedByBody => "la réception de la demande par l'administration",
        RequestEventKind.ReminderSent => "la relance",
        RequestEventKind.ReplyReceived => "la réponse de l'administration",
        RequestEventKind.ExplicitRefusal => "le refus exprès",
        RequestEventKind.ReferralSent => "l'envoi de la saisine de la CADA",
        RequestEventKind.ReferralRegistered => "l'enregistrement de la saisine par la CADA",
        RequestEventKind.CadaOpinion => "l'avis de la CADA",
        RequestEventKind.DecisionAfterOpinion => "la décision après l'avis",
        RequestEventKind.CourtCaseFiled => "le recours au tribunal administratif",
        RequestEventKind.Judgment => "le jugement",
        RequestEventKind.Withdrawn => "l'abandon",
        _ => "la note",
    };

    private static Dated? Earliest(IEnumerable<Dated> events, RequestEventKind kind) =>
        events.Where(e => e.Kind == kind).OrderBy(e => e.On).FirstOrDefault();

    /// <summary>Strictly earlier, compared at the coarser of the two precisions: "octobre 2019" does not precede 15 October.</summary>
    private static bool Precedes(Dated a, Dated b)
    {
        var precision = (DatePrecision)Math.Max((int)a.Precision, (int)b.Precision);
        return precision switch
        {
            DatePrecision.Day => a.On < b.On,
            DatePrecision.Month => (a.On.Year, a.On.Month).CompareTo((b.On.Year, b.On.Month)) < 0,
            _ => a.On.Year < b.On.Year,
        };
    }
}
