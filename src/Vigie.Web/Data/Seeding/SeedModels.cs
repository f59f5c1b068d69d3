using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data.Seeding;

/// <summary>Everything in seeds/, read and validated before anything is written.</summary>
public sealed record SeedBundle(
    GeoSeed Geo,
    IReadOnlyList<Technology> Technologies,
    IReadOnlyList<Vendor> Vendors,
    IReadOnlyList<CaseSeed> Cases,
    IReadOnlyList<CampaignSeed> Campaigns);

public sealed record GeoSeed(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<Intercommunality> Intercommunalities,
    IReadOnlyList<Municipality> Municipalities);

/// <summary>A case as read from its file. References (commune, technologies, vendors) are already checked.</summary>
public sealed record CaseSeed(
    string File,
    Case Case,
    string MunicipalityCode,
    IReadOnlyList<string> TechnologySlugs,
    IReadOnlyList<string> VendorSlugs,
    IReadOnlyList<ContractSeed> Contracts,
    IReadOnlyList<RequestSeed> Requests,
    IReadOnlyList<DocumentSeed> Documents);

public sealed record ContractSeed(Contract Contract, string? VendorSlug, string? BuyerCode);

/// <summary>A request of a case file; its body is the commune with the INSEE code <paramref name="BodyCode"/>.</summary>
public sealed record RequestSeed(string Key, CadaRequest Request, string BodyCode);

public sealed record DocumentSeed(Document Document, string? RequestKey, SeedFile? File);

/// <summary>A file under seeds/ that a seed document points to, checked (accepted format) and hashed when read.</summary>
public sealed record SeedFile(string FullPath, string Name, FileFormat Format, Features.Documents.Storage.ContentHash Hash, long Length);

/// <summary>A campaign from seeds/campaigns/: its targets (INSEE codes) and the history of some of their requests.</summary>
public sealed record CampaignSeed(string File, Campaign Campaign, IReadOnlyList<string> TargetCodes, IReadOnlyList<CampaignRequestSeed> Requests);

public sealed record CampaignRequestSeed(string BodyCode, IReadOnlyList<CampaignEventSeed> Events);

/// <summary>An event; with <paramref name="DaysAgo"/> its date is that many days before the import (demonstrations only).</summary>
public sealed record CampaignEventSeed(CadaRequestEvent Event, int? DaysAgo);
