using System.Text;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Charts;

public sealed record Bar(string Label, int Value, string? Href = null);

/// <summary>A horizontal bar chart as SVG (widths are attributes, so the strict CSP needs no inline style).</summary>
public static class BarChart
{
    public static string Render(IReadOnlyList<Bar> bars, string titleId, string unitSingular, string unitPlural)
    {
        const double labelWidth = 320, barArea = 280, rowHeight = 26, valueGap = 6;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(rowHeight, bars.Count * rowHeight);
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"bar-chart\" viewBox=\"0 0 {Svg.N(labelWidth + barArea + 60)} {Svg.N(height)}\" role=\"img\" aria-labelledby=\"{titleId}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * rowHeight;
            var width = bar.Value == 0 ? 0 : Math.Max(2, barArea * bar.Value / max);
            svg.Append($"<g><title>{Svg.Escape($"{bar.Label} : {Fr.Count(bar.Value, unitSingular, unitPlural)}")}</title>");
            svg.Append($"<text class=\"label\" x=\"{Svg.N(labelWidth - 8)}\" y=\"{Svg.N(y + 17)}\">{Svg.Escape(bar.Label)}</text>");
            svg.Append($"<rect class=\"bar\" x=\"{Svg.N(labelWidth)}\" y=\"{Svg.N(y + 5)}\" width=\"{Svg.N(width)}\" height=\"{Svg.N(rowHeight - 10)}\"/>");
            svg.Append($"<text class=\"value\" x=\"{Svg.N(labelWidth + width + valueGap)}\" y=\"{Svg.N(y + 17)}\">{Fr.Number(bar.Value)}</text></g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
