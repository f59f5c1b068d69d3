using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Cases;

[AllowAnonymous]
[Route("dossiers")]
public sealed class CasesController(VigieDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().Published().ToListItems().ToListAsync(cancellationToken);
        return View(cases);
    }

    // Slugs have no dot, so "elancourt.pdf" goes to the case file.
    [HttpGet("{slug:regex(^[[a-z0-9-]]+$)}")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var page = await CaseQueries.LoadPublishedPageAsync(db, slug, clock.TodayInParis(), cancellationToken);
        return page is null ? NotFound() : View(page);
    }
}
