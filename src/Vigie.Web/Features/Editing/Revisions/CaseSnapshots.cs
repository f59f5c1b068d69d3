using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Editing.Revisions;

/// <summary>Reads a whole case (fields, parts, technologies and vendors) into a <see cref="CaseSnapshot"/>.</summary>
public static class CaseSnapshots
{
    public static async Task<CaseSnapshot> CaptureAsync(VigieDbContext db, int caseId, CancellationToken cancellationToken)
    {
        var c = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Include(c => c.Municipality)
            .Include(c => c.Technologies)
            .Include(c => c.Vendors)
            .Include(c => c.Sources)
            .Include(c => c.Contracts).ThenInclude(k => k.Vendor)
            .Include(c => c.Contracts).ThenInclude(k => k.BuyerMunicipality)
            .Include(c => c.Fundings)
            .Include(c => c.TimelineEvents)
            .Include(c => c.Quotes)
            .AsSplitQuery()
            .SingleAsync(cancellationToken);
        return From(c);
    }

    /// <summary>The snapshot of a case loaded with all its parts and references.</summary>
    public static CaseSnapshot From(Case c)
    {
        var numbers = c.Sources.ToDictionary(s => s.Id, s => s.Number);
        int? Number(int? sourceId) => sourceId is int id && numbers.TryGetValue(id, out var n) ? n : null;
        return new CaseSnapshot
        {
            Slug = c.Slug,
            Title = c.Title,
            Municipality = Ref(c.Municipality!),
            Summary = c.Summary,
            Body = c.Body,
            Status = c.Status,
            PublishedAt = c.PublishedAt,
            Technologies = [.. c.Technologies.OrderBy(t => t.Position).Select(t => new SnapshotRef(t.Slug, t.Name))],
            Vendors = [.. c.Vendors.OrderBy(v => v.Name).Select(v => new SnapshotRef(v.Slug, v.Name))],
            Sources = [.. c.Sources.OrderBy(s => s.Number).Select(s => new SourceSnapshot(s.Id, s.Number, s.Url, s.Title, s.Publisher,
                s.PublishedOn, s.PublishedOnPrecision, s.ArchiveUrl))],
            Contracts = [.. c.Contracts.OrderBy(k => k.Position).ThenBy(k => k.Id).Select(k => new ContractSnapshot(k.Id, k.Object,
                k.Vendor is null ? null : new SnapshotRef(k.Vendor.Slug, k.Vendor.Name),
                k.BuyerMunicipality is null ? null : Ref(k.BuyerMunicipality),
                k.SignedOn, k.SignedOnPrecision, k.AmountEuros, k.Reference, k.Missing, k.Notes, Number(k.SourceId), k.Position))],
            Fundings = [.. c.Fundings.OrderBy(f => f.Position).ThenBy(f => f.Id).Select(f => new FundingSnapshot(f.Id, f.Label, f.AmountEuros,
                f.Funder, f.Year, f.IsEstimate, Number(f.SourceId), f.Position))],
            TimelineEvents = [.. c.TimelineEvents.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).Select(e => new TimelineEventSnapshot(e.Id,
                e.OccurredOn, e.OccurredOnPrecision, e.Title, e.Description, Number(e.SourceId)))],
            Quotes = [.. c.Quotes.OrderBy(q => q.Position).ThenBy(q => q.Id).Select(q => new QuoteSnapshot(q.Id, q.Speaker, q.SpeakerRole,
                q.Text, q.SaidOn, q.SaidOnPrecision, Number(q.SourceId), q.Position))],
        };
    }

    private static SnapshotRef Ref(Municipality m) => new(m.InseeCode, $"{m.Name} ({m.DepartmentCode})");
}
