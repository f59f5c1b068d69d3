using Vigie.Web.Features.Documents.Storage;

namespace Vigie.Tests.Features.Documents;

/// <summary>What every document store must do; one subclass per store runs the same tests.</summary>
public abstract class DocumentStoreContract : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"vigie-store-test-{Guid.NewGuid():N}");

    protected IDocumentStore Store { get; private set; } = null!;

    protected abstract Task<IDocumentStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        Store = await CreateStoreAsync();
    }

    public virtual Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(ContentHash Hash, string Path, byte[] Bytes)> LocalFileAsync(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var path = Path.Combine(_work, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path, bytes);
        return (ContentHash.Of(bytes), path, bytes);
    }

    private async Task<List<StoredBlob>> ListAsync()
    {
        var list = new List<StoredBlob>();
        await foreach (var blob in Store.ListAsync(default))
        {
            list.Add(blob);
        }
        return list;
    }

    [Fact]
    public async Task A_file_put_is_read_back_whole()
    {
        var (hash, path, bytes) = await LocalFileAsync($"contenu {Guid.NewGuid()} " + new string('é', 100_000));
        await Store.PutAsync(hash, path, default);
        Assert.True(await Store.ExistsAsync(hash, default));
        await using var stream = await Store.OpenReadAsync(hash, default);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task The_same_content_put_twice_is_stored_once()
    {
        var (hash, path, _) = await LocalFileAsync($"doublon {Guid.NewGuid()}");
        await Store.PutAsync(hash, path, default);
        await Store.PutAsync(hash, path, default);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Store.PutAsync(hash, path, default)));
        var listed = (await ListAsync()).Where(b => b.Hash == hash).ToList();
        var single = Assert.Single(listed);
        Assert.Equal(new FileInfo(path).Length, single.Length);
    }

    [Fact]
    public async Task A_missing_file_reads_as_null_and_exists_not()
    {
        var (hash, _, _) = await LocalFileAsync($"absent {Guid.NewGuid()}");
        Assert.Null(await Store.OpenReadAsync(hash, default));
        Assert.False(await Store.ExistsAsync(hash, default));
    }

    [Fact]
    public async Task A_deleted_file_is_gone_and_others_stay()
    {
        var (kept, keptPath, _) = await LocalFileAsync($"gardé {Guid.NewGuid()}");
        var (gone, gonePath, _) = await LocalFileAsync($"supprimé {Guid.NewGuid()}");
        await Store.PutAsync(kept, keptPath, default);
        await Store.PutAsync(gone, gonePath, default);
        await Store.DeleteAsync(gone, default);
        Assert.False(await Store.ExistsAsync(gone, default));
        Assert.True(await Store.ExistsAsync(kept, default));
        var hashes = (await ListAsync()).Select(b => b.Hash).ToList();
        Assert.Contains(kept, hashes);
        Assert.DoesNotContain(gone, hashes);
    }

    [Fact]
    public async Task Listing_gives_every_file_with_a_recent_date()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var files = new List<ContentHash>();
        for (var i = 0; i < 5; i++)
        {
            var (hash, path, _) = await LocalFileAsync($"liste {i} {Guid.NewGuid()}");
            await Store.PutAsync(hash, path, default);
            files.Add(hash);
        }
        var listed = await ListAsync();
        Assert.All(files, f => Assert.Contains(listed, b => b.Hash == f && b.LastModified > before));
    }

    [Fact]
    public async Task Removing_abandoned_writes_keeps_complete_files()
    {
        var (hash, path, _) = await LocalFileAsync($"complet {Guid.NewGuid()}");
        await Store.PutAsync(hash, path, default);
        await Store.RemoveAbandonedWritesAsync(DateTimeOffset.UtcNow.AddMinutes(1), default);
        Assert.True(await Store.ExistsAsync(hash, default));
    }
}

public sealed class DiskDocumentStoreTests : DocumentStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"vigie-disk-store-{Guid.NewGuid():N}");

    protected override Task<IDocumentStore> CreateStoreAsync() => Task.FromResult<IDocumentStore>(new DiskDocumentStore(_root));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_write_interrupted_by_a_crash_is_invisible_and_removed_later()
    {
        var store = new DiskDocumentStore(_root);
        var partial = Path.Combine(_root, ".tmp", "ecriture-interrompue");
        await File.WriteAllTextAsync(partial, "la moitié d'un fichier");
        File.SetLastWriteTimeUtc(partial, DateTime.UtcNow.AddHours(-2));
        await foreach (var blob in store.ListAsync(default))
        {
            Assert.NotEqual("ecriture-interrompue", blob.Hash.Value);
        }
        Assert.Equal(1, await store.RemoveAbandonedWritesAsync(DateTimeOffset.UtcNow.AddHours(-1), default));
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task Files_are_named_by_their_hash_only()
    {
        var store = new DiskDocumentStore(_root);
        var path = Path.Combine(_root, "source.txt");
        await File.WriteAllTextAsync(path, "nom");
        var hash = await ContentHash.OfFileAsync(path, default);
        await store.PutAsync(hash, path, default);
        Assert.True(File.Exists(Path.Combine(_root, "sha256", hash.Value[..2], hash.Value)));
        Assert.False(ContentHash.TryParse("../../etc/passwd", out _));
    }
}
