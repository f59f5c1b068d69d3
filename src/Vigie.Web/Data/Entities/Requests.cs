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

/// <summary>A document's metadata; the file itself comes with document storage.</summary>
public sealed class Document
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public DocumentKind Kind { get; set; }
    public DateOnly? Date { get; set; }
    public int? CaseId { get; set; }
    public Case? Case { get; set; }
    public int? CadaRequestId { get; set; }
    public CadaRequest? CadaRequest { get; set; }
    public bool IsPublic { get; set; }
    public string? Description { get; set; }
}
