using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using DiffPlex;
using DiffPlex.Chunkers;
using Microsoft.AspNetCore.Html;

namespace Vigie.Web.Features.Editing.Revisions;

/// <summary>
/// A readable diff of two texts (the narrative): lines are compared first, then the words of changed
/// lines, and long unchanged stretches are shortened to one line of context on each side. Removed words
/// are in &lt;del&gt;, added ones in &lt;ins&gt;, each with hidden text for screen readers, so the
/// difference never rests on colour alone.
/// </summary>
public static partial class TextDiff
{
    private const string Gap = "[…]";
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Render(string? oldText, string? newText)
    {
        var html = new StringBuilder();
        var lines = Differ.Instance.CreateDiffs(oldText ?? "", newText ?? "", false, false, LineChunker.Instance);
        var a = 0;
        var first = true;
        foreach (var block in lines.DiffBlocks)
        {
            Context(html, lines.PiecesOld, a, block.DeleteStartA, first ? ContextSide.Before : ContextSide.Between);
            var removed = string.Join('\n', lines.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            var added = string.Join('\n', lines.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            Words(html, removed, added);
            html.Append('\n');
            a = block.DeleteStartA + block.DeleteCountA;
            first = false;
        }
        Context(html, lines.PiecesOld, a, lines.PiecesOld.Count, first ? ContextSide.Unchanged : ContextSide.After);
        return new HtmlString($"<pre class=\"diff\">{html.ToString().TrimEnd('\n')}</pre>");
    }

    private enum ContextSide
    {
        Before,
        Between,
        After,
        Unchanged,
    }

    private static void Context(StringBuilder html, IReadOnlyList<string> lines, int start, int end, ContextSide side)
    {
        var count = end - start;
        if (count <= 0)
        {
            return;
        }
        IEnumerable<string> shown = side switch
        {
            ContextSide.Unchanged => count <= 3 ? lines.Skip(start).Take(count) : [.. lines.Skip(start).Take(1), Gap],
            ContextSide.Before => count <= 1 ? lines.Skip(start).Take(count) : [Gap, lines[end - 1]],
            ContextSide.After => count <= 1 ? lines.Skip(start).Take(count) : [lines[start], Gap],
            _ => count <= 3 ? lines.Skip(start).Take(count) : [lines[start], Gap, lines[end - 1]],
        };
        foreach (var line in shown)
        {
            html.Append(line == Gap ? $"<span class=\"diff-gap\">{Gap}</span>" : Encoder.Encode(line)).Append('\n');
        }
    }

    private static void Words(StringBuilder html, string removed, string added)
    {
        var words = Differ.Instance.CreateDiffs(removed, added, false, false, WordTokens.Instance);
        var a = 0;
        foreach (var block in words.DiffBlocks)
        {
            Append(html, words.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Mark(html, "del", "supprimé : ", words.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Mark(html, "ins", "ajouté : ", words.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Append(html, words.PiecesOld.Skip(a));
    }

    private static void Mark(StringBuilder html, string tag, string spoken, IEnumerable<string> pieces)
    {
        var text = string.Concat(pieces);
        if (text.Length > 0)
        {
            html.Append('<').Append(tag).Append("><span class=\"visually-hidden\">").Append(spoken).Append("</span>")
                .Append(Encoder.Encode(text)).Append("</").Append(tag).Append('>');
        }
    }

    private static void Append(StringBuilder html, IEnumerable<string> pieces) => html.Append(Encoder.Encode(string.Concat(pieces)));

    /// <summary>Words, runs of spaces and single punctuation marks: joining the pieces gives the text back.</summary>
    private sealed partial class WordTokens : IChunker
    {
        public static readonly WordTokens Instance = new();

        public IReadOnlyList<string> Chunk(string text) => [.. Token().Matches(text).Select(m => m.Value)];

        [GeneratedRegex(@"\w+|\s+|[^\w\s]")]
        private static partial Regex Token();
    }
}
