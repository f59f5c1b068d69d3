namespace Vigie.Web.Data.Entities;

/// <summary>A request under the CRPA (livre III) to a public body. The workflow comes with the request tracker.</summary>
public sealed class CadaRequest
{
    public int Id { get; set; }
    public int? CaseId { get; set; }
    public Case? Case { get; set; }
    public int? MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    /// <summary>The body the request was sent to, as written on the letter.</summary>
    public required string Authority { get; set; }
    public required string Subject { get; set; }
    /// <summary>One requested document per line.</summary>
    public string DocumentsRequested { get; set; } = "";
    public DateOnly? SentOn { get; set; }
    public RequestStatus Status { get; set; }
    public string? OutcomeSummary { get; set; }
    public bool IsPublic { get; set; }
    public List<Document> Documents { get; set; } = [];
}
