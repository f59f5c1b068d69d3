namespace Vigie.Web.Data.Entities;

public enum PublicBodyKind
{
    Commune,
    Intercommunality,
    Department,
    Prefecture,
    Ministry,
    Other,
}

/// <summary>
/// An administration a request goes to. Every current commune has one (created by the seeds); editors add
/// intercommunalities, departments, prefectures, ministries and others, and maintain addresses.
/// </summary>
public sealed class PublicBody
{
    public int Id { get; set; }
    public PublicBodyKind Kind { get; set; }
    public required string Name { get; set; }
    public string Slug { get; set; } = "";
    /// <summary>The commune itself, for a commune; otherwise the commune of its seat, when known.</summary>
    public int? MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    /// <summary>Department whose public holidays apply to its deadlines (Alsace-Moselle).</summary>
    public string? DepartmentCode { get; set; }
    public Department? Department { get; set; }
    public string? PostalAddress { get; set; }
    /// <summary>Email of the person responsible for access to administrative documents (PRADA), when known.</summary>
    public string? PradaEmail { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
