using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Data.Seeding;

/// <summary>Reads one campaign file of seeds/campaigns/ (format: docs/seeds.md). Targets are resolved against the geography read before.</summary>
public static class CampaignSeedReader
{
    private static readonly Dictionary<string, CampaignStatus> Statuses = new()
    {
        ["preparing"] = CampaignStatus.Preparing, ["running"] = CampaignStatus.Running, ["closed"] = CampaignStatus.Closed,
    };

    public static CampaignSeed Read(string text, string file, IReadOnlyList<Municipality> communes)
    {
        var root = YamlMap.Load(text, file, 0);
        if (root is not YamlDotNet.RepresentationModel.YamlMappingNode mapping)
        {
            throw new SeedException(file, 1, "la campagne doit être un objet « clé: valeur »");
        }
        var map = new YamlMap(mapping, file, 0);
        map.OnlyKeys("slug", "title", "demonstration", "status", "subject", "description", "documents", "letter", "mode", "channel", "context",
            "public", "targets", "requests");
        var slug = map.Text("slug", required: true)!;
        if (slug.Length > 150 || slug != Slugs.From(slug) || slug == "nouvelle")
        {
            throw map.Error($"slug invalide « {slug} » : minuscules, chiffres et tirets seulement");
        }
        var demonstration = map.Bool("demonstration", fallback: false);
        var description = map.Text("description", maxLength: NarrativeMarkdown.MaxLength) ?? "";
        if (NarrativeMarkdown.Validate(description) is { } problem)
        {
            throw map.Error(map.Raw("description")!, problem);
        }
        var documents = map.Texts("documents").Select((d, i) => new CampaignDocument { Title = FrenchTypography.Apply(d.Value), Position = i + 1 }).ToList();
        if (documents.Count == 0)
        {
            throw map.Error("« documents » : au moins un document demandé");
        }
        var campaign = new Campaign
        {
            Slug = slug,
            Title = FrenchTypography.Apply(map.Text("title", required: true, maxLength: 300)!),
            Subject = FrenchTypography.Apply(map.Text("subject", required: true, maxLength: 500)!),
            Description = description,
            LetterParagraph = FrenchTypography.ApplyOrNull(map.Text("letter", maxLength: 4000)),
            Mode = map.Choice("mode", RequestSeedReader.Modes) ?? RequestMode.Email,
            Channel = map.Choice("channel", RequestSeedReader.Channels) ?? RequestChannel.Email,
            Context = FrenchTypography.ApplyOrNull(map.Text("context", maxLength: 4000)),
            RequestsArePublic = map.Bool("public", fallback: false),
            Status = map.Choice("status", Statuses) ?? CampaignStatus.Preparing,
            IsDemonstration = demonstration,
            Documents = documents,
        };
        if (demonstration && !campaign.Title.Contains("monstration", StringComparison.OrdinalIgnoreCase))
        {
            throw map.Error("une campagne de démonstration le dit dans son titre (« Démonstration : … »)");
        }

        var targets = Targets(map, communes);
        var known = targets.ToHashSet();
        var requestedDocuments = documents.Select(d => new RequestedDocument { Title = d.Title, Position = d.Position }).ToList();
        var histories = map.Maps("requests", "demandes").Select(r =>
        {
            r.OnlyKeys("body", "events");
            var code = r.Text("body", required: true)!;
            if (!known.Contains(code))
            {
                throw r.Error($"« body » : la commune « {code} » n'est pas une cible de la campagne");
            }
            var events = r.Maps("events", "événements").Select(e => RequestSeedReader.Event(e, requestedDocuments, relativeDates: demonstration)).ToList();
            return new CampaignRequestSeed(code, events.Select(e => new CampaignEventSeed(e.Event, e.DaysAgo)).ToList());
        }).ToList();
        var twice = histories.GroupBy(h => h.BodyCode).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw map.Error($"« requests » : la commune « {twice.Key} » apparaît deux fois");
        }
        return new CampaignSeed(file, campaign, targets, histories);
    }

    /// <summary>The INSEE codes of the targets: listed ("codes"), or the communes of a department or region within a population range.</summary>
    private static List<string> Targets(YamlMap map, IReadOnlyList<Municipality> communes)
    {
        var node = map.Raw("targets") as YamlDotNet.RepresentationModel.YamlMappingNode
            ?? throw map.Error("« targets » : indiquez les cibles (department, region, population-min, population-max ou codes)");
        var targets = new YamlMap(node, map.Error("").File, 0);
        targets.OnlyKeys("department", "region", "population-min", "population-max", "codes");
        var codes = targets.Texts("codes").Select(c => c.Value).ToList();
        var department = targets.Text("department");
        var region = targets.Text("region");
        var min = targets.Int("population-min");
        var max = targets.Int("population-max");
        if (codes.Count == 0 && department is null && region is null && min is null && max is null)
        {
            throw targets.Error("« targets » : au moins un critère (department, region, population-min, population-max ou codes)");
        }
        var byCode = communes.ToDictionary(c => c.InseeCode);
        var unknown = codes.Where(c => !byCode.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            throw targets.Error($"« codes » : codes INSEE inconnus {string.Join(", ", unknown)}");
        }
        if (department is not null && communes.All(c => c.DepartmentCode != department))
        {
            throw targets.Error($"« department » : aucune commune dans le département « {department} »");
        }
        var selected = communes
            .Where(c => codes.Count == 0 || codes.Contains(c.InseeCode))
            .Where(c => department is null || c.DepartmentCode == department)
            .Where(c => region is null || c.RegionCode == region)
            .Where(c => min is null || c.Population >= min)
            .Where(c => max is null || c.Population <= max)
            .Select(c => c.InseeCode)
            .Order(StringComparer.Ordinal)
            .ToList();
        return selected.Count > 0 ? selected : throw targets.Error("« targets » : aucune commune ne répond à ces critères");
    }
}
