using System.Text;
using System.Text.Json;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Charts;

public sealed record DepartmentCount(string Code, string Name, int Cases);

/// <summary>
/// A department as a map draws it: its tooltip (the link's accessible name), colour class, link and data attributes.
/// Without a link it is background only, hidden from assistive technologies.
/// </summary>
public sealed record MapArea(string Code, string Title, string CssClass, string? Href, IReadOnlyDictionary<string, string>? Data = null);

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
    private readonly Dictionary<string, (double X0, double Y0, double X1, double Y1)> _bounds;
    private readonly string _viewBox;

    public string Attribution { get; }

    public FranceMap(string mapFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(mapFile));
        _viewBox = json.RootElement.GetProperty("viewBox").GetString()!;
        Attribution = json.RootElement.GetProperty("source").GetString()!;
        _paths = json.RootElement.GetProperty("departments").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        _bounds = _paths.ToDictionary(p => p.Key, p => Bounds(p.Value));
    }

    public IReadOnlyCollection<string> DrawnCodes => [.. _paths.Keys, .. Overseas.Select(o => o.Code)];

    /// <summary>Colour class 0 (no case) to 4 (the most), on a scale that keeps small counts visible.</summary>
    public static int Level(int cases, int max) => cases <= 0 ? 0 : max <= 4 ? Math.Min(cases, 4) : 1 + (int)Math.Floor(3.0 * (cases - 1) / Math.Max(1, max - 1));

    public string Render(IReadOnlyList<DepartmentCount> counts, string titleId)
    {
        var max = counts.Count == 0 ? 0 : counts.Max(c => c.Cases);
        var byCode = counts.ToDictionary(c => c.Code);
        var areas = DrawnCodes.Select(code =>
        {
            byCode.TryGetValue(code, out var count);
            var cases = count?.Cases ?? 0;
            var name = count?.Name ?? Overseas.FirstOrDefault(o => o.Code == code).Label ?? code;
            return new MapArea(code, $"{name} ({code}) : {Fr.Count(cases, "dossier", "dossiers")}", $"level-{Level(cases, max)}",
                $"/communes?departement={code}", new Dictionary<string, string> { ["cases"] = cases.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }).ToList();
        return Render(areas, titleId);
    }

    /// <summary>
    /// Draws the given departments (the others are not drawn). With <paramref name="focus"/>, the view is cropped to
    /// those departments and their surroundings, and the overseas boxes are drawn only when one of them is in focus.
    /// </summary>
    public string Render(IReadOnlyList<MapArea> areas, string titleId, IReadOnlyCollection<string>? focus = null)
    {
        var parts = _viewBox.Split(' ');
        var width = double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        var height = double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        const double boxWidth = 86;
        var byCode = areas.ToDictionary(a => a.Code);
        var focused = focus?.Where(_bounds.ContainsKey).ToList() ?? [];
        var showOverseas = focus is null || focused.Count == 0 || focus.Any(c => Overseas.Any(o => o.Code == c));
        string viewBox;
        var window = (X0: double.MinValue, Y0: double.MinValue, X1: double.MaxValue, Y1: double.MaxValue);
        if (focus is not null && focused.Count > 0 && !showOverseas)
        {
            var x0 = focused.Min(c => _bounds[c].X0);
            var y0 = focused.Min(c => _bounds[c].Y0);
            var x1 = focused.Max(c => _bounds[c].X1);
            var y1 = focused.Max(c => _bounds[c].Y1);
            // Enough surroundings to recognise the place: at least 120 units across, plus a third on each side.
            var side = Math.Max(120, Math.Max(x1 - x0, y1 - y0) * 1.6);
            var cx = (x0 + x1) / 2;
            var cy = (y0 + y1) / 2;
            viewBox = $"{Svg.N(cx - (side / 2))} {Svg.N(cy - (side / 2))} {Svg.N(side)} {Svg.N(side)}";
            window = (cx - (side / 2), cy - (side / 2), cx + (side / 2), cy + (side / 2));
        }
        else
        {
            viewBox = $"-{Svg.N(boxWidth + 10)} 0 {Svg.N(width + boxWidth + 10)} {Svg.N(height)}";
        }
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"france-map\" viewBox=\"{viewBox}\" role=\"group\" aria-labelledby=\"{titleId}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var (code, path) in _paths)
        {
            var b = _bounds[code];
            // Departments entirely outside a cropped view are left out: they would only weigh on the page.
            var visible = b.X1 >= window.X0 && b.X0 <= window.X1 && b.Y1 >= window.Y0 && b.Y0 <= window.Y1;
            if (visible && byCode.TryGetValue(code, out var area))
            {
                AppendDepartment(svg, area, $"<path d=\"{Svg.Escape(path)}\"/>");
            }
        }
        if (showOverseas)
        {
            for (var i = 0; i < Overseas.Length; i++)
            {
                var (code, _) = Overseas[i];
                if (!byCode.TryGetValue(code, out var area))
                {
                    continue;
                }
                var y = 20 + (i * 58);
                AppendDepartment(svg, area, $"<rect x=\"-{Svg.N(boxWidth)}\" y=\"{y}\" width=\"{Svg.N(boxWidth - 8)}\" height=\"44\" rx=\"3\"/>");
                // The code is drawn over the box but outside the link, so the link's text is only its name (axe:
                // label-content-name-mismatch); clicks go through it to the box.
                svg.Append($"<text x=\"-{Svg.N(boxWidth - 6)}\" y=\"{y + 27}\" aria-hidden=\"true\" pointer-events=\"none\">{Svg.Escape(code)}</text>");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendDepartment(StringBuilder svg, MapArea area, string shape)
    {
        if (area.Href is null)
        {
            svg.Append($"<g class=\"dept {Svg.Escape(area.CssClass)}\" data-code=\"{Svg.Escape(area.Code)}\" aria-hidden=\"true\">{shape}</g>");
            return;
        }
        svg.Append($"<a href=\"{Svg.Escape(area.Href)}\" class=\"dept {Svg.Escape(area.CssClass)}\" data-code=\"{Svg.Escape(area.Code)}\"");
        foreach (var (key, value) in area.Data ?? new Dictionary<string, string>())
        {
            svg.Append($" data-{key}=\"{Svg.Escape(value)}\"");
        }
        svg.Append('>');
        svg.Append($"<title>{Svg.Escape(area.Title)}</title>");
        svg.Append(shape);
        svg.Append("</a>");
    }

    /// <summary>The bounding box of a path made of relative moves and lines ("m x,y dx,dy … z"), the only commands of the outlines.</summary>
    private static (double X0, double Y0, double X1, double Y1) Bounds(string path)
    {
        double x = 0, y = 0, startX = 0, startY = 0;
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        var moving = false;
        var first = true;
        foreach (var token in path.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token is "m" or "M")
            {
                moving = true;
                continue;
            }
            if (token is "z" or "Z")
            {
                (x, y) = (startX, startY);
                continue;
            }
            var comma = token.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                continue;
            }
            var dx = double.Parse(token.AsSpan(0, comma), System.Globalization.CultureInfo.InvariantCulture);
            var dy = double.Parse(token.AsSpan(comma + 1), System.Globalization.CultureInfo.InvariantCulture);
            (x, y) = first ? (dx, dy) : (x + dx, y + dy);
            first = false;
            if (moving)
            {
                (startX, startY) = (x, y);
                moving = false;
            }
            x0 = Math.Min(x0, x);
            y0 = Math.Min(y0, y);
            x1 = Math.Max(x1, x);
            y1 = Math.Max(y1, y);
        }
        return (x0, y0, x1, y1);
    }
}
