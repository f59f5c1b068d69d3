using System.Text;
using Vigie.Web.Features.Charts;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Campaigns;

/// <summary>The campaign's pictures, drawn on the server: a bar of its targets by stage, and the map of departments by stage.</summary>
public static class CampaignPictures
{
    /// <summary>One bar split by stage, widths proportional to the counts; each part names its stage and count.</summary>
    public static string StageBar(IReadOnlyList<(CampaignStage Stage, int Count)> counts, string labelId)
    {
        var total = counts.Sum(c => c.Count);
        const double width = 600;
        const double height = 28;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"stage-bar\" viewBox=\"0 0 {Svg.N(width)} {Svg.N(height)}\" preserveAspectRatio=\"none\" role=\"img\" aria-labelledby=\"{labelId}\" xmlns=\"http://www.w3.org/2000/svg\">");
        if (total == 0)
        {
            svg.Append($"<rect class=\"stage-none\" x=\"0\" y=\"0\" width=\"{Svg.N(width)}\" height=\"{Svg.N(height)}\"/>");
        }
        double x = 0;
        foreach (var (stage, count) in counts.Where(c => c.Count > 0))
        {
            var w = width * count / total;
            svg.Append($"<rect class=\"stage-{stage.Slug()}\" x=\"{Svg.N(x)}\" y=\"0\" width=\"{Svg.N(w)}\" height=\"{Svg.N(height)}\">");
            svg.Append($"<title>{Svg.Escape($"{stage.Label()} : {count}")}</title></rect>");
            x += w;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Departments with targets coloured by their dominant stage, the others left blank; the view is cropped to them.
    /// Each links to the target list filtered on that department.
    /// </summary>
    public static string Map(FranceMap map, string campaignSlug, IReadOnlyList<DepartmentProgress> departments, string titleId)
    {
        var byCode = departments.ToDictionary(d => d.Code);
        var areas = map.DrawnCodes.Select(code =>
        {
            if (!byCode.TryGetValue(code, out var d))
            {
                return new MapArea(code, "", "stage-none", null);
            }
            var details = string.Join(", ", CampaignStages.Ordered.Where(d.ByStage.ContainsKey).Select(s => $"{s.Label().ToLower(Fr.Culture)} {d.ByStage[s]}"));
            return new MapArea(code, $"{d.Name} ({code}) : {Fr.Count(d.Total, "cible", "cibles")} — {details}", $"stage-{d.Dominant.Slug()}",
                $"/campagnes/{campaignSlug}?departement={Uri.EscapeDataString(code)}#cibles",
                new Dictionary<string, string> { ["stage"] = d.Dominant.Slug(), ["targets"] = d.Total.ToString(Fr.Culture) });
        }).ToList();
        return map.Render(areas, titleId, departments.Select(d => d.Code).ToList());
    }
}
