using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Cases;

public static class CaseQueries
{
    /// <summary>A published case with all its parts: one query per collection (split query), never one per row.</summary>
    public static async Task<CasePage?> LoadPublishedPageAsync(VigieDbContext db, string slug, DateOnly today, CancellationToken cancellationToken)
    {
        var entity = await db.Cases.AsNoTracking().Public()
            .Where(c => c.Slug == slug)
            .Include(c => c.Municipality!).ThenInclude(m => m.Department)
            .Include(c => c.Technologies.OrderBy(t => t.Position))
            .Include(c => c.Vendors.OrderBy(v => v.Name))
            .Include(c => c.Sources.OrderBy(s => s.Number))
            .Include(c => c.Contracts.OrderBy(k => k.SignedOn).ThenBy(k => k.Position)).ThenInclude(k => k.Vendor)
            .Include(c => c.Fundings.OrderBy(f => f.Position))
            .Include(c => c.TimelineEvents.OrderBy(e => e.OccurredOn))
            .Include(c => c.Quotes.OrderBy(q => q.Position))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var documents = await db.Documents.AsNoTracking().Public().Where(d => d.CaseId == entity.Id)
            .OrderBy(d => d.Date).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var requests = await PublicRequests.LoadAsync(db, db.CadaRequests.Where(r => r.CaseId == entity.Id), today, cancellationToken);
        var sourceNumbers = entity.Sources.Select(s => s.Number).ToHashSet();
        return new CasePage(
            entity,
            NarrativeMarkdown.ToHtml(entity.Body, sourceNumbers, headingOffset: 2),
            entity.Sources,
            entity.Contracts,
            entity.Fundings,
            entity.TimelineEvents,
            entity.Quotes,
            requests,
            documents);
    }

    public static IQueryable<CaseListItem> ToListItems(this IQueryable<Case> cases) => cases
        .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Title)
        .Select(c => new CaseListItem(c.Slug, c.Title, c.Summary, c.Municipality!.Name, c.Municipality.InseeCode,
            c.Municipality.Department!.Name, c.Municipality.DepartmentCode, c.PublishedAt,
            c.Technologies.OrderBy(t => t.Position).Select(t => t.Name).ToList()));
}
