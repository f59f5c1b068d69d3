namespace Vigie.Web.Features.Requests.Deadlines;

// What the state label and the next action are written from.
internal sealed record Situation(
    RequestState State,
    ClosingOutcome? Outcome,
    IReadOnlyList<Deadline> Deadlines,
    DateOnly Today,
    CadaOpinion? Opinion,
    DateOnly? PrematureReferralOn,
    DateOnly? CommunicationAnnouncedOn,
    bool RegistrationKnown)
{
    // The window whose expiry closed the request, when it is time-barred.
    public DeadlineKind? TimeBarredBy { get; init; }

    // The day a new request renewed this one.
    public DateOnly? RenewedOn { get; init; }

    public Deadline? Find(DeadlineKind kind) => Deadlines.LastOrDefault(d => d.Kind == kind);

    public Deadline Require(DeadlineKind kind) =>
        Find(kind) ?? throw new InvalidOperationException($"State {State} comes with a {kind} deadline.");
}
