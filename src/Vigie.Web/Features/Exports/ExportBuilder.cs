using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.CaseFiles;
using Vigie.Web.Features.Cases;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Exports;

/// <summary>
/// Writes an export ZIP: one PDF per case, index.csv and README.txt. The archive is streamed to a temporary
/// file entry by entry (never held in memory) and renamed into place only when complete.
/// </summary>
public sealed class ExportBuilder(VigieDbContext db, CaseFileService caseFiles, TimeProvider clock)
{
    private const int ProgressEvery = 5;

    public async Task<(string FileName, long Size)> BuildAsync(ExportJob job, string exportsDirectory, string publicUrl, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(exportsDirectory);
        var filter = ExportFilter.From(job);
        var slugs = await filter.Apply(db).OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken);
        await SetProgressAsync(job.Id, slugs.Count, 0, cancellationToken);

        var fileName = $"{job.Id:N}.zip";
        var temporary = Path.Combine(exportsDirectory, fileName + ".tmp");
        var generatedAt = clock.GetUtcNow();
        var rows = new List<IndexRow>(slugs.Count);
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            var done = 0;
            foreach (var slug in slugs)
            {
                var page = await CaseQueries.LoadPublishedPageAsync(db, slug, Infrastructure.ParisClock.TodayInParis(clock), cancellationToken);
                db.ChangeTracker.Clear();
                if (page is not null)
                {
                    var file = await caseFiles.BuildAsync(page, publicUrl, generatedAt, cancellationToken);
                    // PDFs are already compressed: storing them is as small and much faster.
                    var entry = zip.CreateEntry($"dossiers/{file.FileName}", CompressionLevel.NoCompression);
                    await using (var entryStream = entry.Open())
                    {
                        await entryStream.WriteAsync(file.Pdf, cancellationToken);
                    }
                    rows.Add(IndexRow.From(page, publicUrl, $"dossiers/{file.FileName}"));
                }
                done++;
                if (done % ProgressEvery == 0 || done == slugs.Count)
                {
                    await SetProgressAsync(job.Id, slugs.Count, done, cancellationToken);
                }
            }
            await WriteEntryAsync(zip, "index.csv", async writer =>
            {
                await using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
                csv.WriteHeader(IndexRow.Header);
                foreach (var row in rows)
                {
                    await csv.WriteRecordAsync(row.Fields(), cancellationToken);
                }
                await csv.FlushAsync(cancellationToken);
            });
            var description = filter.Describe(await NamesAsync(cancellationToken));
            await WriteEntryAsync(zip, "README.txt", writer => writer.WriteAsync($"""
                Export Vigie — dossiers documentaires
                ====================================

                Contenu : {description}.
                Nombre de dossiers : {rows.Count}.
                Date de l'export : {Fr.Date(generatedAt)} à {generatedAt.ToOffset(TimeSpan.FromHours(1)):HH:mm} (UTC+1).
                Source : {publicUrl}

                dossiers/   un fichier PDF par dossier, tel que publié à la date de l'export.
                index.csv   une ligne par dossier (UTF-8, séparateur virgule) : identifiant (slug), titre,
                            commune, code INSEE, département, technologies, prestataires, nombre de marchés,
                            montant connu des marchés (euros), financement annoncé (euros) et s'il comprend
                            des estimations, nombre de demandes CADA publiques, sources, adresse, fichier.

                Seules les informations publiques sont exportées : ni les demandes privées, ni l'identité
                des bénévoles. Données des communes : INSEE / Etalab, Licence Ouverte 2.0.
                Chaque fait est sourcé dans le dossier ; citez le dossier et ses sources.
                """.Replace("\n", "\r\n", StringComparison.Ordinal)));
        }
        var final = Path.Combine(exportsDirectory, fileName);
        File.Move(temporary, final, overwrite: true);
        return (fileName, new FileInfo(final).Length);
    }

    private async Task SetProgressAsync(Guid id, int total, int done, CancellationToken cancellationToken) =>
        await db.ExportJobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Total, total).SetProperty(j => j.Done, done), cancellationToken);

    private async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        foreach (var d in await db.Departments.AsNoTracking().ToListAsync(cancellationToken))
        {
            names["d:" + d.Code] = d.Name;
        }
        foreach (var t in await db.Technologies.AsNoTracking().ToListAsync(cancellationToken))
        {
            names["t:" + t.Slug] = t.Name;
        }
        foreach (var v in await db.Vendors.AsNoTracking().ToListAsync(cancellationToken))
        {
            names["v:" + v.Slug] = v.Name;
        }
        return names;
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, Func<StreamWriter, Task> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await write(writer);
    }
}

/// <summary>One line of index.csv; the column names are part of the open-data contract (docs/data.md).</summary>
public sealed record IndexRow(
    string Slug, string Titre, string Commune, string CodeInsee, string Departement, string Technologies, string Prestataires,
    int Marches, decimal? MontantConnuMarches, decimal FinancementAnnonce, bool FinancementEstime, int DemandesCada,
    int Sources, string Url, string Fichier, string? PublieLe)
{
    public static IndexRow From(CasePage page, string publicUrl, string file)
    {
        var c = page.Case;
        var known = page.Contracts.Where(k => k.AmountEuros is not null).ToList();
        return new IndexRow(
            c.Slug, c.Title, c.Municipality!.Name, c.Municipality.InseeCode, c.Municipality.DepartmentCode,
            string.Join(";", c.Technologies.Select(t => t.Slug)), string.Join(";", c.Vendors.Select(v => v.Slug)),
            page.Contracts.Count, known.Count == 0 ? null : known.Sum(k => k.AmountEuros!.Value),
            page.FundingTotal, page.FundingHasEstimates, page.Requests.Count, page.Sources.Count,
            $"{publicUrl.TrimEnd('/')}/dossiers/{c.Slug}", file,
            c.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static readonly string[] Header =
    [
        "slug", "titre", "commune", "code_insee", "departement", "technologies", "prestataires", "marches",
        "montant_connu_marches_euros", "financement_annonce_euros", "financement_comprend_estimations", "demandes_cada",
        "sources", "url", "fichier", "publie_le",
    ];

    /// <summary>The cells of the line; text ones neutralised for spreadsheets (<see cref="CsvCells"/>), numbers as they are.</summary>
    public string[] Fields() =>
    [
        CsvCells.Text(Slug), CsvCells.Text(Titre), CsvCells.Text(Commune), CodeInsee, Departement, CsvCells.Text(Technologies),
        CsvCells.Text(Prestataires), Number(Marches),
        MontantConnuMarches is decimal m ? Amount(m) : "", Amount(FinancementAnnonce),
        FinancementEstime ? "oui" : "non", Number(DemandesCada), Number(Sources), Url, Fichier, PublieLe ?? "",
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
