using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Exports;

public sealed record ExportOptionsPage(ExportFilter Filter, IReadOnlyList<Department> Departments, IReadOnlyList<Technology> Technologies,
    IReadOnlyList<Vendor> Vendors, int PublishedCount);

public sealed record ExportJobPage(ExportJob Job, string Description);

/// <summary>Bulk export of case files for researchers: public, built in the background, rate limited.</summary>
[AllowAnonymous]
[Route("export")]
public sealed class ExportsController(VigieDbContext db, ExportSignal signal, ExportWorker worker, TimeProvider clock, SiteAddress address) : Controller
{
    public const string RateLimit = "export";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await OptionsAsync(new ExportFilter(), cancellationToken));

    [HttpPost("")]
    [EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Create(ExportFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await OptionsAsync(filter, cancellationToken));
        }
        var key = filter.Key;
        var site = address.For(Request);
        var recent = clock.GetUtcNow().AddHours(-1);
        // The same filters asked again within the hour reuse the export instead of building it twice.
        var existing = await db.ExportJobs.AsNoTracking()
            .Where(j => j.FilterKey == key && j.SiteUrl == site && (j.Status == ExportStatus.Queued || j.Status == ExportStatus.Running
                || (j.Status == ExportStatus.Done && j.CompletedAt > recent && j.FileName != null)))
            .OrderByDescending(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return RedirectToAction(nameof(Show), new { id });
        }
        var job = new ExportJob
        {
            Id = Guid.NewGuid(),
            CreatedAt = clock.GetUtcNow(),
            Status = ExportStatus.Queued,
            DepartmentCode = NullIfEmpty(filter.Departement),
            TechnologySlug = NullIfEmpty(filter.Technologie),
            VendorSlug = NullIfEmpty(filter.Prestataire),
            RequestStatus = filter.EtatDemande,
            Year = filter.Annee,
            FilterKey = key,
            SiteUrl = site,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return RedirectToAction(nameof(Show), new { id = job.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var job = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return NotFound();
        }
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => "d:" + d.Code, d => d.Name, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return View(new ExportJobPage(job, ExportFilter.From(job).Describe(names)));
    }

    [HttpGet("{id:guid}/archive")]
    public async Task<IActionResult> Archive(Guid id, CancellationToken cancellationToken)
    {
        var job = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Status == ExportStatus.Done && j.FileName != null, cancellationToken);
        var path = job is null ? null : Path.Combine(worker.ExportsDirectory, job.FileName!);
        if (path is null || !System.IO.File.Exists(path))
        {
            return NotFound();
        }
        var name = $"vigie-export-{job!.CompletedAt!.Value:yyyyMMdd-HHmm}.zip";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = name, FileNameStar = name }.ToString();
        return PhysicalFile(path, "application/zip", enableRangeProcessing: true);
    }

    private async Task<ExportOptionsPage> OptionsAsync(ExportFilter filter, CancellationToken cancellationToken) => new(
        filter,
        await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken),
        await db.Technologies.AsNoTracking().OrderBy(t => t.Position).ToListAsync(cancellationToken),
        await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToListAsync(cancellationToken),
        await db.Cases.Public().CountAsync(cancellationToken));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
