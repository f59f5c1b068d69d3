using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Data.Seeding;

/// <summary>Reads one case file: YAML front matter between two "---" lines, then the Markdown narrative.</summary>
public static class CaseFileReader
{
    public static CaseSeed Read(string text, string file, IReadOnlySet<string> communes,
        IReadOnlySet<string> technologies, IReadOnlySet<string> vendors, string? seedsDirectory = null)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new SeedException(file, 1, "le fichier doit commencer par une ligne « --- » suivie des faits en YAML");
        }
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (end < 0)
        {
            throw new SeedException(file, lines.Length, "la ligne « --- » qui termine les faits en YAML est introuvable");
        }
        var frontMatter = string.Join('\n', lines[1..end]);
        var body = string.Join('\n', lines[(end + 1)..]).Trim();
        if (NarrativeMarkdown.Validate(body) is { } problem)
        {
            throw new SeedException(file, end + 2, problem);
        }
        // Line numbers in the YAML start at 1 on the line after the opening "---".
        var root = YamlMap.Load(frontMatter, file, lineOffset: 1);
        if (root is not YamlDotNet.RepresentationModel.YamlMappingNode mapping)
        {
            throw new SeedException(file, 2, "les faits doivent être un objet « clé: valeur »");
        }
        var map = new YamlMap(mapping, file, 1);
        map.OnlyKeys("slug", "title", "municipality", "status", "summary", "technologies", "vendors",
            "sources", "contracts", "funding", "timeline", "quotes", "requests", "documents");

        var slug = map.Text("slug", required: true)!;
        if (slug != Infrastructure.Text.Slugs.From(slug))
        {
            throw map.Error($"slug invalide « {slug} »");
        }
        var municipalityCode = map.Text("municipality", required: true)!;
        if (!communes.Contains(municipalityCode))
        {
            throw map.Error(map.Raw("municipality")!, $"aucune commune actuelle n'a le code INSEE « {municipalityCode} »");
        }

        var sources = map.Maps("sources", "sources").Select((s, i) =>
        {
            s.OnlyKeys("url", "title", "publisher", "date", "archive");
            var url = s.Text("url", required: true, maxLength: 2000)!;
            var archive = s.Text("archive", maxLength: 2000);
            if (!UrlPolicy.IsWebUrl(url) || (archive is not null && !UrlPolicy.IsWebUrl(archive)))
            {
                throw s.Error("« url » et « archive » doivent être des adresses http(s)");
            }
            var date = s.Date("date");
            return new Source
            {
                Number = i + 1,
                Url = url,
                Title = FrenchTypography.Apply(s.Text("title", required: true, maxLength: 500)!),
                Publisher = s.Text("publisher", maxLength: 200),
                PublishedOn = date?.Date,
                PublishedOnPrecision = date?.Precision ?? DatePrecision.Day,
                ArchiveUrl = archive,
            };
        }).ToList();
        Source? SourceRef(YamlMap m)
        {
            var number = m.Int("source");
            return number is null ? null
                : number >= 1 && number <= sources.Count ? sources[number.Value - 1]
                : throw m.Error($"« source: {number} » ne correspond à aucune source (il y en a {sources.Count})");
        }

        var technologySlugs = References(map, "technologies", technologies, "technologie inconnue", "seeds/technologies.yml");
        var vendorSlugs = References(map, "vendors", vendors, "prestataire inconnu", "seeds/vendors.yml");

        var contracts = map.Maps("contracts", "marchés").Select((c, i) =>
        {
            c.OnlyKeys("object", "vendor", "buyer", "signed", "amount", "reference", "missing", "notes", "source");
            var vendor = c.Text("vendor");
            if (vendor is not null && !vendors.Contains(vendor))
            {
                throw c.Error($"prestataire inconnu « {vendor} » (à déclarer dans seeds/vendors.yml)");
            }
            var buyer = c.Text("buyer") ?? municipalityCode;
            if (!communes.Contains(buyer))
            {
                throw c.Error($"acheteur : aucune commune n'a le code INSEE « {buyer} »");
            }
            var signed = c.Date("signed");
            return new ContractSeed(new Contract
            {
                Object = FrenchTypography.Apply(c.Text("object", required: true, maxLength: 1000)!),
                SignedOn = signed?.Date,
                SignedOnPrecision = signed?.Precision ?? DatePrecision.Day,
                AmountEuros = c.Decimal("amount"),
                Reference = c.Text("reference", maxLength: 200),
                Missing = FrenchTypography.ApplyOrNull(c.Text("missing")),
                Notes = FrenchTypography.ApplyOrNull(c.Text("notes")),
                Source = SourceRef(c),
                Position = i + 1,
            }, vendor, buyer);
        }).ToList();

        var fundings = map.Maps("funding", "financements").Select((f, i) =>
        {
            f.OnlyKeys("label", "amount", "funder", "year", "estimate", "source");
            return new Funding
            {
                Label = FrenchTypography.Apply(f.Text("label", required: true, maxLength: 300)!),
                AmountEuros = f.Decimal("amount", required: true)!.Value,
                Funder = f.Text("funder", maxLength: 200),
                Year = f.Int("year"),
                IsEstimate = f.Bool("estimate", fallback: false),
                Source = SourceRef(f),
                Position = i + 1,
            };
        }).ToList();

        var timeline = map.Maps("timeline", "événements").Select(e =>
        {
            e.OnlyKeys("date", "title", "description", "source");
            var date = e.Date("date", required: true)!.Value;
            return new TimelineEvent
            {
                OccurredOn = date.Date,
                OccurredOnPrecision = date.Precision,
                Title = FrenchTypography.Apply(e.Text("title", required: true, maxLength: 300)!),
                Description = FrenchTypography.ApplyOrNull(e.Text("description")),
                Source = SourceRef(e),
            };
        }).ToList();

        var quotes = map.Maps("quotes", "citations").Select((q, i) =>
        {
            q.OnlyKeys("speaker", "role", "text", "date", "source");
            var date = q.Date("date");
            return new Quote
            {
                Speaker = q.Text("speaker", required: true, maxLength: 200)!,
                SpeakerRole = q.Text("role", maxLength: 300),
                Text = FrenchTypography.Apply(q.Text("text", required: true)!),
                SaidOn = date?.Date,
                SaidOnPrecision = date?.Precision ?? DatePrecision.Day,
                Source = SourceRef(q),
                Position = i + 1,
            };
        }).ToList();

        var requests = map.Maps("requests", "demandes").Select(r => RequestSeedReader.Read(r, communes)).ToList();
        var requestKeys = requests.Select(r => r.Key).ToHashSet();

        var documents = map.Maps("documents", "documents").Select(d =>
        {
            d.OnlyKeys("title", "kind", "date", "received", "request", "public", "description", "file");
            var key = d.Text("request");
            if (key is not null && !requestKeys.Contains(key))
            {
                throw d.Error($"« request: {key} » ne correspond à aucune demande de ce fichier");
            }
            var path = d.Text("file", maxLength: 300);
            return new DocumentSeed(new Document
            {
                Title = d.Text("title", required: true, maxLength: 500)!,
                Kind = d.Enum("kind", DocumentKind.Autre),
                Date = d.Date("date")?.Date,
                ReceivedOn = d.Date("received")?.Date,
                IsPublic = d.Bool("public", fallback: false),
                Description = FrenchTypography.ApplyOrNull(d.Text("description")),
            }, key, path is null ? null : SeedFileAt(d, path, seedsDirectory));
        }).ToList();

        var entity = new Case
        {
            Slug = slug,
            Title = FrenchTypography.Apply(map.Text("title", required: true, maxLength: 300)!),
            Summary = FrenchTypography.Apply(map.Text("summary") ?? ""),
            Body = body,
            Status = map.Enum("status", CaseStatus.Draft),
            Sources = sources,
            Fundings = fundings,
            TimelineEvents = timeline,
            Quotes = quotes,
        };
        return new CaseSeed(file, entity, municipalityCode, technologySlugs, vendorSlugs, contracts, requests, documents);
    }

    /// <summary>A document file: relative to seeds/, inside it, of an accepted format that its extension names.</summary>
    private static SeedFile SeedFileAt(YamlMap map, string path, string? seedsDirectory)
    {
        if (seedsDirectory is null)
        {
            throw map.Error($"« file: {path} » : le dossier seeds/ est inconnu");
        }
        var root = Path.GetFullPath(seedsDirectory);
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (Path.IsPathRooted(path) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw map.Error($"« file: {path} » doit être un chemin relatif à l'intérieur de seeds/");
        }
        if (!File.Exists(full))
        {
            throw map.Error($"fichier introuvable « {path} » (chemin relatif à seeds/)");
        }
        var format = Features.Documents.Upload.FileSniffer.Detect(full);
        var claimed = Features.Documents.FileFormats.Claimed(full, null);
        if (format is null || format != claimed)
        {
            throw map.Error($"« {path} » n'est pas d'un format accepté ({Features.Documents.FileFormats.Accepted}) ou son extension ne correspond pas à son contenu");
        }
        var bytes = File.ReadAllBytes(full);
        return new SeedFile(full, Path.GetFileName(full), format.Value, Features.Documents.Storage.ContentHash.Of(bytes), bytes.Length);
    }

    private static List<string> References(YamlMap map, string key, IReadOnlySet<string> known, string unknown, string catalog)
    {
        var list = new List<string>();
        foreach (var (value, line) in map.Texts(key))
        {
            if (!known.Contains(value))
            {
                throw new SeedException(map.Error("").File, line, $"{unknown} « {value} » (à déclarer dans {catalog})");
            }
            list.Add(value);
        }
        return list;
    }
}
