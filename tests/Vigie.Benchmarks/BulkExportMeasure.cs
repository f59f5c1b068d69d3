using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vigie.Pdf;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Exports;

namespace Vigie.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Vigie.Benchmarks -- --bulk-export 1000
/// Exports N generated cases (copies of Élancourt) and reports the time and the process's peak memory.
/// A single long run: BenchmarkDotNet's repetitions would add nothing but minutes.
/// </summary>
public static class BulkExportMeasure
{
    public static async Task RunAsync(int count)
    {
        PdfFonts.EnsureFonts();
        var connectionString = await TestDatabase.CreateDatabaseAsync("bench_bulk_export");
        await CloneElancourtAsync(connectionString, count - 1);
        await using var app = new BenchmarkApp(connectionString);
        using var scope = app.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<ExportBuilder>();
        var job = new ExportJob { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow, FilterKey = "bench", Status = ExportStatus.Running };
        var db = scope.ServiceProvider.GetRequiredService<Vigie.Web.Data.VigieDbContext>();
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var folder = Path.Combine(Path.GetTempPath(), $"vigie-bench-export-{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        var (file, size) = await builder.BuildAsync(job, folder, "https://vigie.example.org", default);
        clock.Stop();
        process.Refresh();
        Console.WriteLine($"Bulk export of {count} cases: {clock.Elapsed.TotalSeconds:0.0} s ({count / clock.Elapsed.TotalSeconds:0} cases/s), " +
            $"archive {size / 1024.0 / 1024.0:0.0} MiB, working set before {before / 1024 / 1024} MiB, peak {process.PeakWorkingSet64 / 1024 / 1024} MiB, " +
            $"managed heap after {GC.GetTotalMemory(false) / 1024 / 1024} MiB");
        Directory.Delete(folder, recursive: true);
        await TestDatabase.DropDatabaseAsync(connectionString);
    }

    /// <summary>Copies the Élancourt case and all its parts <paramref name="copies"/> times, in SQL.</summary>
    private static async Task CloneElancourtAsync(string connectionString, int copies)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DO $$
            DECLARE src int; dst int; i int; s record; map jsonb;
            BEGIN
              SELECT id INTO src FROM cases WHERE slug = 'elancourt';
              FOR i IN 1..$COPIES LOOP
                INSERT INTO cases (slug, title, municipality_id, summary, body, status, created_at, updated_at, published_at)
                SELECT 'elancourt-' || i, title || ' (' || i || ')', municipality_id, summary, body, status, created_at, updated_at, published_at
                FROM cases WHERE id = src RETURNING id INTO dst;
                INSERT INTO case_technologies SELECT dst, technologies_id FROM case_technologies WHERE cases_id = src;
                INSERT INTO case_vendors SELECT dst, vendors_id FROM case_vendors WHERE cases_id = src;
                INSERT INTO sources (case_id, number, url, title, publisher, published_on, published_on_precision, archive_url)
                  SELECT dst, number, url, title, publisher, published_on, published_on_precision, archive_url FROM sources WHERE case_id = src;
                INSERT INTO contracts (case_id, buyer_municipality_id, vendor_id, object, signed_on, signed_on_precision, amount_euros, reference, missing, notes, position)
                  SELECT dst, buyer_municipality_id, vendor_id, object, signed_on, signed_on_precision, amount_euros, reference, missing, notes, position FROM contracts WHERE case_id = src;
                INSERT INTO fundings (case_id, label, amount_euros, funder, year, is_estimate, position)
                  SELECT dst, label, amount_euros, funder, year, is_estimate, position FROM fundings WHERE case_id = src;
                INSERT INTO timeline_events (case_id, occurred_on, occurred_on_precision, title, description)
                  SELECT dst, occurred_on, occurred_on_precision, title, description FROM timeline_events WHERE case_id = src;
                INSERT INTO quotes (case_id, speaker, speaker_role, text, said_on, said_on_precision, position)
                  SELECT dst, speaker, speaker_role, text, said_on, said_on_precision, position FROM quotes WHERE case_id = src;
              END LOOP;
            END $$;
            """.Replace("$COPIES", copies.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), connection);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
