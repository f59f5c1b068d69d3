namespace Vigie.Web.Features.Requests.Deadlines;

// The CADA deadline engine: from a request's events and today's date, its state, deadlines and next action.
// Pure: no clock, no database; "today" is given.
public sealed class DeadlineEngine
{
    public RequestAnalysis Analyse(RequestContext context, IEnumerable<RequestEvent> events, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        // OrderBy is a stable sort: events of the same day keep the order in which they were given.
        var ordered = events.OrderBy(e => e.Date).ToList();
        // What has not happened yet moves no deadline: a date after today is an error or a plan, never a fact.
        var happened = ordered.Where(e => e.Date <= today).ToList();
        var analysis = happened.OfType<RequestSent>().FirstOrDefault() is { } sent
            ? new RequestWalk(context, happened, sent, today).Run()
            : Draft(context, happened, today);
        var future = ordered.Where(e => e.Date > today)
            .Select(e => new Warning(WarningKind.EventInFuture,
                $"{EventWords.Named(e)} daté du {FrenchDates.Long(e.Date)}, après la date du jour : il n'est pas pris en compte."))
            .ToList();
        return future.Count == 0 ? analysis : analysis with { Warnings = [.. future, .. analysis.Warnings] };
    }

    // No deadline runs before the request is sent.
    static RequestAnalysis Draft(RequestContext context, IReadOnlyList<RequestEvent> events, DateOnly today)
    {
        Warning[] warnings = events.Any(e => e is not Note)
            ? [new(WarningKind.EventsWithoutSending, "Des événements sont enregistrés alors que l'envoi de la demande ne l'est pas.")]
            : [];
        var situation = new Situation(RequestState.Draft, null, [], today, null, null, null, RegistrationKnown: false);
        return new RequestAnalysis(
            RequestState.Draft,
            StateLabels.Compose(situation),
            null,
            [],
            warnings,
            NextActions.For(situation),
            new DocumentsSummary(context.DocumentCount, 0, 0, 0, context.DocumentCount))
        {
            DocumentOutcomes = Enumerable.Range(1, context.DocumentCount).Select(DocumentOutcome.NotAnswered).ToList(),
        };
    }
}
