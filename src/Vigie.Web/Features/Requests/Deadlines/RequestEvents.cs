using System.Globalization;

namespace Vigie.Web.Features.Requests.Deadlines;

public enum RequestEventKind
{
    Sent,
    ReceivedByBody,
    ReminderSent,
    ReplyReceived,
    ExplicitRefusal,
    ReferralSent,
    ReferralRegistered,
    CadaOpinion,
    DecisionAfterOpinion,
    CourtCaseFiled,
    Judgment,
    Withdrawn,
    Note,
}

public abstract record RequestEvent(DateOnly Date)
{
    public abstract RequestEventKind Kind { get; }
}

// L311-1: anyone may obtain finished administrative documents, with no form and no reason required.
public sealed record RequestSent(DateOnly Date) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.Sent;
}

// The day the body received the request: its acknowledgement or the postal delivery date. Only an acknowledgement
// stating the appeal routes and deadlines makes the deadlines of an implied refusal enforceable (L112-6).
public sealed record ReceivedByBody(DateOnly Date, bool StatesAppealRoutes) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.ReceivedByBody;
}

// A reminder has no legal effect on any deadline.
public sealed record ReminderSent(DateOnly Date) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.ReminderSent;
}

// Documents the reply does not mention are taken as not answered.
public sealed record ReplyReceived(DateOnly Date, IReadOnlyList<DocumentOutcome> Documents, bool StatesAppealRoutes = false)
    : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.ReplyReceived;
}

// A written refusal of every document not yet communicated (L311-14, to verify: written, reasoned, with appeal routes).
public sealed record ExplicitRefusal(DateOnly Date, RefusalGround Ground, bool StatesAppealRoutes) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.ExplicitRefusal;
}

public sealed record ReferralSent(DateOnly Date) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.ReferralSent;
}

public sealed record ReferralRegistered(DateOnly Date, string FileNumber) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.ReferralRegistered;
}

public sealed record CadaOpinion(
    DateOnly Date, string OpinionNumber, OpinionSens Sens, string? Motivation = null, OpinionType Type = OpinionType.Avis)
    : RequestEvent(Date)
{
    // The CADA numbers its files with the year followed by a sequence: 20191234.
    public string OpinionNumber { get; init; } = IsOpinionNumber(OpinionNumber)
        ? OpinionNumber
        : throw new ArgumentException(
            $"A CADA opinion number has eight digits, year first (20191234): '{OpinionNumber}'.", nameof(OpinionNumber));

    public override RequestEventKind Kind => RequestEventKind.CadaOpinion;

    public int Year => int.Parse(OpinionNumber.AsSpan(0, 4), CultureInfo.InvariantCulture);

    // The CADA was created in 1978.
    static bool IsOpinionNumber(string number) =>
        number is { Length: 8 } && number.All(char.IsAsciiDigit)
        && int.Parse(number.AsSpan(0, 4), CultureInfo.InvariantCulture) >= 1978;
}

public sealed record DecisionAfterOpinion(DateOnly Date, BodyDecision Decision, bool StatesAppealRoutes) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.DecisionAfterOpinion;
}

public sealed record CourtCaseFiled(DateOnly Date) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.CourtCaseFiled;
}

public sealed record Judgment(DateOnly Date, JudgmentOutcome Outcome) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.Judgment;
}

public sealed record RequestWithdrawn(DateOnly Date) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.Withdrawn;
}

public sealed record Note(DateOnly Date, string Text) : RequestEvent(Date)
{
    public override RequestEventKind Kind => RequestEventKind.Note;
}
