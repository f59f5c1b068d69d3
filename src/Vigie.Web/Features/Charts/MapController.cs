using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Charts;

public sealed record MapPage(string Svg, IReadOnlyList<DepartmentCount> Departments, string Attribution);

[AllowAnonymous]
public sealed class MapController(VigieDbContext db, FranceMap map) : Controller
{
    [HttpGet("carte")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(db, cancellationToken);
        return View(new MapPage(map.Render(counts, "carte-titre"), counts, map.Attribution));
    }

    public static async Task<IReadOnlyList<DepartmentCount>> CountsAsync(VigieDbContext db, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.Public().GroupBy(c => c.Municipality!.DepartmentCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken);
        return departments.Select(d => new DepartmentCount(d.Code, d.Name, cases.GetValueOrDefault(d.Code))).ToList();
    }
}
