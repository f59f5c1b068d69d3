namespace Vigie.Web.Data.Entities;

public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}

public sealed class Department
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
}

/// <summary>An EPCI (communauté de communes, d'agglomération, urbaine, métropole), keyed by its SIREN.</summary>
public sealed class Intercommunality
{
    public required string Siren { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
}

public sealed class Municipality
{
    public int Id { get; set; }
    public required string InseeCode { get; set; }
    public string? Siren { get; set; }
    public required string Name { get; set; }
    /// <summary>Slug of the name alone; not unique (several communes share a name).</summary>
    public required string Slug { get; set; }
    public required string DepartmentCode { get; set; }
    public Department? Department { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public string? IntercommunalitySiren { get; set; }
    public Intercommunality? Intercommunality { get; set; }
    public string[] PostalCodes { get; set; } = [];
    public int? Population { get; set; }
}
