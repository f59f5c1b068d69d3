using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Cases;
using Vigie.Web.Features.Requests;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Municipalities;

public sealed record DepartmentRow(string Code, string Name, string RegionName, int CommuneCount, int CaseCount);

public sealed record MunicipalityRow(string InseeCode, string Name, string DepartmentCode, string DepartmentName, int? Population, int CaseCount);

public sealed record MunicipalityIndex(string? Query, Department? Department, IReadOnlyList<DepartmentRow> Departments,
    IReadOnlyList<MunicipalityRow> Municipalities, bool Truncated);

public sealed record MunicipalityPage(Municipality Municipality, IReadOnlyList<CaseListItem> Cases, IReadOnlyList<PublicRequestView> Requests,
    TransparencySummary Transparency);

[AllowAnonymous]
[Route("communes")]
public sealed partial class MunicipalitiesController(VigieDbContext db, TimeProvider clock) : Controller
{
    private const int MaxResults = 200;

    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? query, [FromQuery(Name = "departement")] string? department,
        CancellationToken cancellationToken)
    {
        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        Department? selected = null;
        if (!string.IsNullOrWhiteSpace(department))
        {
            selected = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == department, cancellationToken);
            if (selected is null)
            {
                return NotFound();
            }
        }

        if (query is null && selected is null)
        {
            var caseCounts = await db.Cases.Public().GroupBy(c => c.Municipality!.DepartmentCode)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                .Select(d => new { d.Code, d.Name, Region = d.Region!.Name, Communes = db.Municipalities.Count(m => m.DepartmentCode == d.Code) })
                .ToListAsync(cancellationToken);
            var rows = departments.Select(d => new DepartmentRow(d.Code, d.Name, d.Region, d.Communes, caseCounts.GetValueOrDefault(d.Code))).ToList();
            return View(new MunicipalityIndex(null, null, rows, [], false));
        }

        var municipalities = db.Municipalities.AsNoTracking();
        if (selected is not null)
        {
            municipalities = municipalities.Where(m => m.DepartmentCode == selected.Code);
        }
        if (query is not null)
        {
            var slug = Slugs.From(query);
            municipalities = municipalities.Where(m => m.InseeCode == query || m.PostalCodes.Contains(query)
                || (slug.Length > 0 && (m.Slug == slug || m.Slug.StartsWith(slug + "-") || m.Slug.StartsWith(slug) || m.Slug.Contains("-" + slug))));
        }
        var found = await municipalities
            .OrderByDescending(m => m.Slug == Slugs.From(query ?? "")).ThenBy(m => m.Name).ThenBy(m => m.InseeCode)
            .Take(MaxResults + 1)
            .Select(m => new MunicipalityRow(m.InseeCode, m.Name, m.DepartmentCode, m.Department!.Name, m.Population,
                db.Cases.Count(c => c.MunicipalityId == m.Id && Visibility.IsPublic(c))))
            .ToListAsync(cancellationToken);
        return View(new MunicipalityIndex(query, selected, [], found.Take(MaxResults).ToList(), found.Count > MaxResults));
    }

    [HttpGet("{code}")]
    [OutputCache(PolicyName = CachePolicies.Page)]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        if (!InseeCode().IsMatch(code))
        {
            PublicCache.Tag(HttpContext, [PublicCache.Lists]);
            return await RedirectFromSlugAsync(code, cancellationToken);
        }
        var municipality = await db.Municipalities.AsNoTracking()
            .Include(m => m.Department).Include(m => m.Region).Include(m => m.Intercommunality)
            .FirstOrDefaultAsync(m => m.InseeCode == code.ToUpperInvariant(), cancellationToken);
        if (municipality is null)
        {
            PublicCache.Tag(HttpContext, [PublicCache.Lists]);
            return NotFound();
        }
        var cases = await db.Cases.AsNoTracking().Public().Where(c => c.MunicipalityId == municipality.Id)
            .ToListItems().ToListAsync(cancellationToken);
        // Requests to the commune itself, and requests of its published cases to other bodies.
        var requests = await PublicRequests.LoadAsync(db, db.CadaRequests.Where(r =>
                ((r.PublicBody!.Kind == PublicBodyKind.Commune && r.PublicBody.MunicipalityId == municipality.Id)
                    || (r.Case != null && r.Case.MunicipalityId == municipality.Id))),
            clock.TodayInParis(), cancellationToken);
        // What the page shows, so that it is evicted when any of it changes, and only then.
        var caseIds = await db.Cases.Where(c => c.MunicipalityId == municipality.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var bodyIds = await db.PublicBodies.Where(b => b.MunicipalityId == municipality.Id).Select(b => b.Id).ToListAsync(cancellationToken);
        PublicCache.Tag(HttpContext, [PublicCache.Commune(municipality.Id), .. caseIds.Select(PublicCache.Case), .. bodyIds.Select(PublicCache.Body),
            .. requests.Select(r => PublicCache.Request(r.Request.Id))]);
        var toCommune = requests.Where(r => r.Request.PublicBody!.Kind == PublicBodyKind.Commune && r.Request.PublicBody.MunicipalityId == municipality.Id).ToList();
        return View(new MunicipalityPage(municipality, cases, requests, TransparencySummary.Of(toCommune)));
    }

    /// <summary>"/communes/elancourt" or "/communes/elancourt-78208" lead to "/communes/78208".</summary>
    private async Task<IActionResult> RedirectFromSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var match = SlugWithCode().Match(slug);
        if (match.Success)
        {
            var code = match.Groups["code"].Value.ToUpperInvariant();
            return await db.Municipalities.AnyAsync(m => m.InseeCode == code, cancellationToken)
                ? RedirectToActionPermanent(nameof(Show), new { code })
                : NotFound();
        }
        var normalized = Slugs.From(slug);
        var codes = await db.Municipalities.Where(m => m.Slug == normalized).Select(m => m.InseeCode).Take(2).ToListAsync(cancellationToken);
        return codes.Count switch
        {
            0 => NotFound(),
            1 => RedirectToActionPermanent(nameof(Show), new { code = codes[0] }),
            _ => RedirectToAction(nameof(Index), new { q = slug }),
        };
    }

    [GeneratedRegex("^[0-9][0-9AaBb][0-9]{3}$")]
    private static partial Regex InseeCode();

    [GeneratedRegex("^.+-(?<code>[0-9][0-9AaBb][0-9]{3})$")]
    private static partial Regex SlugWithCode();
}
