using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Editing.Revisions;

/// <summary>
/// Puts a case back as a snapshot has it: title, commune, summary, narrative, technologies, vendors and
/// every part. Parts are matched by id, so unchanged ones are left alone, changed ones updated in place
/// and deleted ones inserted again under their old id (their history stays one). The status, the
/// publication date and the public address are not content and stay as they are.
/// </summary>
public static class CaseRestorer
{
    /// <summary>Applies the snapshot to the locked case of <paramref name="change"/>; returns what could not be restored.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(VigieDbContext db, CaseChange change, CaseSnapshot target, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var c = change.Case;
        c.Title = target.Title;
        c.Summary = target.Summary;
        c.Body = target.Body;
        var municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.InseeCode == target.Municipality.Key, cancellationToken);
        if (municipality is null)
        {
            warnings.Add($"La commune {target.Municipality.Name} n'existe plus : la commune actuelle est gardée.");
        }
        else
        {
            c.MunicipalityId = municipality.Id;
        }
        var technologies = await db.Technologies.ToDictionaryAsync(t => t.Slug, cancellationToken);
        var vendors = await db.Vendors.ToDictionaryAsync(v => v.Slug, cancellationToken);
        Replace(c.Technologies, target.Technologies, technologies, "La technologie", warnings);
        Replace(c.Vendors, target.Vendors, vendors, "Le prestataire", warnings);

        await RestoreSourcesAsync(db, c, target.Sources, cancellationToken);
        var sourceIds = target.Sources.ToDictionary(s => s.Number, s => s.Id);
        int? SourceId(int? number) => number is int n && sourceIds.TryGetValue(n, out var id) ? id : null;

        var codes = target.Contracts.Select(k => k.Buyer?.Key).OfType<string>().Distinct().ToList();
        var buyers = await db.Municipalities.Where(m => codes.Contains(m.InseeCode)).ToDictionaryAsync(m => m.InseeCode, m => m.Id, cancellationToken);

        await RestoreAsync(db, c.Id, target.Contracts, s => s.Id, i => new Contract { Id = i, Object = "" }, (k, s) =>
        {
            k.Object = s.Object;
            k.VendorId = s.Vendor is null ? null : vendors.GetValueOrDefault(s.Vendor.Key)?.Id;
            k.BuyerMunicipalityId = s.Buyer is null ? null : buyers.TryGetValue(s.Buyer.Key, out var buyer) ? buyer : null;
            k.SignedOn = s.SignedOn;
            k.SignedOnPrecision = s.SignedOnPrecision;
            k.AmountEuros = s.AmountEuros;
            k.Reference = s.Reference;
            k.Missing = s.Missing;
            k.Notes = s.Notes;
            k.SourceId = SourceId(s.Source);
            k.Position = s.Position;
        }, cancellationToken);
        await RestoreAsync(db, c.Id, target.Fundings, s => s.Id, i => new Funding { Id = i, Label = "" }, (f, s) =>
        {
            f.Label = s.Label;
            f.AmountEuros = s.AmountEuros;
            f.Funder = s.Funder;
            f.Year = s.Year;
            f.IsEstimate = s.IsEstimate;
            f.SourceId = SourceId(s.Source);
            f.Position = s.Position;
        }, cancellationToken);
        await RestoreAsync(db, c.Id, target.TimelineEvents, s => s.Id, i => new TimelineEvent { Id = i, Title = "" }, (e, s) =>
        {
            e.OccurredOn = s.OccurredOn;
            e.OccurredOnPrecision = s.OccurredOnPrecision;
            e.Title = s.Title;
            e.Description = s.Description;
            e.SourceId = SourceId(s.Source);
        }, cancellationToken);
        await RestoreAsync(db, c.Id, target.Quotes, s => s.Id, i => new Quote { Id = i, Speaker = "", Text = "" }, (q, s) =>
        {
            q.Speaker = s.Speaker;
            q.SpeakerRole = s.SpeakerRole;
            q.Text = s.Text;
            q.SaidOn = s.SaidOn;
            q.SaidOnPrecision = s.SaidOnPrecision;
            q.SourceId = SourceId(s.Source);
            q.Position = s.Position;
        }, cancellationToken);
        return warnings;
    }

    private static void Replace<T>(List<T> current, List<SnapshotRef> wanted, Dictionary<string, T> all, string noun, List<string> warnings)
        where T : class
    {
        var keep = new List<T>();
        foreach (var r in wanted)
        {
            if (all.TryGetValue(r.Key, out var item))
            {
                keep.Add(item);
            }
            else
            {
                warnings.Add($"{noun} « {r.Name} » n'existe plus : il n'a pas été remis.");
            }
        }
        current.RemoveAll(i => !keep.Contains(i));
        current.AddRange(keep.Where(i => !current.Contains(i)));
    }

    /// <summary>Numbers are unique per case: renumbered sources go through a temporary negative number first.</summary>
    private static async Task RestoreSourcesAsync(VigieDbContext db, Case c, List<SourceSnapshot> target, CancellationToken cancellationToken)
    {
        var wanted = target.ToDictionary(s => s.Id);
        var current = await db.Sources.Where(s => s.CaseId == c.Id).ToListAsync(cancellationToken);
        foreach (var source in current)
        {
            if (!wanted.TryGetValue(source.Id, out var w))
            {
                db.Sources.Remove(source);
            }
            else if (w.Number != source.Number)
            {
                source.Number = -source.Id;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var w in target)
        {
            var source = current.FirstOrDefault(s => s.Id == w.Id);
            if (source is null)
            {
                source = new Source { Id = w.Id, CaseId = c.Id, Url = w.Url, Title = w.Title };
                db.Sources.Add(source);
            }
            source.Number = w.Number;
            source.Url = w.Url;
            source.Title = w.Title;
            source.Publisher = w.Publisher;
            source.PublishedOn = w.PublishedOn;
            source.PublishedOnPrecision = w.PublishedOnPrecision;
            source.ArchiveUrl = w.ArchiveUrl;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task RestoreAsync<TPart, TSnapshot>(VigieDbContext db, int caseId, List<TSnapshot> target, Func<TSnapshot, int> id,
        Func<int, TPart> create, Action<TPart, TSnapshot> fill, CancellationToken cancellationToken)
        where TPart : class, ICasePart
    {
        var wanted = target.ToDictionary(id);
        var current = await db.Set<TPart>().Where(p => p.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var part in current.Where(p => !wanted.ContainsKey(p.Id)))
        {
            db.Remove(part);
        }
        foreach (var snapshot in target)
        {
            var part = current.FirstOrDefault(p => p.Id == id(snapshot));
            if (part is null)
            {
                part = create(id(snapshot));
                part.CaseId = caseId;
                db.Add(part);
            }
            fill(part, snapshot);
        }
    }
}
