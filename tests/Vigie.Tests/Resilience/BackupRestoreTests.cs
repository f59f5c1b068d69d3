using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Storage;
using Vigie.Web.Infrastructure.Backup;

namespace Vigie.Tests.Resilience;

public sealed class BackupRestoreTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    /// <summary>Table → row count and a digest of every row's text (all columns).</summary>
    private static async Task<Dictionary<string, string>> TableDigestsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var digests = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var digest = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            digests[table] = (string)(await digest.ExecuteScalarAsync())!;
        }
        return digests;
    }

    private static async Task<Dictionary<string, string>> FileDigestsAsync(IDocumentStore store)
    {
        var digests = new Dictionary<string, string>();
        await foreach (var blob in store.ListAsync(default))
        {
            await using var stream = (await store.OpenReadAsync(blob.Hash, default))!;
            digests[blob.Hash.ToString()] = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream));
        }
        return digests;
    }

    [Fact]
    public async Task A_backup_of_a_seeded_and_edited_database_restores_with_nothing_lost()
    {
        // Edits on top of the seeds: an account, a case, and a stored file.
        await factory.CreateAsync("sauvegarde@example.org", Roles.Editor, "Personne sauvegardée");
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var bytes = "Compte rendu du conseil municipal : caméras."u8.ToArray();
        var local = Path.GetTempFileName();
        await File.WriteAllBytesAsync(local, bytes);
        await store.PutAsync(ContentHash.Of(bytes), local, default);
        await using (var db = factory.CreateDbContext())
        {
            var commune = db.Municipalities.Single(m => m.InseeCode == "35238");
            db.Cases.Add(new Case { Slug = "sauvegarde-rennes", Title = "Rennes : un dossier à sauvegarder", MunicipalityId = commune.Id, Status = CaseStatus.Draft, Body = "Texte « accentué »." });
            await db.SaveChangesAsync();
        }

        var folder = Path.Combine(Path.GetTempPath(), $"vigie-backup-{Guid.NewGuid():N}");
        var restoredStoreFolder = Path.Combine(Path.GetTempPath(), $"vigie-restored-store-{Guid.NewGuid():N}");
        var target = await TestDatabase.CreateEmptyDatabaseAsync("restauration");
        try
        {
            var manifest = await new BackupService(store).BackupAsync(factory.ConnectionString, folder, TextWriter.Null, default);
            Assert.True(manifest.Files >= 2);

            var restoredStore = new DiskDocumentStore(restoredStoreFolder);
            await new BackupService(restoredStore).RestoreAsync(target, folder, TextWriter.Null, default);

            Assert.Equal(await TableDigestsAsync(factory.ConnectionString), await TableDigestsAsync(target));
            Assert.Equal(await FileDigestsAsync(store), await FileDigestsAsync(restoredStore));

            // Restoring again into a database that is no longer empty is refused, loudly.
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BackupService(restoredStore).RestoreAsync(target, folder, TextWriter.Null, default));
            Assert.Contains("n'est pas vide", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await TestDatabase.DropDatabaseAsync(target);
            Directory.Delete(folder, recursive: true);
            if (Directory.Exists(restoredStoreFolder))
            {
                Directory.Delete(restoredStoreFolder, recursive: true);
            }
        }
    }
}
