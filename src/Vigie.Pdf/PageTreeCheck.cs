using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Vigie.Pdf;

/// <summary>
/// PDFsharp walks a file's page tree recursively and without memory of where it has been: a /Kids entry pointing back
/// at an ancestor sends it into infinite recursion, and the stack overflow ends the process (a whole web server,
/// brought down by one uploaded file). So the tree of a file to be appended is walked here first, iteratively, with
/// PdfPig's parser: a loop, a node shared between branches, a tree too deep or too large, or a file PdfPig cannot open
/// is refused before PDFsharp sees it.
/// </summary>
internal static class PageTreeCheck
{
    const int MaxDepth = 64;
    const int MaxNodes = 200_000;

    /// <summary>Null when the tree is sound; otherwise the French reason to show.</summary>
    public static string? Problem(byte[] data)
    {
        try
        {
            using var document = PdfDocument.Open(data, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (!document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out IndirectReferenceToken root))
                return "fichier PDF illisible : pas d'arbre des pages";
            var seen = new HashSet<IndirectReference>();
            var pending = new Stack<(IndirectReference Node, int Depth)>();
            pending.Push((root.Data, 0));
            while (pending.Count > 0)
            {
                var (node, depth) = pending.Pop();
                if (!seen.Add(node))
                    return "fichier PDF malformé : son arbre des pages forme une boucle";
                if (depth > MaxDepth || seen.Count > MaxNodes)
                    return "fichier PDF malformé : arbre des pages démesuré";
                if (document.Structure.GetObject(node).Data is not DictionaryToken dictionary)
                    return "fichier PDF malformé : page introuvable";
                if (!dictionary.TryGet(NameToken.Kids, out ArrayToken kids))
                    continue;
                foreach (var kid in kids.Data)
                {
                    if (kid is not IndirectReferenceToken reference)
                        return "fichier PDF malformé : page introuvable";
                    pending.Push((reference.Data, depth + 1));
                }
            }
            return null;
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            // PDFsharp asks for the password before it reads the pages, and is told to give up: it reports it.
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return "fichier PDF illisible ou endommagé";
        }
    }
}
