using System.Collections.Concurrent;
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

    sealed record Piece(string Text, TextStyle Style, Run Run, double Width);

    sealed class Word
    {
        public List<Piece> Pieces { get; } = [];
        public double Width { get; set; }
        public bool SpaceAfter { get; set; }
        public bool BreakAfter { get; set; }
        public string Text => string.Concat(Pieces.Select(p => p.Text));
    }

    public static List<TextLine> Break(IReadOnlyList<Run> runs, TextStyle paragraph, double width, TextAlign align, TextMeasurer measurer)
    {
        var words = Words(runs, paragraph, measurer);
        var lines = new List<TextLine>();
        var line = new List<Word>();
        double x = 0;

        void Finish(bool last)
        {
            // The last line of a justified paragraph, or one ended by a hard break, is not stretched.
            lines.Add(Compose(line, paragraph, width, last && align == TextAlign.Justify ? TextAlign.Left : align, measurer));
            line = [];
            x = 0;
        }

        // Cutting a word puts its tail back at index i, so the loop advances only when a word is placed whole.
        for (var i = 0; i < words.Count;)
        {
            var word = words[i];
            var space = line.Count == 0 ? 0 : SpaceWidth(line[^1], measurer);
            var available = width - x - space;
            if (word.Width <= available)
            {
                line.Add(word);
                x += space + word.Width;
                if (word.BreakAfter)
                    Finish(last: true);
                i++;
                continue;
            }

            var urlLike = IsUrlLike(word.Text);
            if (line.Count > 0 && (word.Width <= width && !urlLike || available < Math.Min(width * 0.2, 40)))
            {
                Finish(last: false);
                continue;
            }

            if (Cut(word, line.Count == 0 ? width : available, urlLike && word.Width <= width, measurer) is not var (head, tail))
            {
                if (line.Count == 0)
                {
                    // Not even one character fits the column: let it overflow rather than loop.
                    line.Add(word);
                    i++;
                }
                Finish(last: false);
                continue;
            }
            line.Add(head);
            Finish(last: false);
            words[i] = tail;
        }
        if (line.Count > 0)
            Finish(last: true);
        return lines;
    }

    static bool IsUrlLike(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.StartsWith("www.", StringComparison.Ordinal) || (text.Length > 30 && text.Contains('/', StringComparison.Ordinal));

    static double SpaceWidth(Word word, TextMeasurer measurer) => measurer.Width(" ", word.Pieces[^1].Style);

    static List<Word> Words(IReadOnlyList<Run> runs, TextStyle paragraph, TextMeasurer measurer)
    {
        var words = new List<Word>();
        Word? current = null;

        void Close(bool space, bool hardBreak)
        {
            if (current is null)
            {
                if (hardBreak && words.Count > 0)
                    words[^1].BreakAfter = true;
                return;
            }
            current.SpaceAfter = space;
            current.BreakAfter = hardBreak;
            words.Add(current);
            current = null;
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
                    Close(space: true, hardBreak: c == '\n');
                    i++;
                    continue;
                }
                var end = i;
                while (end < text.Length && text[end] is not (' ' or '\t' or '\r' or '\n'))
                    end++;
                var piece = text[i..end];
                current ??= new Word();
                var w = measurer.Width(piece, style);
                current.Pieces.Add(new Piece(piece, style, run, w));
                current.Width += w;
                i = end;
            }
        }
        Close(space: false, hardBreak: false);
        return words;
    }

    /// <summary>Splits a word so its head fits in <paramref name="available"/>; null when not even one character fits.</summary>
    static (Word Head, Word Tail)? Cut(Word word, double available, bool onlyAtSeparator, TextMeasurer measurer)
    {
        var text = word.Text;
        var fit = 0;
        double before = 0;
        foreach (var piece in word.Pieces)
        {
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

        var head = new Word();
        var tail = new Word { SpaceAfter = word.SpaceAfter, BreakAfter = word.BreakAfter };
        var position = 0;
        foreach (var piece in word.Pieces)
        {
            var start = position;
            position += piece.Text.Length;
            if (position <= fit)
                Add(head, piece);
            else if (start >= fit)
                Add(tail, piece);
            else
            {
                var split = fit - start;
                Add(head, piece with { Text = piece.Text[..split], Width = measurer.Width(piece.Text[..split], piece.Style) });
                Add(tail, piece with { Text = piece.Text[split..], Width = measurer.Width(piece.Text[split..], piece.Style) });
            }
        }
        return (head, tail);

        static void Add(Word w, Piece p)
        {
            w.Pieces.Add(p);
            w.Width += p.Width;
        }
    }

    static TextLine Compose(List<Word> words, TextStyle paragraph, double width, TextAlign align, TextMeasurer measurer)
    {
        double natural = 0;
        for (var i = 0; i < words.Count; i++)
            natural += words[i].Width + (i < words.Count - 1 ? SpaceWidth(words[i], measurer) : 0);

        var gaps = words.Count - 1;
        var extra = align == TextAlign.Justify && gaps > 0 ? Math.Max(0, (width - natural) / gaps) : 0;
        var x = align switch
        {
            TextAlign.Center => Math.Max(0, (width - natural) / 2),
            TextAlign.Right => Math.Max(0, width - natural),
            _ => 0,
        };

        var items = new List<Glyphs>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            for (var p = 0; p < word.Pieces.Count; p++)
            {
                var piece = word.Pieces[p];
                var text = piece.Text;
                var w = piece.Width;
                // Spaces are drawn as real glyphs, even at the end of a line, so text extraction sees word boundaries.
                if (p == word.Pieces.Count - 1 && (i < words.Count - 1 || word.SpaceAfter))
                {
                    text += " ";
                    w += SpaceWidth(word, measurer);
                }
                var glyphs = new Glyphs(x, w, text, piece.Style, piece.Run.Uri, piece.Run.AnchorLink);
                if (items.Count > 0 && items[^1] is var previous && CanMerge(previous, glyphs))
                    items[^1] = previous with { Text = previous.Text + text, Width = previous.Width + w };
                else
                    items.Add(glyphs);
                x += w;
            }
            if (i < words.Count - 1)
                x += extra;
        }
        return Metrics(items, paragraph, measurer);
    }

    static bool CanMerge(Glyphs a, Glyphs b) =>
        Math.Abs(a.X + a.Width - b.X) < 0.001 && a.Style == b.Style && a.Uri == b.Uri && a.AnchorLink == b.AnchorLink;

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
