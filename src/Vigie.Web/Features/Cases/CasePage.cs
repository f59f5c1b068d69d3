using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests;

namespace Vigie.Web.Features.Cases;

/// <summary>Everything the case page shows, loaded in a fixed number of queries.</summary>
public sealed record CasePage(
    Case Case,
    string NarrativeHtml,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Contract> Contracts,
    IReadOnlyList<Funding> Fundings,
    IReadOnlyList<TimelineEvent> Timeline,
    IReadOnlyList<Quote> Quotes,
    IReadOnlyList<PublicRequestView> Requests,
    IReadOnlyList<Document> Documents)
{
    public decimal FundingTotal => Fundings.Sum(f => f.AmountEuros);

    public bool FundingHasEstimates => Fundings.Any(f => f.IsEstimate);

    private readonly Dictionary<int, int> _numbers = Sources.ToDictionary(s => s.Id, s => s.Number);

    /// <summary>The number shown for a cited source, from its id (parts reference sources by id).</summary>
    public int? SourceNumber(int? sourceId) => sourceId is { } id && _numbers.TryGetValue(id, out var n) ? n : null;

    public Dictionary<int, string> RequestSubjects { get; } = Requests.ToDictionary(r => r.Request.Id, r => r.Request.Subject);
}

public sealed record CaseListItem(string Slug, string Title, string Summary, string MunicipalityName, string InseeCode,
    string DepartmentName, string DepartmentCode, DateTimeOffset? PublishedAt, IReadOnlyList<string> Technologies);

public sealed record CaseIndexPage(Browse.PublicFilter Filter, Browse.BrowseChoices Choices, IReadOnlyList<CaseListItem> Items, int Total, int Page,
    IReadOnlyList<string> Errors)
{
    public int PageCount => Math.Max(1, (Total + CasesController.PageSize - 1) / CasesController.PageSize);
}
