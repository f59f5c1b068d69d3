namespace Vigie.Web.Data.Entities;

/// <summary>A marché public or a convention signed by a buyer with a vendor.</summary>
public sealed class Contract : ICasePart
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int? BuyerMunicipalityId { get; set; }
    public Municipality? BuyerMunicipality { get; set; }
    public int? VendorId { get; set; }
    public Vendor? Vendor { get; set; }
    public required string Object { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DatePrecision SignedOnPrecision { get; set; }
    public decimal? AmountEuros { get; set; }
    public string? Reference { get; set; }
    /// <summary>What is known to exist but was never obtained, e.g. annexes never transmitted.</summary>
    public string? Missing { get; set; }
    public string? Notes { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public int Position { get; set; }
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; set; }
}

public sealed class Funding : ICasePart
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public required string Label { get; set; }
    public decimal AmountEuros { get; set; }
    public string? Funder { get; set; }
    public int? Year { get; set; }
    public bool IsEstimate { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public int Position { get; set; }
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; set; }
}

public sealed class TimelineEvent : ICasePart
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public DateOnly OccurredOn { get; set; }
    public DatePrecision OccurredOnPrecision { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; set; }
}

public sealed class Quote : ICasePart
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public required string Speaker { get; set; }
    public string? SpeakerRole { get; set; }
    public required string Text { get; set; }
    public DateOnly? SaidOn { get; set; }
    public DatePrecision SaidOnPrecision { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public int Position { get; set; }
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; set; }
}

/// <summary>A published source. <see cref="Number"/> is what the page shows and the narrative cites.</summary>
public sealed class Source : ICasePart
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int Number { get; set; }
    public required string Url { get; set; }
    public required string Title { get; set; }
    public string? Publisher { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DatePrecision PublishedOnPrecision { get; set; }
    public string? ArchiveUrl { get; set; }
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; set; }
}
