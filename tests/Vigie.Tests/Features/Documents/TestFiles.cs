using System.Globalization;
using System.Text;

namespace Vigie.Tests.Features.Documents;

/// <summary>Small files made on the spot: PDFs with real text (Helvetica, WinAnsi), images, impostors.</summary>
public static class TestFiles
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>A valid PDF, one page per text; each text may hold several lines separated by \n.</summary>
    public static byte[] Pdf(params string[] pages)
    {
        var objects = new List<string> { "", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" };
        var kids = new List<int>();
        foreach (var text in pages)
        {
            var content = new StringBuilder("BT /F1 11 Tf 14 TL 50 790 Td\n");
            foreach (var line in text.Split('\n'))
            {
                content.Append('(').Append(line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal)
                    .Replace(")", "\\)", StringComparison.Ordinal)).Append(") Tj T*\n");
            }
            content.Append("ET");
            var stream = content.ToString();
            objects.Add($"<< /Length {Latin1.GetByteCount(stream)} >>\nstream\n{stream}\nendstream");
            var contentId = objects.Count;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {contentId} 0 R >>");
            kids.Add(objects.Count);
        }
        objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>";
        var pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>Starts like a PDF, then is garbage: recognised as a PDF by its first bytes, impossible to read.</summary>
    public static byte[] CorruptPdf() => [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251))];

    /// <summary>The first bytes of a Linux executable.</summary>
    public static byte[] Executable() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[200]];

    public static byte[] Html() => "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    /// <summary>A small PNG, drawn with SkiaSharp.</summary>
    public static byte[] Png(int width = 640, int height = 480)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(0xE0, 0x30, 0x30));
        }
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
