using System.Diagnostics;
using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Vigie.Pdf;

/// <summary>
/// External files printed after the generated pages. Every file is opened (and checked) before the first page is
/// drawn, so the footer's page total is known; a file that cannot be used becomes an <see cref="AppendixFailure"/>
/// with a French reason instead of an exception.
/// </summary>
internal sealed class AppendixSet : IDisposable
{
    sealed record Opened(Appendix Source, PdfDocument? Pdf, XImage? Image)
    {
        public int PageCount => Pdf?.PageCount ?? 1;
    }

    const double StampMargin = 20;
    static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    readonly List<Opened> _opened = [];
    readonly List<AppendixFailure> _failures = [];

    public IReadOnlyList<AppendixFailure> Failures => _failures;
    public int PageCount => _opened.Sum(o => o.PageCount);

    public static AppendixSet Open(IReadOnlyList<Appendix> appendices, RenderOptions options)
    {
        var set = new AppendixSet();
        var clock = Stopwatch.StartNew();
        foreach (var appendix in appendices)
        {
            var reason = clock.Elapsed > options.AppendixTimeBudget
                ? "délai de traitement dépassé, annexe non jointe"
                : appendix.Kind == AppendixKind.Pdf ? set.OpenPdf(appendix, options) : set.OpenImage(appendix, options);
            if (reason is not null)
                set._failures.Add(new AppendixFailure(appendix, reason));
        }
        return set;
    }

    string? OpenPdf(Appendix appendix, RenderOptions options)
    {
        if (CheckSize(appendix.Data, options) is { } tooBig)
            return tooBig;
        if (!LooksLikePdf(appendix.Data))
            return "fichier PDF illisible : ce fichier n'est pas un PDF";
        if (PageTreeCheck.Problem(appendix.Data) is { } malformed)
            return malformed;

        var passwordAsked = false;
        PdfDocument? pdf;
        try
        {
            pdf = PdfReader.Open(new MemoryStream(appendix.Data, writable: false), PdfDocumentOpenMode.Import, args =>
            {
                passwordAsked = true;
                args.Abort = true;
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return passwordAsked ? "PDF protégé par mot de passe" : "fichier PDF illisible ou endommagé";
        }

        string? reason = null;
        if (pdf is not null && !PagesReadable(pdf))
            reason = "fichier PDF illisible ou endommagé";
        else if (pdf is null)
            reason = passwordAsked ? "PDF protégé par mot de passe" : "fichier PDF illisible ou endommagé";
        else if (pdf.PageCount == 0)
            reason = "PDF sans aucune page";
        else if (pdf.PageCount > options.MaxAppendixPages)
            reason = $"PDF trop long ({pdf.PageCount} pages, maximum {options.MaxAppendixPages})";
        if (reason is not null)
        {
            pdf?.Dispose();
            return reason;
        }
        _opened.Add(new Opened(appendix, pdf, null));
        return null;
    }

    /// <summary>PDFsharp reads the page tree lazily: walk it now, so that a damaged one is reported, not thrown mid-render.</summary>
    static bool PagesReadable(PdfDocument pdf)
    {
        try
        {
            var pages = pdf.Pages;
            for (var i = 0; i < pages.Count; i++)
                _ = pages[i].Elements;
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    string? OpenImage(Appendix appendix, RenderOptions options)
    {
        if (CheckSize(appendix.Data, options) is { } tooBig)
            return tooBig;
        var data = appendix.Data;
        var png = data.Length > 8 && data[0] == 0x89 && data[1] == (byte)'P' && data[2] == (byte)'N' && data[3] == (byte)'G';
        var jpeg = data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
        if (!png && !jpeg)
            return "format d'image non pris en charge (PNG ou JPEG attendu)";
        try
        {
            var image = XImage.FromStream(new MemoryStream(data, writable: false));
            if (image.PixelWidth <= 0 || image.PixelHeight <= 0)
            {
                image.Dispose();
                return "image illisible ou endommagée";
            }
            _opened.Add(new Opened(appendix, null, image));
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return "image illisible ou endommagée";
        }
    }

    static string? CheckSize(byte[] data, RenderOptions options)
    {
        if (data.Length == 0)
            return "fichier vide";
        if (data.Length > options.MaxAppendixBytes)
            return string.Format(French, "fichier trop volumineux ({0:0.#} Mo, maximum {1:0.#} Mo)",
                data.Length / 1048576.0, options.MaxAppendixBytes / 1048576.0);
        return null;
    }

    // The header may follow some junk, as readers tolerate; 1024 bytes is what they usually scan.
    static bool LooksLikePdf(byte[] data) =>
        data.AsSpan(0, Math.Min(data.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    /// <summary>Adds every page of every opened appendix, stamped with its caption, under an "Annexes" outline entry.</summary>
    public void AppendTo(PdfDocument pdf, int totalPages, TextMeasurer measurer)
    {
        PdfOutline? group = null;
        foreach (var opened in _opened)
        {
            var first = pdf.PageCount;
            for (var k = 0; k < opened.PageCount; k++)
            {
                var caption = $"{opened.Source.Caption} — page {k + 1}/{opened.PageCount}";
                var count = pdf.PageCount;
                try
                {
                    var page = opened.Pdf is { } source ? Inert(pdf.AddPage(source.Pages[k])) : AddImagePage(pdf, opened.Image!);
                    Stamp(page, caption, $"{pdf.PageCount} / {totalPages}", measurer);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A damaged page (a reference to nothing, malformed contents): an empty page stands in for it, so
                    // that the page numbers announced in the footers stay true, and says why.
                    while (pdf.PageCount > count)
                        pdf.Pages.RemoveAt(pdf.PageCount - 1);
                    var blank = pdf.AddPage();
                    blank.Width = XUnit.FromPoint(Typography.PageWidth);
                    blank.Height = XUnit.FromPoint(Typography.PageHeight);
                    Stamp(blank, caption + " — page illisible, non reproduite", $"{pdf.PageCount} / {totalPages}", measurer);
                }
            }
            group ??= pdf.Outlines.Add("Annexes", pdf.Pages[first], opened: true);
            group.Outlines.Add(opened.Source.OutlineTitle ?? opened.Source.Caption, pdf.Pages[first]);
        }
    }

    /// <summary>
    /// Importing a page brings its annotations and their actions along (the document's own scripts and open action
    /// stay behind): keep links to web pages and within the document, drop every other action, page and annotation
    /// triggers, and attached files. A case file must not run anything a stranger put in a PDF.
    /// </summary>
    static PdfPage Inert(PdfPage page)
    {
        page.Elements.Remove("/AA");
        if (page.Elements.GetObject("/Annots") is not PdfArray annotations)
        {
            page.Elements.Remove("/Annots");
            return page;
        }
        for (var i = annotations.Elements.Count - 1; i >= 0; i--)
        {
            var annotation = annotations.Elements.GetDictionary(i);
            if (annotation is null || annotation.Elements.GetName("/Subtype") is "/FileAttachment" or "/Screen" or "/Movie" or "/Sound" or "/RichMedia" or "/Widget")
            {
                annotations.Elements.RemoveAt(i);
                continue;
            }
            annotation.Elements.Remove("/AA");
            if (annotation.Elements.GetDictionary("/A") is { } action && !IsSafe(action))
                annotation.Elements.Remove("/A");
        }
        return page;
    }

    static bool IsSafe(PdfDictionary action) => action.Elements.GetName("/S") switch
    {
        "/GoTo" => !action.Elements.ContainsKey("/Next"),
        "/URI" => action.Elements.GetString("/URI") is { } uri && !action.Elements.ContainsKey("/Next")
            && (uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || uri.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    static PdfPage AddImagePage(PdfDocument pdf, XImage image)
    {
        var page = pdf.AddPage();
        var landscape = image.PointWidth > image.PointHeight;
        page.Width = XUnit.FromPoint(landscape ? Typography.PageHeight : Typography.PageWidth);
        page.Height = XUnit.FromPoint(landscape ? Typography.PageWidth : Typography.PageHeight);

        using var gfx = XGraphics.FromPdfPage(page);
        var box = new XRect(36, 36, page.Width.Point - 72, page.Height.Point - 72 - StampMargin);
        // Fit the box, but do not blow a small picture up into a blur.
        var scale = Math.Min(3, Math.Min(box.Width / image.PointWidth, box.Height / image.PointHeight));
        var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
        gfx.DrawImage(image, box.X + (box.Width - w) / 2, box.Y + (box.Height - h) / 2, w, h);
        return page;
    }

    /// <summary>The caption line in the bottom margin, on a white band so it stays legible over scans.</summary>
    static void Stamp(PdfPage page, string caption, string pageLabel, TextMeasurer measurer)
    {
        using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var (width, height) = ToVisibleBottomUp(gfx, page);
        var style = Typography.AppendixStamp;
        var labelWidth = measurer.Width(pageLabel, style);
        var text = measurer.Ellipsize(caption, style, width - 2 * StampMargin - labelWidth - 12);
        var baseline = height - 11;
        var ascent = measurer.Ascent(style);

        gfx.DrawRectangle(XBrushes.White, StampMargin - 3, baseline - ascent - 2.5, width - 2 * StampMargin + 6, style.LineHeight + 3);
        var font = measurer.Font(style);
        var brush = new XSolidBrush(style.Color);
        gfx.DrawString(text, font, brush, StampMargin, baseline);
        gfx.DrawString(pageLabel, font, brush, width - StampMargin - labelWidth, baseline);
    }

    /// <summary>
    /// XGraphics draws in the unrotated media box as if it started at (0, 0). Scans often have /Rotate or a shifted
    /// (crop) box, so map "top-left of the page as displayed, y down" onto it; returns the displayed size.
    /// </summary>
    static (double Width, double Height) ToVisibleBottomUp(XGraphics gfx, PdfPage page)
    {
        var box = page.CropBoxReadOnly;
        if (box.IsZero)
            box = page.MediaBoxReadOnly;
        var (left, bottom, right, top) = (box.X1, box.Y1, box.X2, box.Y2);
        var rotate = ((page.Rotate % 360) + 360) % 360;
        var h = gfx.PageSize.Height;

        // Displayed (u, v) → PDF user space, then PDF → XGraphics world (y down from the page height it assumes).
        XPoint Map(double u, double v)
        {
            var (x, y) = rotate switch
            {
                90 => (left + v, bottom + u),
                180 => (right - u, bottom + v),
                270 => (right - v, top - u),
                _ => (left + u, top - v),
            };
            return new XPoint(x, h - y);
        }

        var origin = Map(0, 0);
        var du = Map(1, 0) - origin;
        var dv = Map(0, 1) - origin;
        gfx.MultiplyTransform(new XMatrix(du.X, du.Y, dv.X, dv.Y, origin.X, origin.Y));
        var (w, ht) = (right - left, top - bottom);
        return rotate is 90 or 270 ? (ht, w) : (w, ht);
    }

    public void Dispose()
    {
        foreach (var opened in _opened)
        {
            opened.Pdf?.Dispose();
            opened.Image?.Dispose();
        }
    }
}
