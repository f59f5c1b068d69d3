using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure;

/// <summary>
/// Evicts the cached anonymous pages that show what a save changed, and only those: the page of an edited case, the
/// page of its commune, the pages listing a request whose events changed, and the aggregate pages (lists, search,
/// home, feeds, API, open data). Works from the change tracker, so every EF write is covered wherever it is made;
/// writes in raw SQL call <see cref="PublicCache.EvictAsync"/> themselves. Inside a transaction the eviction waits for
/// the commit: evicting earlier would let a concurrent reader cache the old rows again.
/// </summary>
public sealed class PublicCacheInvalidation(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    /// <summary>The tags a context's saves have collected, and the new cases and requests, whose keys exist only once saved.</summary>
    private sealed class Pending
    {
        public HashSet<string> Tags { get; } = [];
        public List<object> Added { get; } = [];
    }

    /// <summary>Types that no cached page shows: a change to them evicts nothing.</summary>
    private static readonly HashSet<Type> Private =
    [
        typeof(User), typeof(Invitation), typeof(ExportJob), typeof(AuditEntry), typeof(Revision), typeof(CadaRequestEventRevision),
        typeof(ReminderDigest), typeof(UploadHold), typeof(ProcessingJob), typeof(CampaignJob), typeof(UserSession), typeof(SignInThrottle),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    ];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            // New rows have their keys only now.
            AddNewKeys(context);
            if (context.Database.CurrentTransaction is null)
            {
                await FlushAsync(context, cancellationToken);
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            AddNewKeys(context);
            if (context.Database.CurrentTransaction is null)
            {
                FlushAsync(context, default).AsTask().GetAwaiter().GetResult();
            }
        }
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await FlushAsync(context, cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            FlushAsync(context, default).AsTask().GetAwaiter().GetResult();
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    private void Discard(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private async ValueTask FlushAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        _pending.Remove(context);
        var tags = pending.Tags;
        foreach (var tag in tags.Contains(PublicCache.Everything) ? [PublicCache.Everything] : tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        Pending? pending = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached || Private.Contains(entry.Metadata.ClrType)
                || entry.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true)
            {
                continue;
            }
            pending ??= _pending.GetValue(context, _ => new Pending());
            TagsOf(entry, pending.Tags);
            if (entry.State == EntityState.Added && entry.Entity is Case or CadaRequest)
            {
                pending.Added.Add(entry.Entity);
            }
        }
    }

    private void AddNewKeys(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        foreach (var added in pending.Added)
        {
            pending.Tags.Add(added is Case c ? PublicCache.Case(c.Id) : PublicCache.Request(((CadaRequest)added).Id));
        }
        pending.Added.Clear();
    }

    private static void TagsOf(EntityEntry entry, HashSet<string> tags)
    {
        switch (entry.Entity)
        {
            case Case c:
                tags.Add(PublicCache.Lists);
                if (entry.State != EntityState.Added)
                {
                    tags.Add(PublicCache.Case(c.Id));
                }
                AddValues(entry, nameof(Case.MunicipalityId), PublicCache.Commune, tags);
                return;
            case CadaRequest r:
                tags.Add(PublicCache.Lists);
                if (entry.State != EntityState.Added)
                {
                    tags.Add(PublicCache.Request(r.Id));
                }
                AddValues(entry, nameof(CadaRequest.PublicBodyId), PublicCache.Body, tags);
                AddValues(entry, nameof(CadaRequest.CaseId), PublicCache.Case, tags);
                return;
            case Municipality m:
                tags.Add(PublicCache.Lists);
                tags.Add(PublicCache.Commune(m.Id));
                return;
            case EventDocumentOutcome outcome:
                tags.Add(PublicCache.Lists);
                var requestId = entry.Context.ChangeTracker.Entries<CadaRequestEvent>().FirstOrDefault(e => e.Entity.Id == outcome.EventId)?.Entity.CadaRequestId;
                tags.Add(requestId is { } id ? PublicCache.Request(id) : PublicCache.Everything);
                return;
        }
        var parts = 0;
        parts += AddValues(entry, "CaseId", PublicCache.Case, tags);
        parts += AddValues(entry, "CadaRequestId", PublicCache.Request, tags);
        if (parts > 0 || entry.Metadata.ClrType.Namespace == typeof(Campaign).Namespace && entry.Metadata.ClrType.Name.StartsWith(nameof(Campaign), StringComparison.Ordinal)
            || entry.Entity is StoredFile or FilePage)
        {
            tags.Add(PublicCache.Lists);
            return;
        }
        // Vendors, technologies, public bodies, departments…: shown on many pages, rarely changed.
        tags.Add(PublicCache.Everything);
    }

    /// <summary>Adds the tag of the property's current and original values; returns how many properties named so exist.</summary>
    private static int AddValues(EntityEntry entry, string property, Func<int, string> tag, HashSet<string> tags)
    {
        if (entry.Metadata.FindProperty(property) is null)
        {
            return 0;
        }
        var value = entry.Property(property);
        foreach (var v in new[] { value.CurrentValue, entry.State == EntityState.Added ? null : value.OriginalValue })
        {
            if (v is int id && id > 0)
            {
                tags.Add(tag(id));
            }
        }
        return 1;
    }
}

/// <summary>The output-cache tags of anonymous pages, and eviction for writes made outside EF's change tracker.</summary>
public sealed class PublicCache(IOutputCacheStore store)
{
    /// <summary>On every cached page.</summary>
    public const string Everything = CachePolicies.Public;
    /// <summary>On every page that aggregates many cases, communes or requests (home, lists, search, feeds, API, open data).</summary>
    public const string Lists = "lists";

    public static string Case(int id) => $"case:{id}";
    public static string Commune(int municipalityId) => $"commune:{municipalityId}";
    public static string Body(int publicBodyId) => $"body:{publicBodyId}";
    public static string Request(int id) => $"request:{id}";

    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags.Distinct())
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }

    /// <summary>Tags the response being cached (a case or commune page) with what it shows.</summary>
    public static void Tag(HttpContext context, IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }
}
