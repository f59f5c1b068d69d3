using System.IO.Compression;
using System.Text;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Documents.Upload;

/// <summary>Recognises an accepted format by the file's bytes, whatever its name says.</summary>
public static class FileSniffer
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    /// <summary>The format of the file's content, or null when it is none of the accepted ones.</summary>
    public static FileFormat? Detect(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        var start = head[..read];
        return start switch
        {
            _ when start.StartsWith(Pdf) => FileFormat.Pdf,
            _ when start.StartsWith(Png) => FileFormat.Png,
            _ when start.StartsWith(Jpeg) => FileFormat.Jpeg,
            _ when start.StartsWith(TiffLittle) || start.StartsWith(TiffBig) => FileFormat.Tiff,
            _ when start.StartsWith(Zip) => DetectZip(path),
            _ => IsPlainText(path) ? FileFormat.Text : null,
        };
    }

    /// <summary>ODT declares itself in a "mimetype" entry; DOCX has word/document.xml. Other archives are refused.</summary>
    private static FileFormat? DetectZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == OdtMimeType && zip.GetEntry("content.xml") is not null ? FileFormat.Odt : null;
            }
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null ? FileFormat.Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Valid UTF-8 without NUL or other control characters (tabs, line and page breaks aside), and not markup: an HTML
    /// or SVG file is not "plain text" even though it is text.
    /// </summary>
    private static bool IsPlainText(string path)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        var first = true;
        using var stream = File.OpenRead(path);
        try
        {
            int read;
            while ((read = stream.Read(bytes)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                var span = chars.AsSpan(0, count);
                if (first)
                {
                    var content = span.TrimStart('\uFEFF').TrimStart();
                    if (content.Length > 0 && content[0] == '<')
                    {
                        return false;
                    }
                    first = content.Length == 0;
                }
                foreach (var c in span)
                {
                    if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                    {
                        return false;
                    }
                }
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return stream.Length > 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
