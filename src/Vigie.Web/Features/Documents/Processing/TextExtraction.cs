using System.IO.Compression;
using System.Text;
using System.Xml;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Vigie.Web.Features.Documents.Processing;

/// <summary>Processing could not be done; the reason is shown on the document page, in French.</summary>
public sealed class ProcessingFailure(string reason) : Exception(reason);

public sealed record ExtractedPage(int Number, string Text);

public sealed record Extraction(int? PageCount, IReadOnlyList<ExtractedPage> Pages);

/// <summary>
/// Text out of the accepted formats. PDFs page by page (PdfPig), checking the cancellation token between pages so
/// a time budget can stop a long extraction; ODT and DOCX from their XML, with a cap on what is read from the
/// archive; plain text as it is, in passages.
/// </summary>
public static class TextExtraction
{
    /// <summary>More text than this on one page is cut: nobody reads it and it would bloat the index.</summary>
    public const int MaxPageCharacters = 100_000;
    private const int PassageCharacters = 3_000;
    private const long MaxXmlBytes = 64L * 1024 * 1024;

    public static Extraction Pdf(string path, int maxPages, CancellationToken cancellationToken)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ProcessingFailure("Le PDF est protégé par un mot de passe : son texte ne peut pas être lu.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ProcessingFailure("Le PDF est endommagé ou illisible : son texte n'a pas pu être extrait.");
        }
        using (document)
        {
            var pages = new List<ExtractedPage>();
            int count;
            try
            {
                count = document.NumberOfPages;
                for (var number = 1; number <= Math.Min(count, maxPages); number++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var page = document.GetPage(number);
                    pages.Add(new ExtractedPage(number, Clean(ContentOrderTextExtractor.GetText(page))));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ProcessingFailure($"Le PDF est endommagé : la page {pages.Count + 1} n'a pas pu être lue.");
            }
            return new Extraction(count, pages);
        }
    }

    public static Extraction PlainText(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        return new Extraction(null, Passages(Clean(text, int.MaxValue)));
    }

    /// <summary>OpenDocument text: content.xml, paragraphs and headings (text:p, text:h) as lines.</summary>
    public static Extraction Odt(string path, CancellationToken cancellationToken) =>
        FromZip(path, "content.xml", "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
            paragraph: ["p", "h"], tab: "tab", lineBreak: "line-break", space: "s", text: null, cancellationToken);

    /// <summary>Word: word/document.xml, w:t runs inside w:p paragraphs.</summary>
    public static Extraction Docx(string path, CancellationToken cancellationToken) =>
        FromZip(path, "word/document.xml", "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            paragraph: ["p"], tab: "tab", lineBreak: "br", space: null, text: "t", cancellationToken);

    private static Extraction FromZip(string path, string entryName, string ns, string[] paragraph, string tab, string lineBreak,
        string? space, string? text, CancellationToken cancellationToken)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(entryName) ?? throw new ProcessingFailure("Le document ne contient pas de texte lisible.");
            if (entry.Length > MaxXmlBytes)
            {
                throw new ProcessingFailure("Le texte du document est trop volumineux pour être extrait.");
            }
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = MaxXmlBytes };
            using var reader = XmlReader.Create(entry.Open(), settings);
            var builder = new StringBuilder();
            var inText = text is null;
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NamespaceURI == ns && reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.LocalName == tab)
                    {
                        builder.Append('\t');
                    }
                    else if (reader.LocalName == lineBreak)
                    {
                        builder.Append('\n');
                    }
                    else if (reader.LocalName == space)
                    {
                        var count = int.TryParse(reader.GetAttribute("c", ns), out var c) ? Math.Clamp(c, 1, 100) : 1;
                        builder.Append(' ', count);
                    }
                    else if (reader.LocalName == text && !reader.IsEmptyElement)
                    {
                        inText = true;
                    }
                }
                else if (reader.NamespaceURI == ns && reader.NodeType == XmlNodeType.EndElement)
                {
                    if (paragraph.Contains(reader.LocalName))
                    {
                        builder.Append('\n');
                    }
                    else if (reader.LocalName == text)
                    {
                        inText = false;
                    }
                }
                else if (inText && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA)
                {
                    builder.Append(reader.Value);
                }
            }
            return new Extraction(null, Passages(Clean(builder.ToString(), int.MaxValue)));
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new ProcessingFailure("Le document est endommagé : son texte n'a pas pu être extrait.");
        }
    }

    /// <summary>Formats without pages are cut into passages at paragraph ends, so that search can point into them.</summary>
    public static List<ExtractedPage> Passages(string text)
    {
        var passages = new List<ExtractedPage>();
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + PassageCharacters);
            if (end < text.Length)
            {
                var paragraphEnd = text.LastIndexOf("\n\n", end, end - start, StringComparison.Ordinal);
                var lineEnd = text.LastIndexOf('\n', end - 1, end - start);
                end = paragraphEnd > start + PassageCharacters / 3 ? paragraphEnd + 2 : lineEnd > start + PassageCharacters / 3 ? lineEnd + 1 : end;
            }
            var passage = text[start..end].Trim();
            if (passage.Length > 0)
            {
                passages.Add(new ExtractedPage(passages.Count + 1, passage));
            }
            start = end;
        }
        return passages;
    }

    /// <summary>
    /// NFC, no control characters but line breaks and tabs (the search page uses two of them as highlight marks),
    /// no runs of blank lines, and at most <paramref name="max"/> characters.
    /// </summary>
    public static string Clean(string text, int max = MaxPageCharacters)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max));
        var newlines = 0;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (builder.Length >= max)
            {
                break;
            }
            if (c == '\r')
            {
                continue;
            }
            if (c == '\n')
            {
                if (++newlines <= 2)
                {
                    builder.Append('\n');
                }
                continue;
            }
            if (char.IsControl(c) && c != '\t')
            {
                continue;
            }
            if (!char.IsWhiteSpace(c))
            {
                newlines = 0;
            }
            builder.Append(c);
        }
        return builder.ToString().Trim();
    }
}
