namespace Vigie.Web.Data.Entities;

public sealed class Vendor
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Country { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    public List<Case> Cases { get; set; } = [];
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; set; }
}

public sealed class Technology
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Order of the taxonomy on browse pages.</summary>
    public int Position { get; set; }
    public List<Case> Cases { get; set; } = [];
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; set; }
}
