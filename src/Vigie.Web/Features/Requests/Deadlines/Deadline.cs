namespace Vigie.Web.Features.Requests.Deadlines;

public enum DeadlineKind
{
    ImpliedRefusal,
    ReferralDue,
    CadaOpinionExpected,
    BodyDecisionAfterOpinion,
    ConfirmedRefusal,
    CourtDue,
}

// Enforceable: the requester loses a right once it has passed. Indicative: the appeal routes were not stated, so
// only the one-year reasonable time (Czabaj) binds. Informational: a date set by law for the body or the CADA.
public enum Enforceability
{
    Enforceable,
    Indicative,
    Informational,
}

// What a deadline counts from: "réception le 2 septembre 2019".
public sealed record StartingPoint(
    DateOnly Date, string Event, string? Caveat = null, bool IsEstimate = false, bool NeedsCovidCheck = false)
{
    public string Describe() => $"{Event} le {FrenchDates.Long(Date)}" + (Caveat is null ? "" : $", {Caveat}");
}

public sealed record Deadline
{
    public required DeadlineKind Kind { get; init; }

    public required DateOnly Date { get; init; }

    public required string Rule { get; init; }

    public required string Article { get; init; }

    public required StartingPoint From { get; init; }

    public required Enforceability Enforceability { get; init; }

    public required string EnforceabilityReason { get; init; }

    // The Czabaj one-year limit, when the deadline is only indicative.
    public DateOnly? ReasonableTimeLimit { get; init; }

    // The legal end of the period when it fell on a weekend or a public holiday.
    public DateOnly? MovedFrom { get; init; }

    public bool WasMoved => MovedFrom is not null;

    // An earlier day to act by where the law leaves the last day unsettled (month ends of a délai franc).
    public DateOnly? AdviceDate { get; init; }

    public bool NeedsCovidCheck { get; init; }

    public required string Explanation { get; init; }

    public bool IsPast { get; init; }

    // When the awaited step happened (referral sent, opinion given, case filed…).
    public DateOnly? MetOn { get; init; }

    public bool IsEstimate => From.IsEstimate;

    public bool IsEnforceable => Enforceability == Enforceability.Enforceable;

    // The last day a right can still be exercised: the reasonable time when the deadline is only indicative.
    public DateOnly LastDay => ReasonableTimeLimit ?? Date;
}
