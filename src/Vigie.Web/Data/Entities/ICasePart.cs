namespace Vigie.Web.Data.Entities;

/// <summary>A part of a case (contract, funding, event, quote, source): edited on its own form, with its own version.</summary>
public interface ICasePart
{
    int Id { get; }
    int CaseId { get; set; }
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    uint Version { get; }
}
