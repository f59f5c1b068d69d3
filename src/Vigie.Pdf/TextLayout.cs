using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Events;
using PdfSharp.Pdf;

namespace Vigie.Pdf;

internal readonly record struct FontKey(string Family, double Size, bool Bold, bool Italic)
{
    public static FontKey Of(TextStyle s) => new(s.Family, s.Size, s.Bold, s.Italic);
}

/// <summary>
/// Measures text with PDFsharp's own metrics, so what the layout measures is what the renderer draws.
/// One instance per render (XGraphics is not shared across threads); word widths are cached process-wide.
/// </summary>
internal sealed class TextMeasurer : IDisposable
{
    static readonly XPdfFontOptions UnicodeOptions = new(PdfFontEncoding.Unicode);
    // Font → word → width, shared by all renders; a font's table stops growing at MaxCachedWords.
    static readonly ConcurrentDictionary<FontKey, WidthTable> WordWidths = new();
    const int MaxCachedWords = 50_000;
    const int MaxCachedLength = 48;

    readonly XGraphics _gfx;
    readonly Dictionary<FontKey, (XFont Font, WidthTable Widths)> _fonts = [];
    TextStyle? _lastStyle;
    (XFont Font, WidthTable Widths) _last;

    public TextMeasurer()
    {
        if (PdfFonts.LoadedFolder is null)
            PdfFonts.EnsureFonts();
        _gfx = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards, new RenderEvents());
    }

    public XFont Font(TextStyle style) => Lookup(style).Font;

    (XFont Font, WidthTable Widths) Lookup(TextStyle style)
    {
        // Consecutive calls nearly always ask for the same style: skip the dictionary then.
        if (ReferenceEquals(style, _lastStyle))
            return _last;
        var key = FontKey.Of(style);
        if (!_fonts.TryGetValue(key, out var entry))
        {
            var flags = (style.Bold, style.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            entry = (new XFont(style.Family, style.Size, flags, UnicodeOptions), WordWidths.GetOrAdd(key, _ => new()));
            _fonts[key] = entry;
        }
        (_lastStyle, _last) = (style, entry);
        return entry;
    }

    public double Width(string text, TextStyle style)
    {
        if (text.Length == 0)
            return 0;
        var (font, widths) = Lookup(style);
        if (text.Length > MaxCachedLength)
            return _gfx.MeasureString(text, font).Width;
        if (widths.Map.TryGetValue(text, out var width))
            return width;
        width = _gfx.MeasureString(text, font).Width;
        // ConcurrentDictionary.Count takes every lock: keep an approximate count instead.
        if (Volatile.Read(ref widths.Count) < MaxCachedWords && widths.Map.TryAdd(text, width))
            Interlocked.Increment(ref widths.Count);
        return width;
    }

    sealed class WidthTable
    {
        public ConcurrentDictionary<string, double> Map { get; } = new();
        public int Count; // a field, so Interlocked can update it
    }

    public double Ascent(TextStyle style)
    {
        var metrics = Font(style).Metrics;
        return metrics.Ascent * style.Size / metrics.UnitsPerEm;
    }

    public double Descent(TextStyle style)
    {
        var metrics = Font(style).Metrics;
        return Math.Abs(metrics.Descent) * style.Size / metrics.UnitsPerEm;
    }

    /// <summary>The longest prefix of <paramref name="text"/> no wider than <paramref name="width"/>, by binary search.</summary>
    public int FittingPrefix(string text, TextStyle style, double width)
    {
        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Width(text[..mid], style) <= width)
                low = mid;
            else
                high = mid - 1;
        }
        if (low > 0 && low < text.Length && char.IsHighSurrogate(text[low - 1]))
            low--;
        return low;
    }

    /// <summary>Cuts <paramref name="text"/> with an ellipsis so it fits <paramref name="width"/>.</summary>
    public string Ellipsize(string text, TextStyle style, double width)
    {
        if (Width(text, style) <= width)
            return text;
        var fit = FittingPrefix(text, style, width - Width("…", style));
        return text[..fit].TrimEnd() + "…";
    }

    public void Dispose() => _gfx.Dispose();
}

/// <summary>Text drawn at <see cref="X"/> (from the line's left edge) in one style.</summary>
internal sealed record Glyphs(double X, double Width, string Text, TextStyle Style, string? Uri, string? AnchorLink);

internal sealed record TextLine(IReadOnlyList<Glyphs> Items, double Height, double Baseline);

/// <summary>
/// Greedy line breaking on spaces. U+00A0 and U+202F do not break (French spacing). A word wider than the line is
/// cut at the character, after a URL separator when one is close enough to the cut.
/// </summary>
internal static class LineBreaker
{
    const string UrlBreakAfter = "/.-?&=_#;,:";

    readonly record struct Piece(string Text, TextStyle Style, Run Run, double Width);

    /// <summary>Pieces [Start, Start + Count) of the paragraph's piece list, with no break opportunity inside.</summary>
    readonly record struct Word(int Start, int Count, double Width, bool SpaceAfter, bool BreakAfter);

    /// <summary>One paragraph being broken: its pieces, words and the lines made so far.</summary>
    sealed class State(TextStyle paragraph, double width, TextAlign align, TextMeasurer measurer)
    {
        public List<Piece> Pieces { get; } = [];
        public List<TextLine> Lines { get; } = [];
        public List<Word> Line { get; } = [];
        public TextMeasurer Measurer => measurer;
        public double X { get; set; }

        public string Text(Word word) =>
            word.Count == 1 ? Pieces[word.Start].Text : string.Concat(Enumerable.Range(word.Start, word.Count).Select(i => Pieces[i].Text));

        public double SpaceWidth(Word word) => measurer.Width(" ", Pieces[word.Start + word.Count - 1].Style);

        public void Finish(bool last)
        {
            // The last line of a justified paragraph, or one ended by a hard break, is not stretched.
            Lines.Add(Compose(this, paragraph, width, last && align == TextAlign.Justify ? TextAlign.Left : align));
            Line.Clear();
            X = 0;
        }
    }

    public static List<TextLine> Break(IReadOnlyList<Run> runs, TextStyle paragraph, double width, TextAlign align, TextMeasurer measurer)
    {
        var state = new State(paragraph, width, align, measurer);
        var words = Words(runs, paragraph, state);
        var line = state.Line;

        // Cutting a word puts its tail back at index i, so the loop advances only when a word is placed whole.
        for (var i = 0; i < words.Count;)
        {
            var word = words[i];
            var space = line.Count == 0 ? 0 : state.SpaceWidth(line[^1]);
            var available = width - state.X - space;
            if (word.Width <= available)
            {
                line.Add(word);
                state.X += space + word.Width;
                if (word.BreakAfter)
                    state.Finish(last: true);
                i++;
                continue;
            }

            var urlLike = IsUrlLike(state.Text(word));
            if (line.Count > 0 && (word.Width <= width && !urlLike || available < Math.Min(width * 0.2, 40)))
            {
                state.Finish(last: false);
                continue;
            }

            if (Cut(state, word, line.Count == 0 ? width : available, urlLike && word.Width <= width) is not var (head, tail))
            {
                if (line.Count == 0)
                {
                    // Not even one character fits the column: let it overflow rather than loop.
                    line.Add(word);
                    i++;
                }
                state.Finish(last: false);
                continue;
            }
            line.Add(head);
            state.Finish(last: false);
            words[i] = tail;
        }
        if (line.Count > 0)
            state.Finish(last: true);
        return state.Lines;
    }

    static bool IsUrlLike(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.StartsWith("www.", StringComparison.Ordinal) || (text.Length > 30 && text.Contains('/', StringComparison.Ordinal));

    static List<Word> Words(IReadOnlyList<Run> runs, TextStyle paragraph, State state)
    {
        var pieces = state.Pieces;
        var words = new List<Word>();
        var start = 0;
        double width = 0;

        void Close(bool hardBreak)
        {
            if (pieces.Count > start)
                words.Add(new Word(start, pieces.Count - start, width, SpaceAfter: true, hardBreak));
            else if (hardBreak && words.Count > 0)
                words[^1] = words[^1] with { BreakAfter = true };
            start = pieces.Count;
            width = 0;
        }

        foreach (var run in runs)
        {
            var style = Typography.ForRun(paragraph, run);
            var text = run.Text;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    Close(hardBreak: c == '\n');
                    i++;
                    continue;
                }
                var end = i;
                while (end < text.Length && text[end] is not (' ' or '\t' or '\r' or '\n'))
                    end++;
                var piece = i == 0 && end == text.Length ? text : text[i..end];
                var w = state.Measurer.Width(piece, style);
                pieces.Add(new Piece(piece, style, run, w));
                width += w;
                i = end;
            }
        }
        if (pieces.Count > start)
            words.Add(new Word(start, pieces.Count - start, width, SpaceAfter: false, BreakAfter: false));
        return words;
    }

    /// <summary>Splits a word so its head fits in <paramref name="available"/>; null when not even one character fits.</summary>
    static (Word Head, Word Tail)? Cut(State state, Word word, double available, bool onlyAtSeparator)
    {
        var pieces = state.Pieces;
        var measurer = state.Measurer;
        var text = state.Text(word);
        var fit = 0;
        double before = 0;
        for (var p = word.Start; p < word.Start + word.Count; p++)
        {
            var piece = pieces[p];
            if (before + piece.Width <= available)
            {
                fit += piece.Text.Length;
                before += piece.Width;
                continue;
            }
            fit += measurer.FittingPrefix(piece.Text, piece.Style, available - before);
            break;
        }

        var separator = -1;
        for (var i = fit; i > 0; i--)
        {
            if (UrlBreakAfter.Contains(text[i - 1], StringComparison.Ordinal) && i < text.Length)
            {
                separator = i;
                break;
            }
        }
        if (onlyAtSeparator)
        {
            if (separator < Math.Max(8, fit / 3))
                return null;
            fit = separator;
        }
        else if (separator >= fit * 0.6)
        {
            fit = separator;
        }
        if (fit >= text.Length)
            fit = text.Length - 1;
        if (fit <= 0)
            return null;

        // Head and tail are new pieces at the end of the list; the cut word's own pieces are left unused.
        var headStart = pieces.Count;
        double headWidth = 0;
        var position = 0;
        for (var p = word.Start; p < word.Start + word.Count && position < fit; p++)
        {
            var piece = pieces[p];
            var take = Math.Min(piece.Text.Length, fit - position);
            var part = take == piece.Text.Length ? piece : piece with { Text = piece.Text[..take], Width = measurer.Width(piece.Text[..take], piece.Style) };
            pieces.Add(part);
            headWidth += part.Width;
            position += piece.Text.Length;
        }
        var tailStart = pieces.Count;
        double tailWidth = 0;
        position = 0;
        for (var p = word.Start; p < word.Start + word.Count; p++)
        {
            var piece = pieces[p];
            var end = position + piece.Text.Length;
            if (end > fit)
            {
                var skip = Math.Max(0, fit - position);
                var part = skip == 0 ? piece : piece with { Text = piece.Text[skip..], Width = measurer.Width(piece.Text[skip..], piece.Style) };
                pieces.Add(part);
                tailWidth += part.Width;
            }
            position = end;
        }
        return (new Word(headStart, tailStart - headStart, headWidth, SpaceAfter: false, BreakAfter: false),
                new Word(tailStart, pieces.Count - tailStart, tailWidth, word.SpaceAfter, word.BreakAfter));
    }

    /// <summary>Positions the pieces of a line; runs of the same style that touch become one string, so one text operator.</summary>
    static TextLine Compose(State state, TextStyle paragraph, double width, TextAlign align)
    {
        var words = state.Line;
        var pieces = state.Pieces;
        double natural = 0;
        for (var i = 0; i < words.Count; i++)
            natural += words[i].Width + (i < words.Count - 1 ? state.SpaceWidth(words[i]) : 0);

        var gaps = words.Count - 1;
        var extra = align == TextAlign.Justify && gaps > 0 ? Math.Max(0, (width - natural) / gaps) : 0;
        var x = align switch
        {
            TextAlign.Center => Math.Max(0, (width - natural) / 2),
            TextAlign.Right => Math.Max(0, width - natural),
            _ => 0,
        };

        var items = new List<Glyphs>();
        var text = new StringBuilder();
        Piece? current = null;
        double segmentX = 0, segmentWidth = 0;

        void Flush()
        {
            if (current is { } c && text.Length > 0)
                items.Add(new Glyphs(segmentX, segmentWidth, text.ToString(), c.Style, c.Run.Uri, c.Run.AnchorLink));
            text.Clear();
            current = null;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            for (var p = word.Start; p < word.Start + word.Count; p++)
            {
                var piece = pieces[p];
                var touches = current is { } c && Math.Abs(segmentX + segmentWidth - x) < 0.001 && c.Style == piece.Style
                    && c.Run.Uri == piece.Run.Uri && c.Run.AnchorLink == piece.Run.AnchorLink;
                if (!touches)
                {
                    Flush();
                    (current, segmentX, segmentWidth) = (piece, x, 0);
                }
                text.Append(piece.Text);
                segmentWidth += piece.Width;
                x += piece.Width;
            }
            // Spaces are drawn as real glyphs, even at the end of a line, so text extraction sees word boundaries.
            if (i < words.Count - 1 || word.SpaceAfter)
            {
                var space = state.SpaceWidth(word);
                text.Append(' ');
                segmentWidth += space;
                x += space;
            }
            if (i < words.Count - 1)
                x += extra;
        }
        Flush();
        return Metrics(items, paragraph, state.Measurer);
    }

    static TextLine Metrics(List<Glyphs> items, TextStyle paragraph, TextMeasurer measurer)
    {
        double height = paragraph.LineHeight, ascent = measurer.Ascent(paragraph), descent = measurer.Descent(paragraph);
        foreach (var item in items)
        {
            if (item.Style.Rise > 0 || item.Style == paragraph)
                continue;
            height = Math.Max(height, item.Style.LineHeight);
            ascent = Math.Max(ascent, measurer.Ascent(item.Style));
            descent = Math.Max(descent, measurer.Descent(item.Style));
        }
        return new TextLine(items, height, (height - ascent - descent) / 2 + ascent);
    }

    /// <summary>Monospaced lines kept as written; a line wider than the column continues on the next line.</summary>
    public static List<TextLine> BreakPreformatted(string text, TextStyle style, double width, TextMeasurer measurer)
    {
        var lines = new List<TextLine>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            var rest = raw.Replace("\t", "    ", StringComparison.Ordinal);
            do
            {
                var fit = Math.Max(1, measurer.FittingPrefix(rest, style, width));
                var part = rest[..Math.Min(fit, rest.Length)];
                rest = rest[part.Length..];
                var items = part.Length == 0 ? [] : new List<Glyphs> { new(0, measurer.Width(part, style), part, style, null, null) };
                lines.Add(Metrics(items, style, measurer));
            }
            while (rest.Length > 0);
        }
        return lines;
    }
}
