using System.Globalization;
using System.IO.Compression;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using static Vigie.Pdf.Typography;

namespace Vigie.Pdf;

public sealed record RenderOptions
{
    /// <summary>Null: <see cref="PdfFonts.DefaultFolder"/>.</summary>
    public string? FontFolder { get; init; }
    public long MaxAppendixBytes { get; init; } = 100L * 1024 * 1024;
    public int MaxAppendixPages { get; init; } = 2000;
    /// <summary>Appendices still waiting when this much time has gone by are skipped (with a reason).</summary>
    public TimeSpan AppendixTimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    public static RenderOptions Default { get; } = new();
}

/// <summary>Renders a <see cref="PrintDocument"/> to PDF bytes. Safe to call from several threads at once.</summary>
public static class PdfRenderer
{
    public static RenderResult Render(PrintDocument document, RenderOptions? options = null)
    {
        options ??= RenderOptions.Default;
        PdfFonts.EnsureFonts(options.FontFolder);
        using var report = new ReportComposer(document, options);
        return report.Compose();
    }
}

/// <summary>The printed report: content laid out into A4 pages, each with its header and footer, then the appendices.</summary>
internal sealed class ReportComposer(PrintDocument document, RenderOptions options) : IDisposable
{
    const double ContentWidth = PageWidth - MarginLeft - MarginRight;
    const double ContentHeight = PageHeight - MarginTop - MarginBottom;
    static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    static readonly string[] LinkSchemes = ["http://", "https://", "mailto:"];

    readonly TextMeasurer _measurer = new();
    readonly List<XImage> _images = [];
    readonly Dictionary<XColor, XSolidBrush> _brushes = [];
    readonly List<(int Page, PdfRectangle Area, string Anchor)> _documentLinks = [];
    readonly Dictionary<string, (int Page, double Y)> _anchors = new(StringComparer.Ordinal);
    readonly List<(int Level, string Title, int Page, double Y)> _headings = [];

    public RenderResult Compose()
    {
        var pages = ComposeContent();
        using var appendices = AppendixSet.Open(document.Appendices, options);
        var total = pages.Count + appendices.PageCount;

        using var pdf = new PdfDocument();
        ComposeMetadata(pdf);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            ComposeHeader(gfx);
            ComposePage(gfx, page, i, pages[i]);
            ComposeFooter(gfx, i + 1, total);
        }
        ComposeNavigation(pdf);
        appendices.AppendTo(pdf, total, _measurer);
        ContentStreams.Compress(pdf);

        var pageCount = pdf.PageCount;
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return new RenderResult(stream.ToArray(), pageCount, pages.Count, appendices.Failures);
    }

    List<List<PlacedUnit>> ComposeContent()
    {
        var composer = new BlockComposer(_measurer, ContentHeight);
        var units = composer.Compose(document.Blocks, ContentWidth);
        _images.AddRange(composer.Images);
        return Paginator.Paginate(units, ContentHeight);
    }

    void ComposeMetadata(PdfDocument pdf)
    {
        var info = document.Info;
        pdf.Info.Title = info.Title;
        pdf.Info.Author = info.Author ?? "";
        pdf.Info.Subject = info.Subject ?? "";
        pdf.Info.Keywords = info.Keywords ?? "";
        pdf.Info.Creator = "Vigie";
        pdf.Info.CreationDate = info.GeneratedAt.LocalDateTime;
        pdf.Info.ModificationDate = info.GeneratedAt.LocalDateTime;
        pdf.PageMode = PdfPageMode.UseOutlines;
    }

    void ComposeHeader(XGraphics gfx)
    {
        if (string.IsNullOrWhiteSpace(document.Info.Header))
            return;
        var baseline = MarginTop - 22;
        DrawText(gfx, _measurer.Ellipsize(document.Info.Header, PageHeader, ContentWidth), PageHeader, MarginLeft, baseline);
        gfx.DrawLine(new XPen(RuleColor, 0.5), MarginLeft, baseline + 6, PageWidth - MarginRight, baseline + 6);
    }

    void ComposeFooter(XGraphics gfx, int pageNumber, int pageCount)
    {
        var top = PageHeight - MarginBottom + 22;
        gfx.DrawLine(new XPen(RuleColor, 0.5), MarginLeft, top, PageWidth - MarginRight, top);

        var pageLabel = $"Page {pageNumber} / {pageCount}";
        var labelWidth = _measurer.Width(pageLabel, PageFooter);
        var first = top + 11;
        DrawText(gfx, _measurer.Ellipsize(document.Info.Title, PageFooter, ContentWidth - labelWidth - 20), PageFooter, MarginLeft, first);
        DrawText(gfx, pageLabel, PageFooter, PageWidth - MarginRight - labelWidth, first);

        var generated = $"Généré le {document.Info.GeneratedAt.ToString("d MMMM yyyy 'à' HH'h'mm", French)}";
        if (!string.IsNullOrWhiteSpace(document.Info.Url))
            generated += $" · {document.Info.Url}";
        DrawText(gfx, _measurer.Ellipsize(generated, PageFooter, ContentWidth), PageFooter, MarginLeft, first + PageFooter.LineHeight);
    }

    void ComposePage(XGraphics gfx, PdfPage page, int pageIndex, List<PlacedUnit> placed)
    {
        foreach (var (unit, y, spaceAbove, repeated) in placed)
        {
            var top = MarginTop + y;
            if (!repeated)
            {
                foreach (var anchor in unit.Anchors)
                    _anchors.TryAdd(anchor, (pageIndex, top));
                if (unit.Outline is var (level, title))
                    _headings.Add((level, title, pageIndex, top));
            }
            foreach (var bar in unit.Bars)
            {
                var from = bar.CoversSpaceBefore ? top - spaceAbove : top;
                gfx.DrawLine(new XPen(QuoteBarColor, QuoteBarWidth), MarginLeft + bar.X, from, MarginLeft + bar.X, top + unit.Height);
            }
            foreach (var op in unit.Ops)
                Draw(gfx, page, pageIndex, op, top);
        }
    }

    void Draw(XGraphics gfx, PdfPage page, int pageIndex, DrawOp op, double top)
    {
        switch (op)
        {
            case TextOp text:
                var x = MarginLeft + text.X;
                var baseline = top + text.Baseline;
                DrawText(gfx, text.Glyphs.Text, text.Glyphs.Style, x, baseline);
                AddLink(gfx, page, pageIndex, text, x, baseline);
                break;
            case LineOp line:
                gfx.DrawLine(new XPen(line.Color, line.Thickness), MarginLeft + line.X1, top + line.Y1, MarginLeft + line.X2, top + line.Y2);
                break;
            case FillOp fill:
                gfx.DrawRectangle(new XSolidBrush(fill.Color), fill.Rect with { X = MarginLeft + fill.Rect.X, Y = top + fill.Rect.Y });
                break;
            case ImageOp image:
                gfx.DrawImage(image.Image, image.Rect with { X = MarginLeft + image.Rect.X, Y = top + image.Rect.Y });
                break;
        }
    }

    void AddLink(XGraphics gfx, PdfPage page, int pageIndex, TextOp text, double x, double baseline)
    {
        var glyphs = text.Glyphs;
        if (glyphs.Uri is null && glyphs.AnchorLink is null)
            return;
        var width = _measurer.Width(glyphs.Text.TrimEnd(), glyphs.Style);
        var ascent = _measurer.Ascent(glyphs.Style);
        var area = new PdfRectangle(gfx.Transformer.WorldToDefaultPage(
            new XRect(x, baseline - ascent, width, ascent + _measurer.Descent(glyphs.Style))));
        if (glyphs.Uri is { } uri && LinkSchemes.Any(s => uri.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
            page.AddWebLink(area, uri);
        else if (glyphs.AnchorLink is { } anchor)
            _documentLinks.Add((pageIndex, area, anchor));
    }

    /// <summary>Outline from the headings, named destinations for the anchors, then the links that point at them.</summary>
    void ComposeNavigation(PdfDocument pdf)
    {
        var open = new Stack<(int Level, PdfOutline Outline)>();
        foreach (var (level, title, page, y) in _headings)
        {
            while (open.Count > 0 && open.Peek().Level >= level)
                open.Pop();
            var siblings = open.Count == 0 ? pdf.Outlines : open.Peek().Outline.Outlines;
            var outline = siblings.Add(title, pdf.Pages[page], opened: level < 3);
            outline.PageDestinationType = PdfPageDestinationType.Xyz;
            outline.Top = PageHeight - y + 4;
            open.Push((level, outline));
        }

        foreach (var (name, (page, y)) in _anchors)
            pdf.AddNamedDestination(name, page + 1, PdfNamedDestinationParameters.CreatePosition(null, PageHeight - y + 4, null));
        foreach (var (page, area, anchor) in _documentLinks)
        {
            if (_anchors.ContainsKey(anchor))
                pdf.Pages[page].AddDocumentLink(area, anchor);
        }
    }

    void DrawText(XGraphics gfx, string text, TextStyle style, double x, double baseline)
    {
        if (!_brushes.TryGetValue(style.Color, out var brush))
            _brushes[style.Color] = brush = new XSolidBrush(style.Color);
        gfx.DrawString(text, _measurer.Font(style), brush, x, baseline);
    }

    public void Dispose()
    {
        foreach (var image in _images)
            image.Dispose();
        _measurer.Dispose();
    }
}

/// <summary>
/// PDFsharp 6.2 deflates content streams without the zlib Adler-32 trailer, which qpdf --check reports and strict
/// readers may reject; so page contents are left uncompressed by PDFsharp and compressed here with a complete zlib stream.
/// </summary>
internal static class ContentStreams
{
    public static void Compress(PdfDocument pdf)
    {
        pdf.Options.CompressContentStreams = false;
        foreach (var page in pdf.Pages)
        {
            foreach (var content in page.Contents)
            {
                if (content.Stream is not { } stream || stream.IsFiltered() || stream.Value.Length == 0)
                    continue;
                using var output = new MemoryStream();
                using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
                    zlib.Write(stream.Value);
                stream.Value = output.ToArray();
                content.Elements.SetName(PdfDictionary.PdfStream.Keys.Filter, "/FlateDecode");
            }
        }
    }
}
