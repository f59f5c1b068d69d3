using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.PublicBodies;

/// <summary>Finding a body by part of its name, a commune's INSEE code or postal code.</summary>
public static class PublicBodySearch
{
    public static IQueryable<PublicBody> Matching(this IQueryable<PublicBody> bodies, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return bodies;
        }
        var text = query.Trim();
        var slug = Slugs.From(text);
        return bodies.Where(b => (slug.Length > 0 && b.Slug.Contains(slug))
            || (b.Municipality != null && (b.Municipality.InseeCode == text || b.Municipality.PostalCodes.Contains(text))));
    }

    /// <summary>Communes first, then by how closely the name matches, then alphabetically.</summary>
    public static async Task<List<PublicBody>> FindAsync(VigieDbContext db, string? query, PublicBodyKind? kind, string? department, int take,
        CancellationToken cancellationToken)
    {
        var bodies = db.PublicBodies.AsNoTracking().Include(b => b.Municipality).Matching(query);
        if (kind is { } k)
        {
            bodies = bodies.Where(b => b.Kind == k);
        }
        if (!string.IsNullOrWhiteSpace(department))
        {
            bodies = bodies.Where(b => b.DepartmentCode == department);
        }
        var slug = Slugs.From(query ?? "");
        return await bodies
            .OrderByDescending(b => slug.Length > 0 && b.Slug.EndsWith("-" + slug))
            .ThenBy(b => b.Kind == PublicBodyKind.Commune ? 0 : 1)
            .ThenBy(b => b.Name).ThenBy(b => b.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }
}
