using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Processing;
using Vigie.Web.Features.Documents.Storage;

namespace Vigie.Web.Features.Documents.Upload;

/// <summary>A file ready to be attached: just received (a temporary file) or kept from a form shown again (a hold).</summary>
public sealed record PendingFile(ContentHash Hash, FileFormat Format, long Length, string FileName, string? TemporaryPath, Guid? HoldId);

public sealed record NewDocument(
    string Title,
    DocumentKind Kind,
    DateOnly? Date,
    DateOnly? ReceivedOn,
    bool IsPublic,
    string? Description,
    bool IsRedacted,
    string? RedactionNote,
    string? RedactionGround,
    PendingFile File);

public sealed record UploadTarget(int? CaseId, int? CadaRequestId, int? RequestEventId);

/// <summary>
/// Stores the files of one form and records their documents as one unit: the files are put into the store, then
/// every row (files, documents, processing jobs) is committed in one transaction. A failure anywhere leaves no
/// document; a file already put stays unreferenced and the cleanup removes it.
/// </summary>
public sealed class DocumentUploader(VigieDbContext db, IDocumentStore store, ProcessingSignal signal, TimeProvider clock)
{
    public async Task<IReadOnlyList<Document>> CommitAsync(UploadTarget target, IReadOnlyList<NewDocument> documents, int userId,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreLock.ShareAsync(db, cancellationToken);
        var fileIds = new Dictionary<ContentHash, int>();
        foreach (var file in documents.Select(d => d.File).DistinctBy(f => f.Hash))
        {
            if (file.TemporaryPath is not null)
            {
                await store.PutAsync(file.Hash, file.TemporaryPath, cancellationToken);
            }
            fileIds[file.Hash] = await EnsureStoredFileAsync(file, now, cancellationToken);
        }
        var holds = documents.Select(d => d.File.HoldId).OfType<Guid>().ToList();
        if (holds.Count > 0)
        {
            await db.UploadHolds.Where(h => holds.Contains(h.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        var added = documents.Select(d => new Document
        {
            Title = d.Title,
            Kind = d.Kind,
            Date = d.Date,
            ReceivedOn = d.ReceivedOn,
            IsPublic = d.IsPublic,
            Description = d.Description,
            IsRedacted = d.IsRedacted,
            RedactionNote = d.IsRedacted ? d.RedactionNote : null,
            RedactionGround = d.IsRedacted ? d.RedactionGround : null,
            CaseId = target.CaseId,
            CadaRequestId = target.CadaRequestId,
            RequestEventId = target.RequestEventId,
            FileId = fileIds[d.File.Hash],
            FileName = d.File.FileName,
            UploadedById = userId,
            UploadedAt = now,
        }).ToList();
        db.Documents.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return added;
    }

    /// <summary>The stored file's row, created with its processing job unless that content is already known.</summary>
    private async Task<int> EnsureStoredFileAsync(PendingFile file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var created = await db.Database.SqlQuery<int>($"""
            INSERT INTO stored_files (sha256, length, format, created_at, status)
            VALUES ({file.Hash.Value}, {file.Length}, {file.Format.ToString()}, {now}, {nameof(ProcessingStatus.Pending)})
            ON CONFLICT (sha256) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (created.Count == 0)
        {
            return await db.StoredFiles.Where(f => f.Sha256 == file.Hash.Value).Select(f => f.Id).SingleAsync(cancellationToken);
        }
        db.ProcessingJobs.Add(new ProcessingJob { FileId = created[0], CreatedAt = now, RunAfter = now });
        return created[0];
    }

    /// <summary>Keeps the files of a form that has to be shown again, so they need not be chosen again.</summary>
    public async Task<IReadOnlyList<UploadHold>> HoldAsync(IReadOnlyList<PendingFile> files, int userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreLock.ShareAsync(db, cancellationToken);
        var holds = new List<UploadHold>();
        foreach (var file in files.Where(f => f.TemporaryPath is not null))
        {
            await store.PutAsync(file.Hash, file.TemporaryPath!, cancellationToken);
            var hold = new UploadHold { Id = Guid.NewGuid(), UserId = userId, Sha256 = file.Hash.Value, FileName = file.FileName, Format = file.Format, Length = file.Length, CreatedAt = now };
            db.UploadHolds.Add(hold);
            holds.Add(hold);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return holds;
    }
}
