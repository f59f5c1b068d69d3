using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Storage;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Data.Seeding;

public sealed record SeedReport(int Communes, int CommunesChanged, int TechnologiesAdded, int VendorsAdded, int CasesAdded, int CampaignsAdded, TimeSpan Elapsed);

/// <summary>
/// Imports seeds/ into the database in one transaction: reference geography is upserted (rows that did
/// not change are not touched), while technologies, vendors and cases are only added when their slug is
/// new, so that edits made in the app are never overwritten by a later start-up.
/// </summary>
public sealed class Seeder(VigieDbContext db, TimeProvider clock, ILogger<Seeder> logger, IDocumentStore? store = null)
{
    public async Task<SeedReport> SeedAsync(string seedsDirectory, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var bundle = SeedReader.Read(seedsDirectory);
        var strategy = db.Database.CreateExecutionStrategy();
        var report = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await ImportGeographyAsync(bundle.Geo, cancellationToken);
            await AddCommuneBodiesAsync(cancellationToken);
            var technologies = await AddMissingAsync(db.Technologies, bundle.Technologies, t => t.Slug, cancellationToken);
            var vendors = await AddMissingAsync(db.Vendors, bundle.Vendors, v => v.Slug, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var cases = await AddCasesAsync(bundle.Cases, cancellationToken);
            var campaigns = await AddCampaignsAsync(bundle.Campaigns, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SeedReport(bundle.Geo.Municipalities.Count, changed, technologies, vendors, cases, campaigns, stopwatch.Elapsed);
        });
        db.ChangeTracker.Clear();
        logger.LogInformation(
            "Données initiales : {Communes} communes ({Changed} modifiées), {Technologies} technologies, {Vendors} prestataires, {Cases} dossiers et {Campaigns} campagnes ajoutés en {Elapsed} ms",
            report.Communes, report.CommunesChanged, report.TechnologiesAdded, report.VendorsAdded, report.CasesAdded, report.CampaignsAdded,
            (int)report.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>Binary COPY into temporary tables, then upserts that skip identical rows.</summary>
    public async Task<int> ImportGeographyAsync(GeoSeed geo, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE seed_regions (code text, name text) ON COMMIT DROP;
            CREATE TEMP TABLE seed_departments (code text, name text, region_code text) ON COMMIT DROP;
            CREATE TEMP TABLE seed_intercommunalities (siren text, name text, kind text) ON COMMIT DROP;
            CREATE TEMP TABLE seed_municipalities (insee_code text, siren text, name text, slug text, department_code text,
                region_code text, intercommunality_siren text, postal_codes text[], population integer) ON COMMIT DROP;
            """, cancellationToken);

        await CopyAsync(connection, "seed_regions (code, name)", geo.Regions, (w, r) =>
        {
            w.Write(r.Code, NpgsqlDbType.Text);
            w.Write(r.Name, NpgsqlDbType.Text);
        }, cancellationToken);
        await CopyAsync(connection, "seed_departments (code, name, region_code)", geo.Departments, (w, d) =>
        {
            w.Write(d.Code, NpgsqlDbType.Text);
            w.Write(d.Name, NpgsqlDbType.Text);
            w.Write(d.RegionCode, NpgsqlDbType.Text);
        }, cancellationToken);
        await CopyAsync(connection, "seed_intercommunalities (siren, name, kind)", geo.Intercommunalities, (w, e) =>
        {
            w.Write(e.Siren, NpgsqlDbType.Text);
            w.Write(e.Name, NpgsqlDbType.Text);
            w.Write(e.Kind, NpgsqlDbType.Text);
        }, cancellationToken);
        await CopyAsync(connection,
            "seed_municipalities (insee_code, siren, name, slug, department_code, region_code, intercommunality_siren, postal_codes, population)",
            geo.Municipalities, (w, m) =>
            {
                w.Write(m.InseeCode, NpgsqlDbType.Text);
                WriteNullable(w, m.Siren);
                w.Write(m.Name, NpgsqlDbType.Text);
                w.Write(m.Slug, NpgsqlDbType.Text);
                w.Write(m.DepartmentCode, NpgsqlDbType.Text);
                w.Write(m.RegionCode, NpgsqlDbType.Text);
                WriteNullable(w, m.IntercommunalitySiren);
                w.Write(m.PostalCodes, NpgsqlDbType.Array | NpgsqlDbType.Text);
                if (m.Population is { } population)
                {
                    w.Write(population, NpgsqlDbType.Integer);
                }
                else
                {
                    w.WriteNull();
                }
            }, cancellationToken);

        await ExecuteAsync(connection, """
            INSERT INTO regions (code, name) SELECT code, name FROM seed_regions
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE regions.name IS DISTINCT FROM EXCLUDED.name;

            INSERT INTO departments (code, name, region_code) SELECT code, name, region_code FROM seed_departments
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code
            WHERE (departments.name, departments.region_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.region_code);

            INSERT INTO intercommunalities (siren, name, kind) SELECT siren, name, kind FROM seed_intercommunalities
            ON CONFLICT (siren) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind
            WHERE (intercommunalities.name, intercommunalities.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind);
            """, cancellationToken);

        await using var upsert = new NpgsqlCommand("""
            INSERT INTO municipalities (insee_code, siren, name, slug, department_code, region_code, intercommunality_siren, postal_codes, population)
            SELECT insee_code, siren, name, slug, department_code, region_code, intercommunality_siren, postal_codes, population
            FROM seed_municipalities
            ON CONFLICT (insee_code) DO UPDATE SET
                siren = EXCLUDED.siren, name = EXCLUDED.name, slug = EXCLUDED.slug,
                department_code = EXCLUDED.department_code, region_code = EXCLUDED.region_code,
                intercommunality_siren = EXCLUDED.intercommunality_siren,
                postal_codes = EXCLUDED.postal_codes, population = EXCLUDED.population
            WHERE (municipalities.siren, municipalities.name, municipalities.slug, municipalities.department_code,
                   municipalities.region_code, municipalities.intercommunality_siren, municipalities.postal_codes,
                   municipalities.population)
                IS DISTINCT FROM
                  (EXCLUDED.siren, EXCLUDED.name, EXCLUDED.slug, EXCLUDED.department_code, EXCLUDED.region_code,
                   EXCLUDED.intercommunality_siren, EXCLUDED.postal_codes, EXCLUDED.population)
            """, connection);
        return await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every commune is a public body a request can go to; add those that have none yet.</summary>
    public async Task<int> AddCommuneBodiesAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var missing = new List<(int Id, string Name, string Department)>();
        await using (var query = new NpgsqlCommand("""
            SELECT m.id, m.name, m.department_code FROM municipalities m
            WHERE NOT EXISTS (SELECT 1 FROM public_bodies b WHERE b.municipality_id = m.id AND b.kind = 'Commune')
            """, connection))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                missing.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        if (missing.Count == 0)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        await CopyAsync(connection, "public_bodies (kind, name, slug, municipality_id, department_code, updated_at)", missing, (w, m) =>
        {
            var name = Infrastructure.Text.FrenchNames.Of("Commune", m.Name);
            w.Write(nameof(PublicBodyKind.Commune), NpgsqlDbType.Text);
            w.Write(name, NpgsqlDbType.Text);
            w.Write(Infrastructure.Text.Slugs.From(name), NpgsqlDbType.Text);
            w.Write(m.Id, NpgsqlDbType.Integer);
            w.Write(m.Department, NpgsqlDbType.Text);
            w.Write(now, NpgsqlDbType.TimestampTz);
        }, cancellationToken);
        return missing.Count;
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            write(importer, row);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> AddMissingAsync<T>(DbSet<T> set, IReadOnlyList<T> items, Func<T, string> slug, CancellationToken cancellationToken)
        where T : class
    {
        var existing = (await set.AsNoTracking().ToListAsync(cancellationToken)).Select(slug).ToHashSet();
        var missing = items.Where(i => !existing.Contains(slug(i))).ToList();
        set.AddRange(missing);
        return missing.Count;
    }

    private async Task<int> AddCasesAsync(IReadOnlyList<CaseSeed> seeds, CancellationToken cancellationToken)
    {
        var slugs = seeds.Select(s => s.Case.Slug).ToList();
        var existing = await db.Cases.Where(c => slugs.Contains(c.Slug)).Select(c => c.Slug).ToListAsync(cancellationToken);
        var toAdd = seeds.Where(s => !existing.Contains(s.Case.Slug)).ToList();
        if (toAdd.Count == 0)
        {
            return 0;
        }

        var codes = toAdd.SelectMany(s => s.Contracts.Select(c => c.BuyerCode).Concat(s.Requests.Select(r => r.BodyCode)).Append(s.MunicipalityCode))
            .OfType<string>().Distinct().ToList();
        var municipalities = await db.Municipalities.Where(m => codes.Contains(m.InseeCode)).ToDictionaryAsync(m => m.InseeCode, m => m.Id, cancellationToken);
        var technologies = await db.Technologies.ToDictionaryAsync(t => t.Slug, cancellationToken);
        var vendors = await db.Vendors.ToDictionaryAsync(v => v.Slug, cancellationToken);
        var bodies = await db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune && codes.Contains(b.Municipality!.InseeCode))
            .ToDictionaryAsync(b => b.Municipality!.InseeCode, cancellationToken);
        var now = clock.GetUtcNow();

        foreach (var seed in toAdd)
        {
            var entity = seed.Case;
            entity.MunicipalityId = municipalities[seed.MunicipalityCode];
            entity.CreatedAt = entity.UpdatedAt = now;
            entity.PublishedAt = entity.Status == CaseStatus.Published ? now : null;
            entity.Technologies = seed.TechnologySlugs.Select(s => technologies[s]).ToList();
            entity.Vendors = seed.VendorSlugs.Select(s => vendors[s]).ToList();
            entity.Contracts = seed.Contracts.Select(c =>
            {
                c.Contract.Vendor = c.VendorSlug is null ? null : vendors[c.VendorSlug];
                c.Contract.BuyerMunicipalityId = c.BuyerCode is null ? null : municipalities[c.BuyerCode];
                return c.Contract;
            }).ToList();
            var requests = seed.Requests.ToDictionary(r => r.Key, r =>
            {
                r.Request.PublicBody = bodies[r.BodyCode];
                r.Request.CreatedAt = r.Request.UpdatedAt = now;
                foreach (var e in r.Request.Events)
                {
                    e.CreatedAt = e.UpdatedAt = now;
                }
                return r.Request;
            });
            entity.CadaRequests = requests.Values.ToList();
            entity.Documents = [];
            foreach (var d in seed.Documents)
            {
                d.Document.CadaRequest = d.RequestKey is null ? null : requests[d.RequestKey];
                if (d.File is { } file)
                {
                    d.Document.File = await StoreSeedFileAsync(file, now, cancellationToken);
                    d.Document.FileName = file.Name;
                    d.Document.UploadedAt = now;
                }
                entity.Documents.Add(d.Document);
            }
            db.Cases.Add(entity);
        }
        await db.SaveChangesAsync(cancellationToken);
        // The cached state needs the documents' ids, known only once saved.
        var today = clock.TodayInParis();
        foreach (var request in toAdd.SelectMany(s => s.Requests).Select(r => r.Request))
        {
            Features.Requests.RequestAnalyser.Cache(request, Features.Requests.RequestAnalyser.Analyse(request, today), today);
        }
        await db.SaveChangesAsync(cancellationToken);
        return toAdd.Count;
    }

    /// <summary>
    /// Campaigns whose slug is new: the campaign, its targets, their requests (created as the app creates them), then the
    /// seeded history of some requests. Like cases, a campaign already in the database is never touched again.
    /// </summary>
    private async Task<int> AddCampaignsAsync(IReadOnlyList<CampaignSeed> seeds, CancellationToken cancellationToken)
    {
        var slugs = seeds.Select(s => s.Campaign.Slug).ToList();
        var existing = await db.Campaigns.Where(c => slugs.Contains(c.Slug)).Select(c => c.Slug).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = clock.TodayInParis();
        var added = 0;
        foreach (var seed in seeds.Where(s => !existing.Contains(s.Campaign.Slug)))
        {
            var campaign = seed.Campaign;
            campaign.CreatedAt = campaign.UpdatedAt = now;
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
            var bodies = await db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune && seed.TargetCodes.Contains(b.Municipality!.InseeCode))
                .Select(b => new { b.Id, b.Municipality!.InseeCode }).ToDictionaryAsync(b => b.InseeCode, b => b.Id, cancellationToken);
            db.CampaignTargets.AddRange(seed.TargetCodes.Select(code => new CampaignTarget { CampaignId = campaign.Id, PublicBodyId = bodies[code], AddedAt = now }));
            await db.SaveChangesAsync(cancellationToken);
            await new Features.Campaigns.Creation.CampaignRequestCreator(db, clock).CreateMissingAsync(campaign.Id, null, cancellationToken);
            var historyBodies = seed.Requests.Select(r => bodies[r.BodyCode]).ToList();
            var requests = await db.CadaRequests.Include(r => r.RequestedDocuments).Include(r => r.PublicBody)
                .Where(r => r.CampaignId == campaign.Id && historyBodies.Contains(r.PublicBodyId))
                .ToDictionaryAsync(r => r.PublicBodyId, cancellationToken);
            foreach (var history in seed.Requests)
            {
                var request = requests[bodies[history.BodyCode]];
                var documents = request.RequestedDocuments.ToDictionary(d => d.Position);
                foreach (var (e, daysAgo) in history.Events)
                {
                    if (daysAgo is { } days)
                    {
                        e.OccurredOn = today.AddDays(-days);
                        e.OccurredOnPrecision = DatePrecision.Day;
                    }
                    e.CreatedAt = e.UpdatedAt = now;
                    foreach (var outcome in e.DocumentOutcomes)
                    {
                        outcome.RequestedDocument = documents[outcome.RequestedDocument!.Position];
                    }
                    request.Events.Add(e);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            foreach (var request in requests.Values)
            {
                Features.Requests.RequestAnalyser.Cache(request, Features.Requests.RequestAnalyser.Analyse(request, today), today);
            }
            await db.SaveChangesAsync(cancellationToken);
            added++;
        }
        return added;
    }

    /// <summary>Seed files go through the document store like uploads, and are queued for processing.</summary>
    private async Task<StoredFile> StoreSeedFileAsync(SeedFile file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            throw new InvalidOperationException("Seed documents with a file need a document store.");
        }
        var known = db.StoredFiles.Local.FirstOrDefault(f => f.Sha256 == file.Hash.Value)
            ?? await db.StoredFiles.SingleOrDefaultAsync(f => f.Sha256 == file.Hash.Value, cancellationToken);
        if (known is not null)
        {
            return known;
        }
        await StoreLock.ShareAsync(db, cancellationToken);
        await store.PutAsync(file.Hash, file.FullPath, cancellationToken);
        var stored = new StoredFile { Sha256 = file.Hash.Value, Length = file.Length, Format = file.Format, CreatedAt = now, Status = ProcessingStatus.Pending };
        db.StoredFiles.Add(stored);
        db.ProcessingJobs.Add(new ProcessingJob { File = stored, CreatedAt = now, RunAfter = now });
        return stored;
    }
}
