namespace Vigie.Web.Data.Entities;

public enum ExportStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>A bulk export of case files, built in the background into a ZIP under the data directory.</summary>
public sealed class ExportJob
{
    public Guid Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public ExportStatus Status { get; set; }
    public string? DepartmentCode { get; set; }
    public string? TechnologySlug { get; set; }
    public string? VendorSlug { get; set; }
    /// <summary>The cached state of a public request of the case (see CadaRequest).</summary>
    public Features.Requests.Deadlines.RequestState? RequestStatus { get; set; }
    public int? Year { get; set; }
    /// <summary>Identifies equal filters, so a second identical request reuses a recent export.</summary>
    public required string FilterKey { get; set; }
    /// <summary>The site's address as the request that queued the export saw it: the links in the archive point there.</summary>
    public string? SiteUrl { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    /// <summary>File name inside the exports folder; never derived from user input.</summary>
    public string? FileName { get; set; }
    public long? FileSize { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
