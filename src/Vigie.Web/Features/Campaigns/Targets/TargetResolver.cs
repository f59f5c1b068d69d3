using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Campaigns.Targets;

/// <summary>Checks a <see cref="TargetFilter"/> against the reference data; errors are French and name what was wrong.</summary>
public sealed partial class TargetResolver(VigieDbContext db)
{
    public const int MaxCsvBytes = 1024 * 1024;

    private static readonly string[] CodeColumns = ["code_insee", "codeinsee", "insee", "code_commune", "codgeo", "com", "code"];

    /// <summary>The filter resolved, or null with the errors added to <paramref name="errors"/> (field name → message).</summary>
    public async Task<ResolvedFilter?> ResolveAsync(TargetFilter filter, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (filter.IsEmpty)
        {
            errors[""] = "Choisissez au moins un critère : un département, une région, une tranche de population, une intercommunalité ou des codes INSEE.";
            return null;
        }
        var department = Clean(filter.Departement)?.ToUpperInvariant();
        if (department is not null && !await db.Departments.AnyAsync(d => d.Code == department, cancellationToken))
        {
            errors[nameof(filter.Departement)] = $"Département inconnu : « {department} ».";
        }
        var region = Clean(filter.Region);
        if (region is not null && !await db.Regions.AnyAsync(r => r.Code == region, cancellationToken))
        {
            errors[nameof(filter.Region)] = $"Région inconnue : « {region} ».";
        }
        var min = Population(filter.PopulationMin, nameof(filter.PopulationMin), errors);
        var max = Population(filter.PopulationMax, nameof(filter.PopulationMax), errors);
        if (min is not null && max is not null && min > max)
        {
            errors[nameof(filter.PopulationMax)] = "Le maximum est inférieur au minimum.";
        }
        var communeOnly = filter.Kind != PublicBodyKind.Commune;
        if (communeOnly && (min is not null || max is not null || Clean(filter.Intercommunalite) is not null || Clean(filter.Codes) is not null))
        {
            errors[nameof(filter.Kind)] = "Population, intercommunalité et codes INSEE ne s'appliquent qu'aux communes : choisissez « Commune » ou videz ces critères.";
        }
        var siren = await IntercommunalityAsync(filter.Intercommunalite, errors, cancellationToken);
        IReadOnlyList<string>? codes = null;
        if (Clean(filter.Codes) is { } text)
        {
            codes = await CodesAsync(text, errors, cancellationToken);
        }
        return errors.Count > 0 ? null : new ResolvedFilter(filter.Kind, department, region, min, max, siren, codes);
    }

    private static int? Population(string? text, string field, IDictionary<string, string> errors)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }
        var digits = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors[field] = $"Nombre d'habitants non reconnu : « {value} ». Écrivez un nombre entier, par exemple 10000 ou 10 000.";
        return null;
    }

    private async Task<string?> IntercommunalityAsync(string? text, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }
        var compact = value.Replace(" ", "", StringComparison.Ordinal);
        if (Siren().IsMatch(compact))
        {
            if (await db.Intercommunalities.AnyAsync(i => i.Siren == compact, cancellationToken))
            {
                return compact;
            }
            errors[nameof(TargetFilter.Intercommunalite)] = $"Aucune intercommunalité n'a le SIREN {compact}.";
            return null;
        }
        // Names are written "CA de Saint Quentin en Yvelines" as well as "Saint-Quentin-en-Yvelines": compare them folded.
        var folded = Fold(value);
        var matches = await db.Intercommunalities.AsNoTracking()
            .Where(i => EF.Functions.Unaccent(i.Name).ToLower().Replace("-", " ").Replace("'", " ").Replace("’", " ").Contains(folded))
            .OrderBy(i => i.Name).Take(6).ToListAsync(cancellationToken);
        var exact = matches.Where(i => Fold(i.Name) == folded).ToList();
        if (exact.Count == 1)
        {
            return exact[0].Siren;
        }
        switch (matches.Count)
        {
            case 1:
                return matches[0].Siren;
            case 0:
                errors[nameof(TargetFilter.Intercommunalite)] = $"Aucune intercommunalité ne correspond à « {value} ».";
                return null;
            default:
                errors[nameof(TargetFilter.Intercommunalite)] = "Plusieurs intercommunalités correspondent : "
                    + string.Join(" ; ", matches.Take(5).Select(i => $"{i.Name} (SIREN {i.Siren})")) + (matches.Count > 5 ? "…" : "")
                    + ". Précisez le nom ou indiquez le SIREN.";
                return null;
        }
    }

    /// <summary>The distinct codes of the text, in order; malformed and unknown codes are listed in the error.</summary>
    public async Task<IReadOnlyList<string>?> CodesAsync(string text, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var tokens = Separators().Split(text).Select(t => t.Trim().Trim('"', '\'').ToUpperInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        var malformed = tokens.Where(t => !InseeCode().IsMatch(t)).ToList();
        var wellFormed = tokens.Where(t => InseeCode().IsMatch(t)).ToList();
        var known = (await db.Municipalities.Where(m => wellFormed.Contains(m.InseeCode)).Select(m => m.InseeCode).ToListAsync(cancellationToken)).ToHashSet();
        var unknown = wellFormed.Where(c => !known.Contains(c)).ToList();
        var problems = new List<string>();
        if (malformed.Count > 0)
        {
            problems.Add($"{(malformed.Count == 1 ? "Code mal formé" : $"{malformed.Count} codes mal formés")} : {List(malformed)} "
                + "(un code INSEE a cinq caractères, par exemple 78208, ou 2A004 en Corse).");
        }
        if (unknown.Count > 0)
        {
            problems.Add($"{(unknown.Count == 1 ? "Code INSEE inconnu" : $"{unknown.Count} codes INSEE inconnus")} : {List(unknown)} "
                + "(aucune commune actuelle n'a ce code ; les communes fusionnées ont pris le code de la commune nouvelle).");
        }
        if (wellFormed.Count == 0 && malformed.Count == 0)
        {
            problems.Add("Aucun code INSEE trouvé dans la liste.");
        }
        if (problems.Count > 0)
        {
            errors[nameof(TargetFilter.Codes)] = string.Join(" ", problems);
            return null;
        }
        return wellFormed;
    }

    /// <summary>
    /// The INSEE codes of an uploaded CSV file, one line per code: the column named code_insee (or insee, codgeo, code…),
    /// else the first column when the file has no header. Any separator among , ; tab and |.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Codes, string? Error)> ReadCsvAsync(Stream stream, CancellationToken cancellationToken)
    {
        var options = new CsvReaderOptions { HasHeader = false, MaxRecordSize = MaxCsvBytes };
        var codes = new List<string>();
        int? column = null;
        var first = true;
        try
        {
            await using var reader = CsvReader.Create(stream, options, leaveOpen: true);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (first)
                {
                    first = false;
                    var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToList();
                    var named = fields.FindIndex(f => CodeColumns.Contains(Normalise(f)));
                    if (named >= 0)
                    {
                        column = named;
                        continue;
                    }
                    if (fields.Count > 0 && InseeCode().IsMatch(fields[0].ToUpperInvariant()))
                    {
                        column = 0;
                    }
                    else
                    {
                        return ([], "Colonne des codes INSEE introuvable : nommez-la « code_insee » sur la première ligne, ou mettez les codes dans la première colonne.");
                    }
                }
                var value = column < reader.FieldCount ? reader.GetString(column.Value).Trim() : "";
                if (value.Length > 0)
                {
                    codes.Add(value);
                }
            }
        }
        catch (CsvFormatException)
        {
            return ([], "Fichier CSV illisible : vérifiez qu'il s'agit bien d'un fichier texte CSV (UTF-8).");
        }
        return codes.Count == 0 ? ([], "Le fichier ne contient aucun code INSEE.") : (codes, null);
    }

    private static string Fold(string text) => Infrastructure.Text.Slugs.From(text).Replace('-', ' ');

    private static string Normalise(string header) =>
        Infrastructure.Text.Slugs.From(header).Replace('-', '_');

    private static string List(IReadOnlyList<string> codes) =>
        string.Join(", ", codes.Take(20).Select(c => c.Length > 20 ? c[..20] + "…" : c)) + (codes.Count > 20 ? $" et {Fr.Number(codes.Count - 20)} autres" : "");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^(\d{5}|2[AB]\d{3})$")]
    private static partial Regex InseeCode();

    [GeneratedRegex(@"^\d{9}$")]
    private static partial Regex Siren();

    [GeneratedRegex(@"[\s,;|]+")]
    private static partial Regex Separators();
}
