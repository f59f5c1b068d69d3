namespace Vigie.Web.Features.Documents.Storage;

/// <summary>
/// Where files live, by the SHA-256 of their content. A file is visible only once completely written, writing the
/// same content twice keeps one copy, and nothing a user typed is ever part of a key.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores a complete local file under its hash; when the store already has it, does nothing.</summary>
    Task PutAsync(ContentHash hash, string localFile, CancellationToken cancellationToken);

    /// <summary>The file's content, or null when the store does not have it.</summary>
    Task<Stream?> OpenReadAsync(ContentHash hash, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(ContentHash hash, CancellationToken cancellationToken);

    Task DeleteAsync(ContentHash hash, CancellationToken cancellationToken);

    /// <summary>Every file of the store, with when it was last written.</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes partial writes left by a crash, older than <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> RemoveAbandonedWritesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}

public sealed record StoredBlob(ContentHash Hash, DateTimeOffset LastModified, long Length);
