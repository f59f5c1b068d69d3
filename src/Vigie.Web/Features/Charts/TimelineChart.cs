using System.Text;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Charts;

/// <summary>A case's chronology drawn as a dated line: one mark per event, years as ticks.</summary>
public static class TimelineChart
{
    public static string Render(IReadOnlyList<TimelineEvent> events, string titleId)
    {
        if (events.Count == 0)
        {
            return "";
        }
        const double width = 640, left = 20, right = 20, axisY = 46;
        var first = events.Min(e => e.OccurredOn).Year;
        var last = Math.Max(events.Max(e => e.OccurredOn).Year + 1, first + 1);
        var start = new DateOnly(first, 1, 1).DayNumber;
        var span = new DateOnly(last, 1, 1).DayNumber - start;
        double X(DateOnly date) => left + ((width - left - right) * (date.DayNumber - start) / span);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"timeline-chart\" viewBox=\"0 0 {Svg.N(width)} 86\" role=\"img\" aria-labelledby=\"{titleId}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<line class=\"axis\" x1=\"{Svg.N(left)}\" y1=\"{Svg.N(axisY)}\" x2=\"{Svg.N(width - right)}\" y2=\"{Svg.N(axisY)}\"/>");
        var step = Math.Max(1, (int)Math.Ceiling((last - first) / 10.0));
        for (var year = first; year <= last; year += step)
        {
            var x = X(new DateOnly(year, 1, 1));
            svg.Append($"<line class=\"tick\" x1=\"{Svg.N(x)}\" y1=\"{Svg.N(axisY - 4)}\" x2=\"{Svg.N(x)}\" y2=\"{Svg.N(axisY + 4)}\"/>");
            svg.Append($"<text class=\"year\" x=\"{Svg.N(x)}\" y=\"{Svg.N(axisY + 22)}\">{year}</text>");
        }
        foreach (var e in events)
        {
            // Month and year precision: the mark sits mid-period, drawn hollow to show the date is approximate.
            var date = e.OccurredOnPrecision switch
            {
                DatePrecision.Year => new DateOnly(e.OccurredOn.Year, 7, 1),
                DatePrecision.Month => new DateOnly(e.OccurredOn.Year, e.OccurredOn.Month, 15),
                _ => e.OccurredOn,
            };
            var kind = e.OccurredOnPrecision == DatePrecision.Day ? "event" : "event approximate";
            svg.Append($"<circle class=\"{kind}\" cx=\"{Svg.N(X(date))}\" cy=\"{Svg.N(axisY)}\" r=\"6\"><title>{Svg.Escape($"{Fr.Date(e.OccurredOn, e.OccurredOnPrecision)} : {e.Title}")}</title></circle>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
