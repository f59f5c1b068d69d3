using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Cases;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Home;

public sealed record HomePage(IReadOnlyList<CaseListItem> Latest, int CaseCount, int MunicipalityCount, int VendorCount, int RequestCount,
    string MapSvg, string TechnologyChart, IReadOnlyList<Charts.Bar> TechnologyBars, string StateChart, IReadOnlyList<Charts.Bar> StateBars);

[AllowAnonymous]
public sealed class HomeController(VigieDbContext db, Charts.FranceMap franceMap) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var published = db.Cases.AsNoTracking().Public();
        var latest = await published.ToListItems().Take(6).ToListAsync(cancellationToken);
        var caseCount = await published.CountAsync(cancellationToken);
        var municipalityCount = await published.Select(c => c.MunicipalityId).Distinct().CountAsync(cancellationToken);
        var vendorCount = await published.SelectMany(c => c.Vendors).Select(v => v.Id).Distinct().CountAsync(cancellationToken);
        var requestCount = await published.SelectMany(c => c.CadaRequests).CountAsync(r => Visibility.IsPublic(r), cancellationToken);
        var map = await Charts.MapController.CountsAsync(db, cancellationToken);
        var bars = await db.Technologies.AsNoTracking().OrderBy(t => t.Position)
            .Select(t => new Charts.Bar(t.Name, t.Cases.Count(c => Visibility.IsPublic(c)), "/technologies/" + t.Slug))
            .ToListAsync(cancellationToken);
        var states = await db.CadaRequests.AsNoTracking().Public().Where(r => r.State != RequestState.Draft)
            .GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var stateBars = states.OrderBy(s => s.Key)
            .Select(s => new Charts.Bar(s.Key.Label(), s.Count, "/demandes-cada?etat=" + RequestStateIds.Of(s.Key))).ToList();
        return View(new HomePage(latest, caseCount, municipalityCount, vendorCount, requestCount,
            franceMap.Render(map, "carte-accueil"), Charts.BarChart.Render(bars, "techno-titre", "dossier", "dossiers"), bars,
            Charts.BarChart.Render(stateBars, "etats-titre", "demande", "demandes"), stateBars));
    }
}
