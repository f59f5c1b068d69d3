using Microsoft.AspNetCore.Mvc;

namespace Vigie.Web.Features.Editing.Municipalities;

public sealed record CommuneLookupPage(string? Query, IReadOnlyList<MunicipalityOption> Results, bool Truncated);

/// <summary>Finds a commune's INSEE code while filling in a form (accents and case do not matter).</summary>
[Route("edition/communes")]
public sealed class CommunesLookupController(MunicipalityResolver municipalities) : Controller
{
    private const int Limit = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? query, CancellationToken cancellationToken)
    {
        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var results = query is null ? [] : await municipalities.SearchAsync(query, Limit + 1, cancellationToken);
        return View("Lookup", new CommuneLookupPage(query, results.Take(Limit).ToList(), results.Count > Limit));
    }
}
