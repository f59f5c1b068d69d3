using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Vigie.Web.Features.Documents.Storage;
using Vigie.Web.Infrastructure.Postgres;

namespace Vigie.Web.Infrastructure.Backup;

public sealed record BackupManifest(DateTimeOffset CreatedAt, string Database, long DumpBytes, string DumpSha256, int Files, long FileBytes);

/// <summary>
/// A backup is a folder: database.dump (pg_dump, custom format: one consistent snapshot), store/ (every
/// stored file, under its SHA-256) and manifest.json. The dump is taken first: stored files are never
/// changed and only removed when no row references them, so every file the dump needs is still in the
/// store when it is copied.
/// </summary>
public sealed class BackupService(IDocumentStore store)
{
    public async Task<BackupManifest> BackupAsync(string connectionString, string folder, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        if (Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new InvalidOperationException($"Le dossier de sauvegarde {folder} n'est pas vide.");
        }
        var dump = Path.Combine(folder, "database.dump");
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync("pg_dump", settings, ["--format=custom", "--no-owner", "--no-privileges", "--file", dump, "--dbname", settings.Database!], cancellationToken);
        await log.WriteLineAsync($"Base « {settings.Database} » sauvegardée ({new FileInfo(dump).Length / 1024} Kio).");

        var files = 0;
        long bytes = 0;
        await foreach (var blob in store.ListAsync(cancellationToken))
        {
            var target = StorePath(folder, blob.Hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var source = await store.OpenReadAsync(blob.Hash, cancellationToken) ?? throw new InvalidOperationException($"Fichier {blob.Hash} disparu pendant la sauvegarde."))
            await using (var output = File.Create(target))
            {
                await source.CopyToAsync(output, cancellationToken);
            }
            files++;
            bytes += new FileInfo(target).Length;
        }
        await log.WriteLineAsync($"{files} fichiers du stockage copiés ({bytes / 1024} Kio).");
        var manifest = new BackupManifest(DateTimeOffset.UtcNow, settings.Database!, new FileInfo(dump).Length, await Sha256Async(dump, cancellationToken), files, bytes);
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        return manifest;
    }

    /// <summary>Restores into an empty database and store; every file is checked against its hash before it is stored.</summary>
    public async Task RestoreAsync(string connectionString, string folder, TextWriter log, CancellationToken cancellationToken)
    {
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json"), cancellationToken))
            ?? throw new InvalidOperationException("manifest.json illisible.");
        var dump = Path.Combine(folder, "database.dump");
        if (await Sha256Async(dump, cancellationToken) != manifest.DumpSha256)
        {
            throw new InvalidOperationException("database.dump ne correspond pas au manifeste : sauvegarde abîmée.");
        }
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
            if ((long)(await tables.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                throw new InvalidOperationException($"La base « {settings.Database} » n'est pas vide : la restauration se fait dans une base vide.");
            }
        }
        await RunAsync("pg_restore", settings, ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", settings.Database!, dump], cancellationToken);
        await log.WriteLineAsync($"Base « {settings.Database} » restaurée.");

        var restored = 0;
        var root = Path.Combine(folder, "store");
        foreach (var file in Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
        {
            var hash = ContentHash.Parse(Path.GetFileName(file));
            if (ContentHash.Parse(await Sha256Async(file, cancellationToken)) != hash)
            {
                throw new InvalidOperationException($"{file} ne correspond pas à son empreinte : sauvegarde abîmée.");
            }
            await store.PutAsync(hash, file, cancellationToken);
            restored++;
        }
        if (restored != manifest.Files)
        {
            throw new InvalidOperationException($"{restored} fichiers restaurés, {manifest.Files} attendus.");
        }
        await log.WriteLineAsync($"{restored} fichiers restaurés dans le stockage.");
    }

    private static string StorePath(string folder, ContentHash hash)
    {
        var text = hash.ToString();
        return Path.Combine(folder, "store", text[..2], text);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder settings, string[] args, CancellationToken cancellationToken)
    {
        var bin = LocalPostgres.FindBinDirectory();
        var info = new ProcessStartInfo(bin is null ? tool : Path.Combine(bin, tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--host", settings.Host ?? "127.0.0.1", "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", settings.Username ?? "postgres" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }
        // The password goes through the environment, never the command line (visible to other users in ps).
        info.Environment["PGPASSWORD"] = settings.Password ?? "";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} introuvable.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} a échoué (code {process.ExitCode}) : {(await stderr).Trim()}");
        }
    }
}
