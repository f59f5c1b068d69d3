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
        return ordered.OfType<RequestSent>().FirstOrDefault() is { } sent
            ? new RequestWalk(context, ordered, sent, today).Run()
            : Draft(context, ordered, today);
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
