using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Vigie.Web.Features.Api;

/// <summary>The first JSON endpoints, folded into /api/v1: permanent redirects, so old scripts keep working.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class LegacyApiController : ControllerBase
{
    [HttpGet("api/demandes")]
    public IActionResult Requests() => RedirectPermanent("/api/v1/requests");

    [HttpGet("api/demandes/{id:int}")]
    public IActionResult RequestById(int id) => RedirectPermanent($"/api/v1/requests/{id}");

    /// <summary>The document search (q) is now the site search restricted to documents.</summary>
    [HttpGet("api/documents")]
    public IActionResult Documents(string? q) => RedirectPermanent(string.IsNullOrWhiteSpace(q)
        ? "/api/v1/documents"
        : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/v1/search", new Dictionary<string, string?> { ["q"] = q, ["type"] = "documents" }));

    [HttpGet("api/documents/{id:int}")]
    public IActionResult Document(int id) => RedirectPermanent($"/api/v1/documents/{id}");
}
