using System.Diagnostics;

namespace Vigie.Benchmarks;

/// <summary>
/// Downloads every open-data file in full through the app (in-process), reporting time, size and the process's peak
/// working set; part of <see cref="ScaleMeasure"/>. Baseline: GET of a static file.
/// </summary>
public static class CsvExportMeasure
{
    public static async Task DownloadAllAsync(string connectionString)
    {
        Console.WriteLine();
        await using var app = new BenchmarkApp(connectionString, cachePublicPages: false);
        using var client = app.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        await client.GetByteArrayAsync(new Uri("/css/site.css", UriKind.Relative));
        var baseline = Stopwatch.StartNew();
        await client.GetByteArrayAsync(new Uri("/css/site.css", UriKind.Relative));
        Console.WriteLine($"Baseline static file: {baseline.Elapsed.TotalMilliseconds:0.00} ms");
        using var process = Process.GetCurrentProcess();
        foreach (var path in new[] { "/donnees/dossiers.csv", "/donnees/marches.csv", "/donnees/financements.csv", "/donnees/demandes.csv",
            "/donnees/transparence.csv", "/donnees/dossiers.json" })
        {
            GC.Collect();
            process.Refresh();
            var before = process.WorkingSet64;
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[1 << 16];
            long size = 0, lines = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                size += read;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            clock.Stop();
            process.Refresh();
            Console.WriteLine($"{path}: {clock.Elapsed.TotalSeconds:0.00} s, {size / 1024.0 / 1024.0:0.0} MiB, {lines:N0} lines, " +
                $"working set before {before / 1024 / 1024} MiB, peak so far {process.PeakWorkingSet64 / 1024 / 1024} MiB");
        }
    }
}
