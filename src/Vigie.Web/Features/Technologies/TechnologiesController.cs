using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Cases;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Technologies;

public sealed record TechnologyRow(string Slug, string Name, string? Description, int CaseCount);

public sealed record TechnologyPage(Technology Technology, IReadOnlyList<CaseListItem> Cases);

[AllowAnonymous]
[Route("technologies")]
public sealed class TechnologiesController(VigieDbContext db) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var technologies = await db.Technologies.AsNoTracking().OrderBy(t => t.Position)
            .Select(t => new TechnologyRow(t.Slug, t.Name, t.Description, t.Cases.Count(c => Visibility.IsPublic(c))))
            .ToListAsync(cancellationToken);
        return View(technologies);
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var technology = await db.Technologies.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (technology is null)
        {
            return NotFound();
        }
        var cases = await db.Cases.AsNoTracking().Public().Where(c => c.Technologies.Any(t => t.Id == technology.Id))
            .ToListItems().ToListAsync(cancellationToken);
        return View(new TechnologyPage(technology, cases));
    }
}
