using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Editing.Revisions;

/// <summary>
/// Every write to a case goes through here: one transaction that locks the case row (so changes to a
/// case, and its revision numbers, happen one after the other), snapshots the case before the change,
/// saves it, snapshots it again and records the difference as a <see cref="Revision"/> before committing.
/// </summary>
public sealed class CaseChanges(VigieDbContext db, TimeProvider clock)
{
    /// <summary>Creates a case and its first revision.</summary>
    public async Task<Revision> CreateAsync(Case entity, int userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        entity.CreatedAt = entity.UpdatedAt = clock.GetUtcNow();
        entity.CreatedById = userId;
        db.Cases.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        var after = await CaseSnapshots.CaptureAsync(db, entity.Id, cancellationToken);
        var revision = NewRevision(entity.Id, 1, userId, RevisionKind.Created, "Dossier créé", SnapshotDiff.Compare(null, after), after);
        db.Revisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revision;
    }

    /// <summary>Opens a change on a case: null when the case does not exist. Dispose it to give up (rollback).</summary>
    public async Task<CaseChange?> BeginAsync(int caseId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<int>($"SELECT id AS \"Value\" FROM cases WHERE id = {caseId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            await transaction.DisposeAsync();
            return null;
        }
        var entity = await db.Cases
            .Include(c => c.Technologies)
            .Include(c => c.Vendors)
            .Include(c => c.Sources)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == caseId, cancellationToken);
        var before = await CaseSnapshots.CaptureAsync(db, caseId, cancellationToken);
        var last = await db.Revisions.Where(r => r.CaseId == caseId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        return new CaseChange(this, transaction, entity, before, last);
    }

    internal async Task<Revision?> CommitAsync(CaseChange change, int userId, RevisionKind kind, string summary, CancellationToken cancellationToken)
    {
        // Always save and compare snapshots (a restore saves in steps); when nothing differs, the
        // transaction is not committed and disposing the change rolls it back, UpdatedAt included.
        change.Case.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var after = await CaseSnapshots.CaptureAsync(db, change.Case.Id, cancellationToken);
        var changes = SnapshotDiff.Compare(change.Before, after);
        if (changes.Count == 0)
        {
            return null;
        }
        var number = change.LastRevisionNumber;
        if (number == 0)
        {
            // A case imported from seeds has no history yet: keep its original state restorable.
            db.Revisions.Add(NewRevision(change.Case.Id, ++number, null, RevisionKind.Baseline,
                "État du dossier avant sa première modification dans Vigie", [], change.Before));
        }
        var revision = NewRevision(change.Case.Id, number + 1, userId, kind, summary, changes, after);
        db.Revisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        await change.Transaction.CommitAsync(cancellationToken);
        return revision;
    }

    private Revision NewRevision(int caseId, int number, int? userId, RevisionKind kind, string summary, List<FieldChange> changes, CaseSnapshot snapshot) => new()
    {
        CaseId = caseId,
        Number = number,
        At = clock.GetUtcNow(),
        AuthorId = userId,
        Kind = kind,
        Summary = summary.Length <= 500 ? summary : summary[..499] + "…",
        Changes = changes,
        Snapshot = snapshot,
    };
}

/// <summary>An open change on one locked case. Nothing is written until <see cref="CommitAsync"/>.</summary>
public sealed class CaseChange(CaseChanges owner, IDbContextTransaction transaction, Case entity, CaseSnapshot before, int lastRevisionNumber)
    : IAsyncDisposable
{
    /// <summary>The case, tracked, with its technologies, vendors and sources.</summary>
    public Case Case { get; } = entity;

    public CaseSnapshot Before { get; } = before;

    public int LastRevisionNumber { get; } = lastRevisionNumber;

    internal IDbContextTransaction Transaction { get; } = transaction;

    /// <summary>Saves and records the change; null when nothing actually changed (nothing is written then).</summary>
    public Task<Revision?> CommitAsync(int userId, RevisionKind kind, string summary, CancellationToken cancellationToken) =>
        owner.CommitAsync(this, userId, kind, summary, cancellationToken);

    public ValueTask DisposeAsync() => Transaction.DisposeAsync();
}
