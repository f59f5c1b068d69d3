namespace Vigie.Web.Features.Requests.Deadlines;

// The department of the body decides which public holidays move a deadline ("57", "67", "68" add two).
public sealed record RequestContext(int DocumentCount, string DepartmentCode)
{
    public int DocumentCount { get; init; } = DocumentCount >= 1
        ? DocumentCount
        : throw new ArgumentOutOfRangeException(nameof(DocumentCount), DocumentCount, "A request asks for at least one document.");

    public string DepartmentCode { get; init; } = string.IsNullOrWhiteSpace(DepartmentCode)
        ? throw new ArgumentException("The body's department code is required.", nameof(DepartmentCode))
        : DepartmentCode.Trim();

    // The day a new request renewed this one (a time-barred request is renewed rather than left without action).
    public DateOnly? RenewedOn { get; init; }
}
