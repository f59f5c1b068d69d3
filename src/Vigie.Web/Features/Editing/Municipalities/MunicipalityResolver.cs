using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Editing.Municipalities;

public sealed record MunicipalityOption(int Id, string InseeCode, string Name, string DepartmentCode, int? Population)
{
    /// <summary>"Saint-Denis (93)": how a commune is told apart from its namesakes.</summary>
    public string Label => $"{Name} ({DepartmentCode})";

    /// <summary>What the text field shows once the commune is known; <see cref="MunicipalityResolver"/> reads it back.</summary>
    public string FieldValue => $"{Name} ({InseeCode})";
}

/// <summary>Namesake communes offered as radio buttons under a commune field.</summary>
public sealed record CandidateChoice(IReadOnlyList<MunicipalityOption> Candidates, string FieldName, string? Chosen);

public enum MunicipalityMatch
{
    Empty,
    Found,
    Ambiguous,
    NotFound,
}

public sealed record MunicipalityResolution(MunicipalityMatch Match, MunicipalityOption? Municipality, IReadOnlyList<MunicipalityOption> Candidates);

/// <summary>
/// Finds a commune from what someone typed, without JavaScript: an INSEE code ("93066"), a name with its
/// code or department ("Saint-Denis (93066)", "Saint-Denis (93)", "Saint-Denis 974"), or a name alone, compared
/// on slugs so accents and case do not matter. Several communes with that name: the caller shows them as
/// choices, and the choice comes back as <c>chosenCode</c>.
/// </summary>
public sealed partial class MunicipalityResolver(VigieDbContext db)
{
    public const int MaxCandidates = 30;

    public async Task<MunicipalityResolution> ResolveAsync(string? text, string? chosenCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(MunicipalityMatch.Empty, null, []);
        }
        text = text.Trim();
        var code = InseeCode().Match(text);
        if (code.Success)
        {
            var byCode = await Options(db.Municipalities.Where(m => m.InseeCode == code.Groups["code"].Value.ToUpperInvariant()))
                .FirstOrDefaultAsync(cancellationToken);
            if (byCode is not null)
            {
                return new(MunicipalityMatch.Found, byCode, []);
            }
        }
        var named = NameWithDepartment().Match(text);
        var name = named.Success ? named.Groups["name"].Value : text;
        var department = named.Success ? named.Groups["dep"].Value.ToUpperInvariant() : null;
        var slug = Slugs.From(name);
        if (slug.Length == 0)
        {
            return new(MunicipalityMatch.NotFound, null, []);
        }
        var exact = db.Municipalities.Where(m => m.Slug == slug);
        if (department is not null)
        {
            exact = exact.Where(m => m.DepartmentCode == department);
        }
        var candidates = await Options(exact.OrderBy(m => m.DepartmentCode)).Take(MaxCandidates).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            var near = db.Municipalities.Where(m => m.Slug.StartsWith(slug) || m.Slug.Contains("-" + slug));
            if (department is not null)
            {
                near = near.Where(m => m.DepartmentCode == department);
            }
            candidates = await Options(near.OrderByDescending(m => m.Population).ThenBy(m => m.Name)).Take(MaxCandidates).ToListAsync(cancellationToken);
        }
        if (candidates.Count == 0)
        {
            // A typo ("Elancour", "Élancourrt"): the closest names by trigrams, offered as choices, never taken silently.
            candidates = await CloseNamesAsync(name, department, cancellationToken);
            var picked = candidates.FirstOrDefault(c => string.Equals(c.InseeCode, chosenCode?.Trim(), StringComparison.OrdinalIgnoreCase));
            return picked is not null ? new(MunicipalityMatch.Found, picked, [])
                : candidates.Count == 0 ? new(MunicipalityMatch.NotFound, null, []) : new(MunicipalityMatch.Ambiguous, null, candidates);
        }
        var chosen = candidates.FirstOrDefault(c => string.Equals(c.InseeCode, chosenCode?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
        {
            return new(MunicipalityMatch.Found, chosen, []);
        }
        return candidates.Count switch
        {
            0 => new(MunicipalityMatch.NotFound, null, []),
            1 when Slugs.From(candidates[0].Name) == slug => new(MunicipalityMatch.Found, candidates[0], []),
            _ => new(MunicipalityMatch.Ambiguous, null, candidates),
        };
    }

    /// <summary>Communes matching a search, for the look-up page.</summary>
    public Task<List<MunicipalityOption>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        query = query.Trim();
        var slug = Slugs.From(query);
        var upper = query.ToUpperInvariant();
        return Options(db.Municipalities
                .Where(m => m.InseeCode == upper || m.PostalCodes.Contains(query)
                    || (slug.Length > 0 && (m.Slug.StartsWith(slug) || m.Slug.Contains("-" + slug))))
                .OrderByDescending(m => m.Slug == slug).ThenByDescending(m => m.Population).ThenBy(m => m.Name))
            .Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Communes whose name is close to <paramref name="name"/> (pg_trgm on the folded name, GIN-indexed).</summary>
    public Task<List<MunicipalityOption>> CloseNamesAsync(string name, string? department, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<MunicipalityOption>($"""
            SELECT m.id, m.insee_code, m.name, m.department_code, m.population
            FROM municipalities m
            WHERE public.vigie_fold(m.name) OPERATOR(public.%) public.vigie_fold({name})
              AND ({department}::text IS NULL OR m.department_code = {department})
            ORDER BY public.similarity(public.vigie_fold(m.name), public.vigie_fold({name})) DESC, m.population DESC NULLS LAST
            LIMIT 8
            """).ToListAsync(cancellationToken);

    public Task<MunicipalityOption?> FindAsync(int id, CancellationToken cancellationToken) =>
        Options(db.Municipalities.Where(m => m.Id == id)).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<MunicipalityOption> Options(IQueryable<Municipality> query) =>
        query.Select(m => new MunicipalityOption(m.Id, m.InseeCode, m.Name, m.DepartmentCode, m.Population));

    /// <summary>A code alone, or at the end in brackets: "78208", "Élancourt (78208)".</summary>
    [GeneratedRegex(@"^(?:.*\()?(?<code>[0-9][0-9AaBb][0-9]{3})\)?$")]
    private static partial Regex InseeCode();

    /// <summary>"Saint-Denis (93)", "Saint-Denis 974", "Saint-Denis (2A)".</summary>
    [GeneratedRegex(@"^(?<name>.+?)\s*[\(\s](?<dep>[0-9]{2,3}|2[AaBb])\)?$")]
    private static partial Regex NameWithDepartment();
}
