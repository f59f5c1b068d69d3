using PdfSharp.Drawing;

namespace Vigie.Pdf;

internal abstract record DrawOp;

/// <summary>Text whose baseline is <see cref="Baseline"/> points below the unit's top.</summary>
internal sealed record TextOp(double X, double Baseline, Glyphs Glyphs) : DrawOp;

internal sealed record LineOp(double X1, double Y1, double X2, double Y2, double Thickness, XColor Color) : DrawOp;

internal sealed record FillOp(XRect Rect, XColor Color) : DrawOp;

internal sealed record ImageOp(XRect Rect, XImage Image) : DrawOp;

/// <summary>A vertical bar of a block quote; it also covers the gap above a unit once the quote has started.</summary>
internal sealed record QuoteBar(double X, bool CoversSpaceBefore);

/// <summary>
/// The smallest vertical piece the paginator moves: a line of text, a table row, an image, a rule.
/// Coordinates of <see cref="Ops"/> are relative to the content box's left edge and the unit's top.
/// </summary>
internal sealed class Unit
{
    public double Height { get; set; }
    public double SpaceBefore { get; set; }
    /// <summary>Must sit on the same page as the next unit (headings, orphan and widow lines, keep-together groups).</summary>
    public bool KeepWithNext { get; set; }
    public bool IsPageBreak { get; init; }
    /// <summary>Dropped when it would open a page (spacers).</summary>
    public bool Discardable { get; init; }
    public List<DrawOp> Ops { get; } = [];
    public IReadOnlyList<string> Anchors { get; set; } = [];
    public (int Level, string Title)? Outline { get; set; }
    public IReadOnlyList<QuoteBar> Bars { get; set; } = [];
    /// <summary>Table header rows drawn again at the top of each new page before this row.</summary>
    public IReadOnlyList<Unit>? RepeatedHeader { get; init; }
    /// <summary>For units taller than a page: a head fitting the given height and the rest, or null.</summary>
    public Func<double, (Unit Head, Unit Tail)?>? Split { get; init; }
}

internal sealed record PlacedUnit(Unit Unit, double Y, double SpaceAbove, bool Repeated);

/// <summary>Fills pages with units, honouring keep-with-next chains, repeated table headers and oversize rows.</summary>
internal static class Paginator
{
    const double Epsilon = 0.01;

    public static List<List<PlacedUnit>> Paginate(IReadOnlyList<Unit> units, double pageHeight)
    {
        var pages = new List<List<PlacedUnit>> { new() };
        double y = 0;
        var hasContent = false;
        var checkedUntil = -1;
        Unit? carried = null;

        void NewPage()
        {
            pages.Add([]);
            y = 0;
            hasContent = false;
        }

        var i = 0;
        while (i < units.Count)
        {
            var unit = carried ?? units[i];
            if (unit.IsPageBreak)
            {
                if (hasContent)
                    NewPage();
                i++;
                continue;
            }
            if (!hasContent && unit.Discardable)
            {
                i++;
                continue;
            }
            if (pages[^1].Count == 0 && unit.RepeatedHeader is { } header)
            {
                foreach (var h in header)
                {
                    pages[^1].Add(new PlacedUnit(h, y, 0, Repeated: true));
                    y += h.Height;
                }
            }

            var space = hasContent ? unit.SpaceBefore : 0;
            var fresh = pageHeight - HeaderHeight(unit);
            if (carried is null && i > checkedUntil)
            {
                var (end, chain) = Chain(units, i);
                if (hasContent && y + space + chain > pageHeight + Epsilon && chain <= fresh + Epsilon)
                {
                    NewPage();
                    continue;
                }
                checkedUntil = end;
            }

            if (y + space + unit.Height > pageHeight + Epsilon)
            {
                if (unit.Split is not null && unit.Height > fresh && unit.Split(pageHeight - y - space) is var (head, tail))
                {
                    pages[^1].Add(new PlacedUnit(head, y + space, space, Repeated: false));
                    carried = tail;
                    NewPage();
                    continue;
                }
                if (hasContent)
                {
                    NewPage();
                    continue;
                }
                // Taller than a page and not splittable: placed anyway, the page clips it.
            }

            pages[^1].Add(new PlacedUnit(unit, y + space, space, Repeated: false));
            y += space + unit.Height;
            hasContent = true;
            carried = null;
            i++;
        }
        return pages;
    }

    static double HeaderHeight(Unit unit) => unit.RepeatedHeader?.Sum(h => h.Height) ?? 0;

    /// <summary>Height of unit <paramref name="start"/> and the units it is kept with, without its own space before.</summary>
    static (int End, double Height) Chain(IReadOnlyList<Unit> units, int start)
    {
        var end = start;
        var height = units[start].Height;
        while (units[end].KeepWithNext && end + 1 < units.Count && !units[end + 1].IsPageBreak)
        {
            end++;
            height += units[end].SpaceBefore + units[end].Height;
        }
        return (end, height);
    }
}
