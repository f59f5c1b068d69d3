using System.Text;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Documents;

/// <summary>The accepted formats: how each is named, served and displayed.</summary>
public static class FileFormats
{
    public const string Accepted = "PDF, PNG, JPEG, TIFF, ODT, DOCX ou texte brut (.txt)";

    /// <summary>For the file input's accept attribute (a hint to the browser only: the server checks the content).</summary>
    public const string AcceptAttribute = ".pdf,.png,.jpg,.jpeg,.tif,.tiff,.odt,.docx,.txt,application/pdf,image/png,image/jpeg,image/tiff,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain";

    public static string ContentType(FileFormat format) => format switch
    {
        FileFormat.Pdf => "application/pdf",
        FileFormat.Png => "image/png",
        FileFormat.Jpeg => "image/jpeg",
        FileFormat.Tiff => "image/tiff",
        FileFormat.Odt => "application/vnd.oasis.opendocument.text",
        FileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/plain; charset=utf-8",
    };

    public static string Extension(FileFormat format) => format switch
    {
        FileFormat.Pdf => ".pdf",
        FileFormat.Png => ".png",
        FileFormat.Jpeg => ".jpg",
        FileFormat.Tiff => ".tif",
        FileFormat.Odt => ".odt",
        FileFormat.Docx => ".docx",
        _ => ".txt",
    };

    public static string Label(FileFormat format) => format switch
    {
        FileFormat.Pdf => "PDF",
        FileFormat.Png => "image PNG",
        FileFormat.Jpeg => "image JPEG",
        FileFormat.Tiff => "image TIFF",
        FileFormat.Odt => "texte ODT",
        FileFormat.Docx => "texte DOCX",
        _ => "texte brut",
    };

    /// <summary>"un PDF", "une image PNG"…, for messages.</summary>
    public static string WithArticle(FileFormat format) => format switch
    {
        FileFormat.Pdf => "un PDF",
        FileFormat.Png or FileFormat.Jpeg or FileFormat.Tiff => "une " + Label(format),
        FileFormat.Odt => "un document ODT",
        FileFormat.Docx => "un document DOCX",
        _ => "du texte brut",
    };

    /// <summary>Formats a browser shows by itself; the others are only offered for download.</summary>
    public static bool ShowsInline(FileFormat format) => format is FileFormat.Pdf or FileFormat.Png or FileFormat.Jpeg or FileFormat.Text;

    /// <summary>What the sender says the file is: its extension, else the part's Content-Type.</summary>
    public static FileFormat? Claimed(string fileName, string? contentType)
    {
        var byExtension = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" => FileFormat.Pdf,
            ".png" => FileFormat.Png,
            ".jpg" or ".jpeg" => FileFormat.Jpeg,
            ".tif" or ".tiff" => FileFormat.Tiff,
            ".odt" => FileFormat.Odt,
            ".docx" => FileFormat.Docx,
            ".txt" or ".text" => FileFormat.Text,
            _ => (FileFormat?)null,
        };
        if (byExtension is not null || contentType is null)
        {
            return byExtension;
        }
        return contentType.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "application/pdf" => FileFormat.Pdf,
            "image/png" => FileFormat.Png,
            "image/jpeg" => FileFormat.Jpeg,
            "image/tiff" => FileFormat.Tiff,
            "application/vnd.oasis.opendocument.text" => FileFormat.Odt,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => FileFormat.Docx,
            "text/plain" => FileFormat.Text,
            _ => null,
        };
    }

    /// <summary>
    /// A name safe to show and to put in Content-Disposition: no folders, no reserved characters, no invisible ones
    /// (controls and bidi or other format characters are removed: "passwd\u202Efdp.exe.txt" would display as
    /// "passwdtxt.exe.pdf"), at most 150 characters, and the extension of the format actually detected.
    /// </summary>
    public static string SafeName(string? uploaded, FileFormat format)
    {
        var name = UnsafeText.WithoutInvisibles(uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is '"' or '*' or ':' or '<' or '>' or '?' or '|' ? '_' : c);
        }
        var stem = Path.GetFileNameWithoutExtension(builder.ToString()).Trim().Trim('.', ' ');
        if (stem.Length > 140)
        {
            stem = stem[..140].TrimEnd();
        }
        return (stem.Length == 0 ? "document" : stem) + Extension(format);
    }
}
