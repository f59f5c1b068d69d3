using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Browse;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Cases;

[AllowAnonymous]
[Route("dossiers")]
public sealed class CasesController(VigieDbContext db, TimeProvider clock) : Controller
{
    public const int PageSize = 30;

    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index([FromQuery] PublicFilter filter, [FromQuery(Name = "page")] int page = 1,
        CancellationToken cancellationToken = default)
    {
        filter.Normalized();
        var errors = ModelState.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();
        if (page is < 1 or > 100_000)
        {
            errors.Add("Numéro de page invalide.");
        }
        var choices = await BrowseChoices.LoadAsync(db, cancellationToken);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new CaseIndexPage(filter, choices, [], 0, 1, errors));
        }
        var cases = filter.Apply(db.Cases.AsNoTracking());
        var total = await cases.CountAsync(cancellationToken);
        var items = await cases.ToListItems().Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return View(new CaseIndexPage(filter, choices, items, total, page, errors));
    }

    // Slugs have no dot, so "elancourt.pdf" goes to the case file.
    [HttpGet("{slug:regex(^[[a-z0-9-]]+$)}")]
    [OutputCache(PolicyName = CachePolicies.Page)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var page = await CaseQueries.LoadPublishedPageAsync(db, slug, clock.TodayInParis(), cancellationToken);
        if (page is null)
        {
            PublicCache.Tag(HttpContext, [PublicCache.Lists]);
            return NotFound();
        }
        PublicCache.Tag(HttpContext, [PublicCache.Case(page.Case.Id), PublicCache.Commune(page.Case.MunicipalityId),
            .. page.Requests.Select(r => PublicCache.Request(r.Request.Id))]);
        return View(page);
    }
}
