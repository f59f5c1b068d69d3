using PdfSharp.Drawing;

namespace Vigie.Pdf;

/// <summary>
/// Turns blocks into units, one small Compose method per kind of block. A <see cref="Frame"/> is the column a block
/// is laid out in: lists and quotes narrow it for their children.
/// </summary>
internal sealed class BlockComposer(TextMeasurer measurer, double pageHeight)
{
    sealed record Frame(double X, double Width, TextStyle Body, int ListDepth, IReadOnlyList<OpenBar> Bars);

    sealed class OpenBar(double x)
    {
        public double X { get; } = x;
        public bool Started { get; set; }
    }

    readonly List<Unit> _units = [];
    readonly List<string> _pendingAnchors = [];

    public List<XImage> Images { get; } = [];

    public List<Unit> Compose(IReadOnlyList<ContentBlock> blocks, double width)
    {
        ComposeBlocks(blocks, new Frame(0, width, Typography.Body, 0, []), firstSpace: null);
        if (_pendingAnchors.Count > 0)
            Emit(new Unit(), null);
        return _units;
    }

    void ComposeBlocks(IReadOnlyList<ContentBlock> blocks, Frame frame, double? firstSpace, double? nextSpace = null)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var space = i == 0 ? firstSpace ?? SpaceBefore(block) : nextSpace ?? SpaceBefore(block);
            switch (block)
            {
                case Heading h: ComposeHeading(h, frame, space); break;
                case Paragraph p: ComposeParagraph(p, frame, space); break;
                case ItemList l: ComposeList(l, frame, space); break;
                case TableBlock t: ComposeTable(t, frame, space); break;
                case BlockQuote q: ComposeQuote(q, frame, space); break;
                case Preformatted c: ComposePreformatted(c, frame, space); break;
                case HorizontalRule r: ComposeRule(r, frame, space); break;
                case ImageBlock img: ComposeImage(img, frame, space); break;
                case KeepTogether k: ComposeKeepTogether(k, frame, space); break;
                case PageBreak: _units.Add(new Unit { IsPageBreak = true }); break;
                case Spacer s: Emit(new Unit { Height = s.Height, Discardable = true }, frame); break;
                case Anchor a: _pendingAnchors.Add(a.Name); break;
                default: throw new NotSupportedException($"Unknown block {block.GetType().Name}.");
            }
        }
    }

    static double SpaceBefore(ContentBlock block) => block switch
    {
        Heading h => Typography.HeadingSpaceBefore(h.Level),
        HorizontalRule => 2,
        KeepTogether { Blocks.Count: > 0 } k => SpaceBefore(k.Blocks[0]),
        _ => Typography.ParagraphSpacing,
    };

    void Emit(Unit unit, Frame? frame)
    {
        if (_pendingAnchors.Count > 0)
        {
            unit.Anchors = [.. _pendingAnchors];
            _pendingAnchors.Clear();
        }
        if (frame is { Bars.Count: > 0 })
        {
            unit.Bars = [.. frame.Bars.Select(b => new QuoteBar(b.X, b.Started))];
            foreach (var bar in frame.Bars)
                bar.Started = true;
        }
        _units.Add(unit);
    }

    void ComposeHeading(Heading heading, Frame frame, double space)
    {
        var lines = LineBreaker.Break(heading.Runs, Typography.Heading(heading.Level), frame.Width, TextAlign.Left, measurer);
        if (heading.Anchor is not null)
            _pendingAnchors.Add(heading.Anchor);
        var units = ComposeLines(lines, frame, space, frame.X);
        if (units.Count == 0)
            return;
        units[0].Outline = (heading.Level, heading.PlainText.Trim());
        units[^1].Height += Typography.HeadingSpaceAfter;
        foreach (var unit in units)
            unit.KeepWithNext = true;
    }

    void ComposeParagraph(Paragraph paragraph, Frame frame, double space)
    {
        var style = paragraph.Style ?? frame.Body;
        var lines = LineBreaker.Break(paragraph.Runs, style, frame.Width, paragraph.Align, measurer);
        KeepWidowsAndOrphans(ComposeLines(lines, frame, space, frame.X));
    }

    // The first line is not left alone at the bottom of a page, nor the last one alone at the top of the next.
    static void KeepWidowsAndOrphans(List<Unit> lines)
    {
        if (lines.Count < 2)
            return;
        lines[0].KeepWithNext = true;
        lines[^2].KeepWithNext = true;
    }

    List<Unit> ComposeLines(IReadOnlyList<TextLine> lines, Frame frame, double space, double x)
    {
        var units = new List<Unit>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var unit = new Unit { Height = lines[i].Height, SpaceBefore = i == 0 ? space : 0 };
            AddText(unit, lines[i], x, 0);
            Emit(unit, frame);
            units.Add(unit);
        }
        return units;
    }

    static void AddText(Unit unit, TextLine line, double x, double top)
    {
        foreach (var glyphs in line.Items)
            unit.Ops.Add(new TextOp(x + glyphs.X, top + line.Baseline - glyphs.Style.Rise, glyphs));
    }

    void ComposeList(ItemList list, Frame frame, double space)
    {
        if (list.Items.Count == 0)
            return;
        var markerStyle = frame.Body with { Italic = false };
        var markers = list.Items.Select((_, k) => list.Ordered ? $"{list.Start + k}." : Bullet(frame.ListDepth)).ToList();
        var indent = Math.Max(Typography.ListIndent, markers.Max(m => measurer.Width(m, markerStyle)) + 6);
        var inner = frame with { X = frame.X + indent, Width = frame.Width - indent, ListDepth = frame.ListDepth + 1 };

        for (var k = 0; k < list.Items.Count; k++)
        {
            var first = _units.Count;
            ComposeBlocks(list.Items[k].Blocks, inner, k == 0 ? space : Typography.ListItemSpacing, Typography.ListItemSpacing);
            if (first >= _units.Count)
                continue;
            var unit = _units[first];
            var baseline = unit.Ops.OfType<TextOp>().Select(t => t.Baseline + t.Glyphs.Style.Rise).DefaultIfEmpty(markerStyle.Size).First();
            var width = measurer.Width(markers[k], markerStyle);
            // First in the content stream, with its space, so extracted text reads "• Premier point".
            unit.Ops.Insert(0, new TextOp(inner.X - 5 - width, baseline, new Glyphs(0, width, markers[k] + " ", markerStyle, null, null)));
        }
    }

    static string Bullet(int depth) => (depth % 3) switch { 0 => "•", 1 => "–", _ => "◦" };

    void ComposeQuote(BlockQuote quote, Frame frame, double space)
    {
        var bar = new OpenBar(frame.X + Typography.QuoteBarWidth / 2 + 1);
        var inner = frame with
        {
            X = frame.X + Typography.QuoteIndent,
            Width = frame.Width - Typography.QuoteIndent,
            Body = Typography.Quote,
            Bars = [.. frame.Bars, bar],
        };
        ComposeBlocks(quote.Blocks, inner, space);
    }

    void ComposePreformatted(Preformatted code, Frame frame, double space)
    {
        var pad = Typography.CodePadding;
        var lines = LineBreaker.BreakPreformatted(code.Text, Typography.Code, frame.Width - 2 * pad, measurer);
        var units = new List<Unit>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var top = i == 0 ? pad : 0;
            var unit = new Unit { Height = lines[i].Height + top + (i == lines.Count - 1 ? pad : 0), SpaceBefore = i == 0 ? space : 0 };
            // Slight overlap so consecutive fills print as one box.
            unit.Ops.Add(new FillOp(new XRect(frame.X, 0, frame.Width, unit.Height + 0.4), Typography.CodeFill));
            AddText(unit, lines[i], frame.X + pad, top);
            Emit(unit, frame);
            units.Add(unit);
        }
        KeepWidowsAndOrphans(units);
    }

    void ComposeRule(HorizontalRule rule, Frame frame, double space)
    {
        var unit = new Unit { Height = Typography.RuleHeight, SpaceBefore = space };
        var y = Typography.RuleHeight / 2;
        unit.Ops.Add(new LineOp(frame.X, y, frame.X + frame.Width * Math.Clamp(rule.Fraction, 0, 1), y, 0.6, Typography.RuleColor));
        Emit(unit, frame);
    }

    void ComposeImage(ImageBlock block, Frame frame, double space)
    {
        XImage image;
        try
        {
            image = XImage.FromStream(new MemoryStream(block.Data, writable: false));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ComposeParagraph(new Paragraph(Run.Italic("[image illisible]")) { Style = Typography.Caption }, frame, space);
            return;
        }
        Images.Add(image);

        var width = Math.Min(Math.Min(image.PointWidth, block.MaxWidth ?? frame.Width), frame.Width);
        var height = width * image.PointHeight / Math.Max(1, image.PointWidth);
        var maxHeight = pageHeight * 0.85;
        if (height > maxHeight)
            (width, height) = (width * maxHeight / height, maxHeight);

        var unit = new Unit { Height = height, SpaceBefore = space };
        unit.Ops.Add(new ImageOp(new XRect(frame.X + (frame.Width - width) / 2, 0, width, height), image));
        Emit(unit, frame);

        if (!string.IsNullOrWhiteSpace(block.Caption))
        {
            unit.KeepWithNext = true;
            ComposeParagraph(new Paragraph(block.Caption) { Style = Typography.Caption, Align = TextAlign.Center }, frame, 3);
        }
    }

    void ComposeKeepTogether(KeepTogether group, Frame frame, double space)
    {
        var first = _units.Count;
        ComposeBlocks(group.Blocks, frame, space);
        for (var i = first; i < _units.Count - 1; i++)
            _units[i].KeepWithNext = true;
    }

    void ComposeTable(TableBlock table, Frame frame, double space)
    {
        if (table.Rows.Count == 0 || table.Columns.Count == 0)
            return;
        var widths = TableColumns.Widths(table, frame.Width, measurer);
        var headerRows = Math.Clamp(table.HeaderRows, 0, table.Rows.Count);
        var header = new List<Unit>();

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var isHeader = r < headerRows;
            var style = isHeader ? Typography.TableHeader : Typography.TableText;
            var cells = new List<IReadOnlyList<TextLine>>(widths.Length);
            for (var c = 0; c < widths.Length; c++)
            {
                var cell = c < table.Rows[r].Count ? table.Rows[r][c] : new TableCell("");
                cells.Add(LineBreaker.Break(cell.Runs, style, widths[c] - 2 * Typography.CellPaddingX, cell.Align, measurer));
            }

            var row = new TableRowLayout(frame.X, widths, cells, style, isHeader ? null : header, isHeader && r == headerRows - 1);
            var unit = row.ToUnit(r == 0 ? space : 0);
            if (isHeader)
            {
                unit.KeepWithNext = true;
                header.Add(unit);
            }
            Emit(unit, frame);
        }
    }
}

/// <summary>One table row as lines per cell; a row taller than a page is cut between lines.</summary>
internal sealed record TableRowLayout(
    double X, double[] Widths, IReadOnlyList<IReadOnlyList<TextLine>> Cells, TextStyle Style, IReadOnlyList<Unit>? Header, bool LastHeader)
{
    bool IsHeader => Header is null;

    double ContentHeight => Cells.Max(lines => lines.Count == 0 ? Style.LineHeight : lines.Sum(l => l.Height));

    public Unit ToUnit(double space)
    {
        var height = ContentHeight + 2 * Typography.CellPaddingY;
        var unit = new Unit
        {
            Height = height,
            SpaceBefore = space,
            RepeatedHeader = Header is { Count: > 0 } ? Header : null,
            Split = IsHeader ? null : SplitAt,
        };
        var tableWidth = Widths.Sum();
        if (IsHeader)
            unit.Ops.Add(new FillOp(new XRect(X, 0, tableWidth, height), Typography.TableHeaderFill));

        var x = X;
        for (var c = 0; c < Widths.Length; c++)
        {
            var y = Typography.CellPaddingY;
            foreach (var line in Cells[c])
            {
                foreach (var glyphs in line.Items)
                    unit.Ops.Add(new TextOp(x + Typography.CellPaddingX + glyphs.X, y + line.Baseline - glyphs.Style.Rise, glyphs));
                y += line.Height;
            }
            x += Widths[c];
        }

        var (thickness, color) = LastHeader ? (0.8, Typography.TableHeaderLine) : (0.4, Typography.TableLine);
        unit.Ops.Add(new LineOp(X, height, X + tableWidth, height, thickness, color));
        return unit;
    }

    (Unit Head, Unit Tail)? SplitAt(double available)
    {
        var inner = available - 2 * Typography.CellPaddingY;
        var heads = new List<IReadOnlyList<TextLine>>();
        var tails = new List<IReadOnlyList<TextLine>>();
        var any = false;
        foreach (var lines in Cells)
        {
            double used = 0;
            var n = 0;
            while (n < lines.Count && used + lines[n].Height <= inner)
                used += lines[n++].Height;
            any |= n > 0;
            heads.Add([.. lines.Take(n)]);
            tails.Add([.. lines.Skip(n)]);
        }
        if (!any)
            return null;
        var head = this with { Cells = heads };
        var tail = this with { Cells = tails };
        return (head.ToUnit(0), tail.ToUnit(0));
    }
}

/// <summary>Column widths: fixed first, then content-sized (auto) columns, then shares of what is left.</summary>
internal static class TableColumns
{
    const double MinWidth = 2 * Typography.CellPaddingX + 12;

    public static double[] Widths(TableBlock table, double available, TextMeasurer measurer)
    {
        var columns = table.Columns;
        var widths = new double[columns.Count];
        var free = available - columns.Where(c => c.Kind == ColumnWidthKind.Fixed).Sum(c => c.Value);
        var relative = columns.Where(c => c.Kind == ColumnWidthKind.Relative).Sum(c => c.Value);

        var auto = Enumerable.Range(0, columns.Count).Where(i => columns[i].Kind == ColumnWidthKind.Auto).ToList();
        if (auto.Count > 0)
        {
            var budget = relative > 0 ? free / 2 : free;
            var natural = new double[auto.Count];
            var minimum = new double[auto.Count];
            for (var a = 0; a < auto.Count; a++)
                (natural[a], minimum[a]) = Measure(table, auto[a], budget, measurer);
            var given = Distribute(natural, minimum, budget, expand: relative <= 0);
            for (var a = 0; a < auto.Count; a++)
                widths[auto[a]] = given[a];
            free -= given.Sum();
        }

        for (var i = 0; i < columns.Count; i++)
        {
            widths[i] = columns[i].Kind switch
            {
                ColumnWidthKind.Fixed => columns[i].Value,
                ColumnWidthKind.Relative => relative > 0 ? Math.Max(0, free) * columns[i].Value / relative : 0,
                _ => widths[i],
            };
            widths[i] = Math.Max(widths[i], MinWidth);
        }

        // Never wider than the column the table sits in.
        var total = widths.Sum();
        if (total > available)
            for (var i = 0; i < widths.Length; i++)
                widths[i] *= available / total;
        return widths;
    }

    static (double Natural, double Minimum) Measure(TableBlock table, int column, double budget, TextMeasurer measurer)
    {
        double natural = 0, minimum = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (column >= table.Rows[r].Count)
                continue;
            var style = r < table.HeaderRows ? Typography.TableHeader : Typography.TableText;
            double line = 0;
            foreach (var run in table.Rows[r][column].Runs)
            {
                var runStyle = Typography.ForRun(style, run);
                foreach (var word in run.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var w = measurer.Width(word, runStyle);
                    minimum = Math.Max(minimum, Math.Min(w, budget * 0.4));
                    line += w + measurer.Width(" ", runStyle);
                }
            }
            natural = Math.Max(natural, line);
        }
        var pad = 2 * Typography.CellPaddingX + 1;
        return (natural + pad, minimum + pad);
    }

    static double[] Distribute(double[] natural, double[] minimum, double budget, bool expand)
    {
        var sumNatural = natural.Sum();
        if (sumNatural <= budget)
        {
            if (!expand || sumNatural <= 0)
                return natural;
            return [.. natural.Select(n => n + (budget - sumNatural) * n / sumNatural)];
        }
        var sumMinimum = minimum.Sum();
        if (sumMinimum >= budget)
            return [.. minimum.Select(m => m * budget / sumMinimum)];
        var slack = natural.Select((n, i) => n - minimum[i]).ToArray();
        var sumSlack = slack.Sum();
        return [.. minimum.Select((m, i) => m + (budget - sumMinimum) * slack[i] / sumSlack)];
    }
}
