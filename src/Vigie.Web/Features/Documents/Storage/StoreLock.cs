using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Documents.Storage;

/// <summary>
/// A PostgreSQL advisory lock that orders writes to the store against the orphan cleanup, across app instances.
/// Whoever puts a file and then commits the rows that reference it holds it shared for that transaction; the
/// cleanup holds it exclusively while it decides what is an orphan and deletes it. So the cleanup never deletes a
/// file that a transaction still in progress is about to reference.
/// </summary>
public static class StoreLock
{
    private const long Key = 0x5649_4749_4544_4F43; // "VIGIEDOC"

    /// <summary>Inside a transaction: held until it commits or rolls back.</summary>
    public static Task ShareAsync(VigieDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({Key})", cancellationToken);

    public static Task ExclusiveAsync(VigieDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", cancellationToken);
}
