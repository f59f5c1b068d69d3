using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Cases;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Vendors;

public sealed record VendorRow(string Slug, string Name, string? Country, int CaseCount);

public sealed record VendorPage(Vendor Vendor, IReadOnlyList<CaseListItem> Cases, IReadOnlyList<Contract> Contracts);

[AllowAnonymous]
[Route("prestataires")]
public sealed class VendorsController(VigieDbContext db) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name)
            .Select(v => new VendorRow(v.Slug, v.Name, v.Country, v.Cases.Count(c => Visibility.IsPublic(c))))
            .ToListAsync(cancellationToken);
        return View(vendors);
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Slug == slug, cancellationToken);
        if (vendor is null)
        {
            return NotFound();
        }
        var cases = await db.Cases.AsNoTracking().Public().Where(c => c.Vendors.Any(v => v.Id == vendor.Id))
            .ToListItems().ToListAsync(cancellationToken);
        var contracts = await db.Contracts.AsNoTracking()
            .Public().Where(k => k.VendorId == vendor.Id)
            .Include(k => k.Case).Include(k => k.BuyerMunicipality)
            .OrderByDescending(k => k.SignedOn)
            .ToListAsync(cancellationToken);
        return View(new VendorPage(vendor, cases, contracts));
    }
}
