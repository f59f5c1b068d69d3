using System.IO.Compression;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Data.Seeding;

/// <summary>Reads and validates the seeds folder. Pure: no database, so a bad file stops the import before any write.</summary>
public static class SeedReader
{
    public static SeedBundle Read(string seedsDirectory)
    {
        if (!Directory.Exists(seedsDirectory))
        {
            throw new DirectoryNotFoundException($"Dossier des données initiales introuvable : {seedsDirectory}");
        }
        var geo = ReadGeo(Path.Combine(seedsDirectory, "geo"));
        var technologies = ReadTechnologies(seedsDirectory, "technologies.yml");
        var vendors = ReadVendors(seedsDirectory, "vendors.yml");
        var communes = geo.Municipalities.Select(m => m.InseeCode).ToHashSet();
        var casesDirectory = Path.Combine(seedsDirectory, "cases");
        var cases = Directory.Exists(casesDirectory)
            ? Directory.GetFiles(casesDirectory, "*.md").Order(StringComparer.Ordinal)
                .Select(path => ReadCase(path, Relative(seedsDirectory, path), communes,
                    technologies.Select(t => t.Slug).ToHashSet(), vendors.Select(v => v.Slug).ToHashSet(), seedsDirectory))
                .ToList()
            : [];
        var duplicate = cases.GroupBy(c => c.Case.Slug).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SeedException(duplicate.Last().File, 1, $"le slug « {duplicate.Key} » est déjà utilisé par {duplicate.First().File}");
        }
        var campaignsDirectory = Path.Combine(seedsDirectory, "campaigns");
        var campaigns = Directory.Exists(campaignsDirectory)
            ? Directory.GetFiles(campaignsDirectory, "*.yml").Order(StringComparer.Ordinal)
                .Select(path => CampaignSeedReader.Read(File.ReadAllText(path), Relative(seedsDirectory, path), geo.Municipalities))
                .ToList()
            : [];
        var sameSlug = campaigns.GroupBy(c => c.Campaign.Slug).FirstOrDefault(g => g.Count() > 1);
        if (sameSlug is not null)
        {
            throw new SeedException(sameSlug.Last().File, 1, $"le slug « {sameSlug.Key} » est déjà utilisé par {sameSlug.First().File}");
        }
        return new SeedBundle(geo, technologies, vendors, cases, campaigns);
    }

    private static string Relative(string seedsDirectory, string path) =>
        Path.Combine("seeds", Path.GetRelativePath(seedsDirectory, path));

    public static GeoSeed ReadGeo(string geoDirectory)
    {
        var regions = ReadTsv(Path.Combine(geoDirectory, "regions.tsv"), ["code", "name"],
            (f, _) => new Region { Code = f[0], Name = f[1] });
        var departments = ReadTsv(Path.Combine(geoDirectory, "departments.tsv"), ["code", "name", "region"],
            (f, _) => new Department { Code = f[0], Name = f[1], RegionCode = f[2] });
        var epcis = ReadTsv(Path.Combine(geoDirectory, "intercommunalities.tsv"), ["siren", "name", "kind"],
            (f, _) => new Intercommunality { Siren = f[0], Name = f[1], Kind = f[2] });
        var communesFile = Path.Combine(geoDirectory, "communes.tsv.gz");
        var communes = ReadTsv(communesFile,
            ["code", "name", "department", "region", "siren", "epci", "population", "postal_codes"],
            (f, line) => new Municipality
            {
                InseeCode = f[0],
                Name = f[1],
                Slug = Slugs.From(f[1]),
                DepartmentCode = f[2],
                RegionCode = f[3],
                Siren = NullIfEmpty(f[4]),
                IntercommunalitySiren = NullIfEmpty(f[5]),
                Population = f[6].Length == 0 ? null
                    : int.TryParse(f[6], out var p) ? p
                    : throw new SeedException(communesFile, line, $"population invalide « {f[6]} »"),
                PostalCodes = f[7].Split(' ', StringSplitOptions.RemoveEmptyEntries),
            });

        var regionCodes = regions.Select(r => r.Code).ToHashSet();
        var departmentCodes = departments.Select(d => d.Code).ToHashSet();
        var epciSirens = epcis.Select(e => e.Siren).ToHashSet();
        CheckReferences(departments, d => d.RegionCode, regionCodes, Path.Combine(geoDirectory, "departments.tsv"), "région");
        CheckReferences(communes, c => c.DepartmentCode, departmentCodes, communesFile, "département");
        CheckReferences(communes, c => c.RegionCode, regionCodes, communesFile, "région");
        CheckReferences(communes.Where(c => c.IntercommunalitySiren is not null).ToList(), c => c.IntercommunalitySiren!, epciSirens, communesFile, "intercommunalité");
        return new GeoSeed(regions, departments, epcis, communes);
    }

    private static void CheckReferences<T>(IReadOnlyList<T> rows, Func<T, string> key, HashSet<string> known, string file, string what)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (!known.Contains(key(rows[i])))
            {
                throw new SeedException(file, i + 2, $"{what} inconnue « {key(rows[i])} »");
            }
        }
    }

    private static List<T> ReadTsv<T>(string path, string[] header, Func<string[], int, T> map)
    {
        if (!File.Exists(path))
        {
            throw new SeedException(path, 0, "fichier introuvable");
        }
        using var stream = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(input);
        var first = reader.ReadLine();
        if (first != string.Join('\t', header))
        {
            throw new SeedException(path, 1, $"en-tête attendu : {string.Join(" | ", header)}");
        }
        var rows = new List<T>();
        var seen = new HashSet<string>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != header.Length)
            {
                throw new SeedException(path, lineNumber, $"{header.Length} colonnes attendues, {fields.Length} lues");
            }
            if (fields[0].Length == 0 || !seen.Add(fields[0]))
            {
                throw new SeedException(path, lineNumber, $"code vide ou en double « {fields[0]} »");
            }
            rows.Add(map(fields, lineNumber));
        }
        return rows;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static List<Technology> ReadTechnologies(string seedsDirectory, string name)
    {
        var (file, root) = LoadYamlFile(seedsDirectory, name);
        var position = 0;
        return UniqueSlugs(YamlMap.Sequence(root, file, 0, "technologies").Select(map =>
        {
            map.OnlyKeys("slug", "name", "description");
            return (map, new Technology
            {
                Slug = CheckSlug(map, map.Text("slug", required: true)!),
                Name = map.Text("name", required: true, maxLength: 200)!,
                Description = map.Text("description"),
                Position = ++position,
            });
        }), t => t.Slug);
    }

    private static List<Vendor> ReadVendors(string seedsDirectory, string name)
    {
        var (file, root) = LoadYamlFile(seedsDirectory, name);
        return UniqueSlugs(YamlMap.Sequence(root, file, 0, "prestataires").Select(map =>
        {
            map.OnlyKeys("slug", "name", "country", "website", "description");
            var website = map.Text("website");
            if (website is not null && !Infrastructure.Markdown.UrlPolicy.IsWebUrl(website))
            {
                throw map.Error($"« website » doit être une adresse http(s) (lu : « {website} »)");
            }
            return (map, new Vendor
            {
                Slug = CheckSlug(map, map.Text("slug", required: true)!),
                Name = map.Text("name", required: true, maxLength: 200)!,
                Country = map.Text("country", maxLength: 100),
                Website = website,
                Description = map.Text("description"),
            });
        }), v => v.Slug);
    }

    private static List<T> UniqueSlugs<T>(IEnumerable<(YamlMap Map, T Item)> items, Func<T, string> slug)
    {
        var seen = new HashSet<string>();
        var list = new List<T>();
        foreach (var (map, item) in items)
        {
            if (!seen.Add(slug(item)))
            {
                throw map.Error($"slug en double « {slug(item)} »");
            }
            list.Add(item);
        }
        return list;
    }

    private static string CheckSlug(YamlMap map, string slug) =>
        slug.Length <= 150 && slug == Slugs.From(slug)
            ? slug
            : throw map.Error($"slug invalide « {slug} » : minuscules, chiffres et tirets seulement (par exemple « {Slugs.From(slug)} »)");

    private static (string File, YamlDotNet.RepresentationModel.YamlNode Root) LoadYamlFile(string seedsDirectory, string name)
    {
        var path = Path.Combine(seedsDirectory, name);
        var file = Path.Combine("seeds", name);
        if (!File.Exists(path))
        {
            throw new SeedException(file, 0, "fichier introuvable");
        }
        return (file, YamlMap.Load(File.ReadAllText(path), file, 0));
    }

    public static CaseSeed ReadCase(string path, string file, IReadOnlySet<string> communes,
        IReadOnlySet<string> technologies, IReadOnlySet<string> vendors, string? seedsDirectory = null) =>
        CaseFileReader.Read(File.ReadAllText(path), file, communes, technologies, vendors, seedsDirectory);
}
