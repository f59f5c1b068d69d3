namespace Vigie.Web.Features.Api;

/// <summary>One page of a list. <c>next</c> is an opaque cursor for the following page (null on the last one).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next, string? NextUrl);

public sealed record ApiCommuneRef(string InseeCode, string Name, string Department, string Region);

public sealed record ApiCaseItem(string Slug, string Title, string Summary, ApiCommuneRef Commune, IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Vendors, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string Url);

public sealed record ApiContract(int Id, string Case, string Object, string? BuyerInseeCode, string? Buyer, string? Vendor, string? SignedOn,
    string? SignedOnPrecision, decimal? AmountEuros, string? Reference, string? Missing, int? Source);

public sealed record ApiFunding(int Id, string Label, string? Funder, decimal AmountEuros, int? Year, bool IsEstimate, int? Source);

public sealed record ApiTimelineEvent(string Date, string DatePrecision, string Title, string? Description, int? Source);

public sealed record ApiQuote(string Speaker, string? SpeakerRole, string Text, string? Date, int? Source);

public sealed record ApiSource(int Number, string Url, string Title, string? Publisher, string? Date, string? ArchiveUrl);

public sealed record ApiCase(string Slug, string Title, string Summary, string BodyMarkdown, ApiCommuneRef Commune, IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Vendors, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string Url, IReadOnlyList<ApiContract> Contracts,
    IReadOnlyList<ApiFunding> Fundings, IReadOnlyList<ApiTimelineEvent> Timeline, IReadOnlyList<ApiQuote> Quotes, IReadOnlyList<ApiSource> Sources,
    IReadOnlyList<int> Requests, IReadOnlyList<int> Documents);

public sealed record ApiCommune(string InseeCode, string Name, string Department, string Region, int? Population, IReadOnlyList<string> PostalCodes,
    int PublishedCases, string Url);

public sealed record ApiTransparency(int Sent, int Full, int Partial, int Refused, int Silent, double? MedianDaysToFirstReply, int RepliesMeasured,
    int Referrals, int CadaOpinions);

public sealed record ApiCommuneDetail(string InseeCode, string Name, string Department, string Region, int? Population, IReadOnlyList<string> PostalCodes,
    string? IntercommunalitySiren, IReadOnlyList<string> Cases, ApiTransparency Transparency, string Url);

public sealed record ApiVendor(string Slug, string Name, string? Country, string? Website, string? Description, int PublishedCases, string Url);

public sealed record ApiTechnology(string Slug, string Name, string? Description, int PublishedCases, string Url);

public sealed record ApiRequestItem(int Id, string Subject, string Body, string BodyKind, string? Department, string? Case, string State,
    string StateLabel, DateOnly? SentOn, DateOnly? NextDeadline, string? NextDeadlineKind, bool IsClosed, string? Outcome, DateOnly? ComputedOn);

public sealed record ApiBody(string Name, string Kind, string? DepartmentCode);

public sealed record ApiCaseRef(string Slug, string Title);

public sealed record ApiRequestedDocument(int Number, string Title, string Outcome);

public sealed record ApiEvent(string Kind, string Label, string Date, bool Approximate, string? Details);

public sealed record ApiDeadline(string Kind, string Label, DateOnly Date, DateOnly? MetOn);

/// <summary>A public request as its page shows it, its state computed today: no requester, no team comments.</summary>
public sealed record ApiRequest(int Id, string Subject, ApiBody Body, ApiCaseRef? Case, string State, string StateLabel,
    IReadOnlyList<ApiRequestedDocument> Documents, IReadOnlyList<ApiEvent> Events, IReadOnlyList<ApiDeadline> Deadlines, string? Outcome);

public sealed record ApiDocument(int Id, string Title, string Kind, DateOnly? Date, DateOnly? ReceivedOn, string? Description, string? Case,
    int? Request, bool IsRedacted, string? RedactionNote, string? RedactionGround, string? FileName, string? ContentType, long? Length,
    string? Sha256, int? PageCount, string Url, string? FileUrl);

public sealed record ApiSearchHit(string Kind, string Key, string Title, string? Place, string? Detail, double Rank, string? Snippet, string Url);

public sealed record ApiFacet(string Facet, string Value, string Label, int Count);

/// <summary><see cref="Capped"/>: some kind has more results than a search reads (<c>SiteSearch.MatchCap</c>); its count is then a lower bound.</summary>
public sealed record ApiSearch(string Query, int Total, bool Capped, IReadOnlyDictionary<string, int> Kinds, IReadOnlyList<ApiFacet> Facets,
    IReadOnlyList<ApiSearchHit> Items, string? Next, string? NextUrl);
