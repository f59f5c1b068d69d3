using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Editing.Revisions;

/// <summary>A revision as the history and conflict pages show it, with its author's team name.</summary>
public sealed record RevisionEntry(int Number, DateTimeOffset At, string Author, RevisionKind Kind, string Summary, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// What someone else saved since a form was loaded: the form is refused (409) and shows these changes next
/// to the person's own input, which stays in the form with the current version token.
/// </summary>
public sealed record Conflict(string Message, IReadOnlyList<RevisionEntry> Revisions);

public static class RevisionLog
{
    public const string NoAuthor = "import initial";

    public static async Task<int> LastNumberAsync(VigieDbContext db, int caseId, CancellationToken cancellationToken) =>
        await db.Revisions.Where(r => r.CaseId == caseId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;

    /// <summary>Revisions of a case after a given number, oldest first.</summary>
    public static Task<List<RevisionEntry>> SinceAsync(VigieDbContext db, int caseId, int afterNumber, CancellationToken cancellationToken) =>
        Entries(db.Revisions.Where(r => r.CaseId == caseId && r.Number > afterNumber).OrderBy(r => r.Number)).ToListAsync(cancellationToken);

    public static IQueryable<RevisionEntry> Entries(IQueryable<Revision> revisions) => revisions
        .Select(r => new RevisionEntry(r.Number, r.At, r.Author == null ? NoAuthor : r.Author.DisplayName, r.Kind, r.Summary, r.Changes));

    /// <summary>The changes since <paramref name="afterNumber"/> that match, in revisions that have any; null when there are none.</summary>
    public static async Task<Conflict?> ConflictAsync(VigieDbContext db, int caseId, int afterNumber, Func<FieldChange, bool> relevant,
        string message, CancellationToken cancellationToken)
    {
        var since = await SinceAsync(db, caseId, afterNumber, cancellationToken);
        var entries = since
            .Select(r => r with { Changes = [.. r.Changes.Where(relevant)] })
            .Where(r => r.Changes.Count > 0)
            .ToList();
        return entries.Count == 0 ? null : new Conflict(message, entries);
    }
}
