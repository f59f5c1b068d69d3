using System.Runtime.CompilerServices;

namespace Vigie.Web.Features.Documents.Storage;

/// <summary>
/// Files under <c>sha256/ab/abcdef…</c> in one folder. A write goes to <c>.tmp/</c> first, is flushed to disk, then
/// renamed into place: a reader sees the whole file or nothing, and a crash leaves only a temporary file.
/// </summary>
public sealed class DiskDocumentStore : IDocumentStore
{
    private readonly string _root;
    private readonly string _temporary;

    public DiskDocumentStore(string root)
    {
        _root = Path.GetFullPath(root);
        _temporary = Path.Combine(_root, ".tmp");
        Directory.CreateDirectory(_temporary);
    }

    public string Root => _root;

    private string PathOf(ContentHash hash) => Path.Combine(_root, "sha256", hash.Value[..2], hash.Value);

    public async Task PutAsync(ContentHash hash, string localFile, CancellationToken cancellationToken)
    {
        var target = PathOf(hash);
        if (File.Exists(target))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(_temporary, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var source = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            await using (var destination = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await source.CopyToAsync(destination, cancellationToken);
                destination.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another upload of the same content won the race: same bytes, keep theirs.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(ContentHash hash, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = new FileStream(PathOf(hash), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(ContentHash hash, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(hash)));

    public Task DeleteAsync(ContentHash hash, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(hash));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folder = new DirectoryInfo(Path.Combine(_root, "sha256"));
        if (!folder.Exists)
        {
            yield break;
        }
        foreach (var file in folder.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ContentHash.TryParse(file.Name, out var hash))
            {
                yield return new StoredBlob(hash, file.LastWriteTimeUtc, file.Length);
            }
        }
        await Task.CompletedTask;
    }

    public Task<int> RemoveAbandonedWritesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var file in new DirectoryInfo(_temporary).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < olderThan.UtcDateTime)
            {
                file.Delete();
                removed++;
            }
        }
        return Task.FromResult(removed);
    }
}
