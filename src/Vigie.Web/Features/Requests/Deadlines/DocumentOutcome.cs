namespace Vigie.Web.Features.Requests.Deadlines;

// A redacted document counts as communicated: L311-7 makes redaction ("occultation") the lawful way to communicate a
// document with protected parts. So a request whose documents all arrived, some redacted, is satisfied (with a
// warning that excessive redactions are a partial refusal); redacted documents beside refused ones make it partial.
public enum DocumentStatus
{
    Received,
    ReceivedRedacted,
    Refused,
    NotAnswered,
}

public enum RefusalGround
{
    PublicSecurity,
    BusinessSecret,
    Preparatory,
    NonExistent,
    Other,
}

// Documents are numbered from 1, in the order of the request.
public sealed record DocumentOutcome(int Document, DocumentStatus Status, RefusalGround? Ground = null)
{
    public bool IsCommunicated => Status is DocumentStatus.Received or DocumentStatus.ReceivedRedacted;

    public static DocumentOutcome Received(int document) => new(document, DocumentStatus.Received);

    public static DocumentOutcome Redacted(int document) => new(document, DocumentStatus.ReceivedRedacted);

    public static DocumentOutcome Refused(int document, RefusalGround ground) => new(document, DocumentStatus.Refused, ground);

    public static DocumentOutcome NotAnswered(int document) => new(document, DocumentStatus.NotAnswered);
}

public sealed record DocumentsSummary(int Requested, int Received, int ReceivedRedacted, int Refused, int NotAnswered);
