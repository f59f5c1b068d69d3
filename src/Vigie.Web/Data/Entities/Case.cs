namespace Vigie.Web.Data.Entities;

public sealed class Case
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>The narrative, in Markdown; may cite sources as <c>[@3]</c>.</summary>
    public string Body { get; set; } = "";
    public CaseStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Who created the case (null for seeds); a volunteer may edit their own drafts.</summary>
    public int? CreatedById { get; set; }
    public User? CreatedBy { get; set; }
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    public uint Version { get; set; }

    public List<Technology> Technologies { get; set; } = [];
    public List<Vendor> Vendors { get; set; } = [];
    public List<Contract> Contracts { get; set; } = [];
    public List<Funding> Fundings { get; set; } = [];
    public List<TimelineEvent> TimelineEvents { get; set; } = [];
    public List<Quote> Quotes { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
    public List<CadaRequest> CadaRequests { get; set; } = [];
    public List<Document> Documents { get; set; } = [];
}
