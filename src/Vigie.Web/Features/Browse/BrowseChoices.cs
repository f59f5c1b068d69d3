using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Browse;

public sealed record Choice(string Value, string Label);

/// <summary>What the filter forms offer.</summary>
public sealed record BrowseChoices(IReadOnlyList<Choice> Departments, IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Technologies,
    IReadOnlyList<Choice> Vendors, IReadOnlyList<Choice> States, IReadOnlyList<int> Years)
{
    public static async Task<BrowseChoices> LoadAsync(VigieDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.Contracts.Public().Where(k => k.SignedOn != null)
            .Select(k => k.SignedOn!.Value.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        return new BrowseChoices(
            await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new Choice(d.Code, d.Code + " — " + d.Name)).ToListAsync(cancellationToken),
            await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new Choice(r.Code, r.Name)).ToListAsync(cancellationToken),
            await db.Technologies.AsNoTracking().OrderBy(t => t.Position).Select(t => new Choice(t.Slug, t.Name)).ToListAsync(cancellationToken),
            await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Select(v => new Choice(v.Slug, v.Name)).ToListAsync(cancellationToken),
            RequestStateIds.Filterable.Select(s => new Choice(RequestStateIds.Of(s), s.Label())).ToList(),
            years);
    }
}

/// <summary>The filter form's model: where it goes and what it keeps.</summary>
public sealed record FilterForm(PublicFilter Filter, BrowseChoices Choices, string Action, IReadOnlyDictionary<string, string>? Keep = null);

public static class BrowseLinks
{
    /// <summary>The path with the filters (and extra pairs) as query string.</summary>
    public static string With(string path, PublicFilter filter, params (string Key, string? Value)[] extra) =>
        QueryHelpers.AddQueryString(path, filter.Pairs().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))
            .Concat(extra.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))));
}

public sealed record PagerModel(int Page, int Count, Func<int, string> Link);
