using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Security.Canary;

/// <summary>A commune of the seeds, with its public body: where cases are and where requests go.</summary>
public sealed record CommuneRef(int MunicipalityId, int BodyId, string Code, string Department);

/// <summary>A world as inserted: its rows with their ids, which the sample URLs are filled with.</summary>
public sealed class World
{
    public required int Number { get; init; }
    public required WorldSpec Spec { get; init; }
    public required IReadOnlyList<User> Volunteers { get; init; }
    public required User Editor { get; init; }
    public required Technology Technology { get; init; }
    public required Vendor Vendor { get; init; }
    public required IReadOnlyList<Campaign> Campaigns { get; init; }
    public required IReadOnlyList<CampaignJob> CampaignJobs { get; init; }
    public required IReadOnlyList<Case> Cases { get; init; }
    public required IReadOnlyList<CadaRequest> Requests { get; init; }
    public required IReadOnlyList<Document> Documents { get; init; }
    public required IReadOnlyList<CommuneRef> Communes { get; init; }
    public required IReadOnlyList<CommuneRef> Bodies { get; init; }

    /// <summary>The canaries planted in this world, to query the searches with.</summary>
    public required IReadOnlyList<CanaryToken> Canaries { get; init; }

    public IEnumerable<CadaRequestEvent> Events => Requests.SelectMany(r => r.Events);

    public IEnumerable<string> Departments => Communes.Concat(Bodies).Select(c => c.Department).Distinct();

    public IEnumerable<string> CommuneCodes => Communes.Concat(Bodies).Select(c => c.Code).Distinct();

    /// <summary>Words every row of the world shares ("… du monde 7"), to search for the world as a whole.</summary>
    public string Words => $"monde {Number}";

    public override string ToString() => $"world {Number}: {Spec}";
}
