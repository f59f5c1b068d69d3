namespace Vigie.Web.Data.Entities;

/// <summary>
/// One change to a case or one of its parts, written in the same transaction as the change: who, when,
/// what changed field by field, and the whole case as it stood afterwards (so any revision can be restored).
/// Revisions are never updated or deleted.
/// </summary>
public sealed class Revision
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    /// <summary>1, 2, 3… within the case: what the history shows ("révision n° 4").</summary>
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Null for the baseline of a case that existed before its first edit (seeds).</summary>
    public int? AuthorId { get; set; }
    public User? Author { get; set; }
    public RevisionKind Kind { get; set; }
    /// <summary>A French one-liner: "Marché ajouté : « … »", "Statut : Proposé → Publié".</summary>
    public required string Summary { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
    public required CaseSnapshot Snapshot { get; set; }
}

public enum RevisionKind
{
    /// <summary>The state of a case when it was first edited in the app, for cases imported from seeds.</summary>
    Baseline,
    Created,
    Updated,
    StatusChanged,
    PartAdded,
    PartUpdated,
    PartDeleted,
    Restored,
}

/// <summary>What a field change is about: the case itself or one of its parts.</summary>
public enum RevisionEntity
{
    Case,
    Contract,
    Funding,
    TimelineEvent,
    Quote,
    Source,
}

/// <summary>
/// One field, before and after, as people read it ("juillet 2019", "1 250 000 €", "[3]"); null when the
/// value was empty or the part did not exist. <see cref="EntityLabel"/> names the part ("Marché « … »").
/// </summary>
public sealed record FieldChange(RevisionEntity Entity, int? EntityId, string? EntityLabel, string Field, string Label, string? Old, string? New);

/// <summary>
/// A whole case at one point in time, stored as JSON. References use stable keys (INSEE code, vendor
/// and technology slugs, source numbers) with their names for display; parts keep their ids so a
/// restore updates them in place.
/// </summary>
public sealed record CaseSnapshot
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required SnapshotRef Municipality { get; init; }
    public string Summary { get; init; } = "";
    public string Body { get; init; } = "";
    public CaseStatus Status { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public List<SnapshotRef> Technologies { get; init; } = [];
    public List<SnapshotRef> Vendors { get; init; } = [];
    public List<SourceSnapshot> Sources { get; init; } = [];
    public List<ContractSnapshot> Contracts { get; init; } = [];
    public List<FundingSnapshot> Fundings { get; init; } = [];
    public List<TimelineEventSnapshot> TimelineEvents { get; init; } = [];
    public List<QuoteSnapshot> Quotes { get; init; } = [];
}

/// <summary>A reference by stable key (slug, INSEE code) with the name shown at the time.</summary>
public sealed record SnapshotRef(string Key, string Name);

public sealed record SourceSnapshot(int Id, int Number, string Url, string Title, string? Publisher,
    DateOnly? PublishedOn, DatePrecision PublishedOnPrecision, string? ArchiveUrl);

public sealed record ContractSnapshot(int Id, string Object, SnapshotRef? Vendor, SnapshotRef? Buyer, DateOnly? SignedOn,
    DatePrecision SignedOnPrecision, decimal? AmountEuros, string? Reference, string? Missing, string? Notes, int? Source, int Position);

public sealed record FundingSnapshot(int Id, string Label, decimal AmountEuros, string? Funder, int? Year, bool IsEstimate, int? Source, int Position);

public sealed record TimelineEventSnapshot(int Id, DateOnly OccurredOn, DatePrecision OccurredOnPrecision, string Title, string? Description, int? Source);

public sealed record QuoteSnapshot(int Id, string Speaker, string? SpeakerRole, string Text, DateOnly? SaidOn,
    DatePrecision SaidOnPrecision, int? Source, int Position);
