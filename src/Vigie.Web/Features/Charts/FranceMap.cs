using System.Text;
using System.Text.Json;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Charts;

public sealed record DepartmentCount(string Code, string Name, int Cases);

/// <summary>
/// The map of France by department, drawn on the server as SVG: no tiles, no script. Outlines come from
/// seeds/geo/departments-map.json (svg-maps, CC BY 4.0); the five overseas departments are drawn as
/// labelled boxes beside mainland France. Each department links to its communes.
/// </summary>
public sealed class FranceMap
{
    private static readonly (string Code, string Label)[] Overseas =
        [("971", "Guadeloupe"), ("972", "Martinique"), ("973", "Guyane"), ("974", "La Réunion"), ("976", "Mayotte")];

    private readonly Dictionary<string, string> _paths;
    private readonly string _viewBox;

    public string Attribution { get; }

    public FranceMap(string mapFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(mapFile));
        _viewBox = json.RootElement.GetProperty("viewBox").GetString()!;
        Attribution = json.RootElement.GetProperty("source").GetString()!;
        _paths = json.RootElement.GetProperty("departments").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    public IReadOnlyCollection<string> DrawnCodes => [.. _paths.Keys, .. Overseas.Select(o => o.Code)];

    /// <summary>Colour class 0 (no case) to 4 (the most), on a scale that keeps small counts visible.</summary>
    public static int Level(int cases, int max) => cases <= 0 ? 0 : max <= 4 ? Math.Min(cases, 4) : 1 + (int)Math.Floor(3.0 * (cases - 1) / Math.Max(1, max - 1));

    public string Render(IReadOnlyList<DepartmentCount> counts, string titleId)
    {
        var byCode = counts.ToDictionary(c => c.Code);
        var max = counts.Count == 0 ? 0 : counts.Max(c => c.Cases);
        var parts = _viewBox.Split(' ');
        var width = double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        var height = double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        const double boxWidth = 86;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"france-map\" viewBox=\"-{Svg.N(boxWidth + 10)} 0 {Svg.N(width + boxWidth + 10)} {Svg.N(height)}\" role=\"group\" aria-labelledby=\"{titleId}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var (code, path) in _paths)
        {
            byCode.TryGetValue(code, out var count);
            AppendDepartment(svg, code, count?.Name ?? code, count?.Cases ?? 0, max, $"<path d=\"{Svg.Escape(path)}\"/>");
        }
        for (var i = 0; i < Overseas.Length; i++)
        {
            var (code, label) = Overseas[i];
            byCode.TryGetValue(code, out var count);
            var y = 20 + (i * 58);
            AppendDepartment(svg, code, count?.Name ?? label, count?.Cases ?? 0, max,
                $"<rect x=\"-{Svg.N(boxWidth)}\" y=\"{y}\" width=\"{Svg.N(boxWidth - 8)}\" height=\"44\" rx=\"3\"/>");
            // The code is drawn over the box but outside the link, so the link's text is only its name (axe:
            // label-content-name-mismatch); clicks go through it to the box.
            svg.Append($"<text x=\"-{Svg.N(boxWidth - 6)}\" y=\"{y + 27}\" aria-hidden=\"true\" pointer-events=\"none\">{Svg.Escape(code)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendDepartment(StringBuilder svg, string code, string name, int cases, int max, string shape)
    {
        var label = $"{name} ({code}) : {Fr.Count(cases, "dossier", "dossiers")}";
        svg.Append($"<a href=\"/communes?departement={Svg.Escape(code)}\" class=\"dept level-{Level(cases, max)}\" data-code=\"{Svg.Escape(code)}\" data-cases=\"{cases}\">");
        svg.Append($"<title>{Svg.Escape(label)}</title>");
        svg.Append(shape);
        svg.Append("</a>");
    }
}
