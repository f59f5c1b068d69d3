using System.Globalization;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdBlock = Markdig.Syntax.Block;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;

namespace Vigie.Pdf;

public sealed record MarkdownOptions
{
    /// <summary>
    /// Called first for every inline; return runs for the caller's own inline types (e.g. source citations), or null
    /// to let the mapper handle it. Inlines nobody knows fall back to their literal text.
    /// </summary>
    public Func<Inline, IEnumerable<Run>?>? MapInline { get; init; }

    /// <summary>Same as <see cref="MapInline"/> for blocks.</summary>
    public Func<MdBlock, IEnumerable<ContentBlock>?>? MapBlock { get; init; }

    /// <summary>Added to heading levels, so "# Titre" of a narrative can sit under the document's own headings.</summary>
    public int HeadingOffset { get; init; }

    /// <summary>The Markdown text the document was parsed from; used to print unknown elements literally.</summary>
    public string? Source { get; init; }

    /// <summary>Footnote n gets the anchor prefix + n; make it unique when several texts go in one document.</summary>
    public string FootnoteAnchorPrefix { get; init; } = "note-";

    /// <summary>Makes relative links absolute (or returns null to drop them). Only http, https and mailto become links.</summary>
    public Func<string, string?>? ResolveUrl { get; init; }
}

/// <summary>Maps a parsed Markdig document to blocks, so a narrative prints as it reads on the site.</summary>
public static class MarkdownMapper
{
    public static List<ContentBlock> Map(MarkdownDocument document, MarkdownOptions? options = null) =>
        new Mapper(options ?? new MarkdownOptions()).Blocks(document);

    readonly record struct InlineState(bool Bold, bool Italic, string? Uri)
    {
        public RunStyle Style => (Bold, Italic) switch
        {
            (true, true) => RunStyle.BoldItalic,
            (true, false) => RunStyle.Bold,
            (false, true) => RunStyle.Italic,
            _ => RunStyle.Regular,
        };
    }

    sealed class Mapper(MarkdownOptions options)
    {
        public List<ContentBlock> Blocks(ContainerBlock container)
        {
            var blocks = new List<ContentBlock>();
            foreach (var block in container)
                blocks.AddRange(Block(block));
            return blocks;
        }

        IEnumerable<ContentBlock> Block(MdBlock block)
        {
            if (options.MapBlock?.Invoke(block) is { } custom)
                return custom;
            return block switch
            {
                HeadingBlock h => [new Heading(Math.Clamp(h.Level + options.HeadingOffset, 1, 4), Runs(h.Inline))],
                ParagraphBlock p => [new Paragraph(Runs(p.Inline))],
                ListBlock l => [List(l)],
                QuoteBlock q => [new BlockQuote(Blocks(q))],
                ThematicBreakBlock => [new HorizontalRule()],
                HtmlBlock html => Html(html),
                CodeBlock code => [new Preformatted(code.Lines.ToString())],
                MdTable t => [Table(t)],
                FootnoteGroup g => Footnotes(g),
                LinkReferenceDefinitionGroup or LinkReferenceDefinition => [],
                LeafBlock { Inline: { } inline } => [new Paragraph(Runs(inline))],
                ContainerBlock c => Blocks(c),
                _ => Literal(block.Span) is { Length: > 0 } text ? [new Paragraph(text)] : [],
            };
        }

        ItemList List(ListBlock list)
        {
            var items = list.OfType<ListItemBlock>().Select(item => new ListItem(Blocks(item))).ToList();
            var start = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
            return new ItemList(items, list.IsOrdered) { Start = start };
        }

        IEnumerable<ContentBlock> Html(HtmlBlock html)
        {
            var text = html.Lines.ToString();
            return text.TrimStart().StartsWith("<!--", StringComparison.Ordinal) ? [] : [new Paragraph(text)];
        }

        TableBlock Table(MdTable table)
        {
            var rows = table.OfType<MdTableRow>().ToList();
            var columnCount = Math.Max(table.ColumnDefinitions.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
            var cells = rows.Select(row =>
            {
                var position = 0;
                var cellsOfRow = new List<TableCell>();
                foreach (var cell in row.OfType<MdTableCell>())
                {
                    // Pipe tables leave ColumnIndex at -1: the position in the row is the column.
                    var column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : position;
                    position += Math.Max(1, cell.ColumnSpan);
                    cellsOfRow.Add(Cell(cell, column < table.ColumnDefinitions.Count ? table.ColumnDefinitions[column].Alignment : null));
                }
                return (IReadOnlyList<TableCell>)cellsOfRow;
            }).ToList();
            var header = rows.TakeWhile(r => r.IsHeader).Count();
            return new TableBlock([.. Enumerable.Repeat(ColumnWidth.Auto, columnCount)], cells) { HeaderRows = header };
        }

        TableCell Cell(MdTableCell cell, TableColumnAlign? align)
        {
            var runs = new List<Run>();
            foreach (var leaf in cell.Descendants<LeafBlock>())
            {
                if (runs.Count > 0)
                    runs.Add(Run.LineBreak);
                runs.AddRange(Runs(leaf.Inline));
            }
            return new TableCell(runs)
            {
                Align = align switch
                {
                    TableColumnAlign.Center => TextAlign.Center,
                    TableColumnAlign.Right => TextAlign.Right,
                    _ => TextAlign.Left,
                },
            };
        }

        IEnumerable<ContentBlock> Footnotes(FootnoteGroup group)
        {
            yield return new HorizontalRule { Fraction = 0.3 };
            foreach (var note in group.OfType<Footnote>().OrderBy(f => f.Order))
            {
                yield return new Anchor(options.FootnoteAnchorPrefix + note.Order.ToString(CultureInfo.InvariantCulture));
                var first = true;
                foreach (var block in Blocks(note))
                {
                    if (block is Paragraph p)
                    {
                        var runs = first ? [new Run($"{note.Order}. "), .. p.Runs] : p.Runs;
                        yield return p with { Runs = runs, Style = Typography.Note, Align = TextAlign.Left };
                    }
                    else
                        yield return block;
                    first = false;
                }
            }
        }

        List<Run> Runs(ContainerInline? container)
        {
            var runs = new List<Run>();
            if (container is not null)
                AddRuns(container, default, runs);
            return runs;
        }

        void AddRuns(ContainerInline container, InlineState state, List<Run> runs)
        {
            foreach (var inline in container)
                AddRuns(inline, state, runs);
        }

        void AddRuns(Inline inline, InlineState state, List<Run> runs)
        {
            if (options.MapInline?.Invoke(inline) is { } custom)
            {
                runs.AddRange(custom);
                return;
            }
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(new Run(literal.Content.ToString(), state.Style) { Uri = state.Uri });
                    break;
                case EmphasisInline { DelimiterChar: '*' or '_' } emphasis:
                    AddRuns(emphasis, emphasis.DelimiterCount >= 2 ? state with { Bold = true } : state with { Italic = true }, runs);
                    break;
                case CodeInline code:
                    runs.Add(new Run(code.Content, RunStyle.Code) { Uri = state.Uri });
                    break;
                case LinkInline { IsImage: true } image:
                    runs.Add(new Run($"[image : {string.Concat(Runs(image).Select(r => r.Text))}]", RunStyle.Italic));
                    break;
                case LinkInline link:
                    var uri = SafeUri(link.Url);
                    if (link.FirstChild is null)
                        runs.Add(new Run(link.Url ?? "", state.Style) { Uri = uri });
                    else
                        AddRuns(link, state with { Uri = uri }, runs);
                    break;
                case AutolinkInline auto:
                    runs.Add(new Run(auto.Url, state.Style) { Uri = SafeUri(auto.IsEmail ? "mailto:" + auto.Url : auto.Url) });
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(lineBreak.IsHard ? Run.LineBreak : new Run(" "));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(new Run(entity.Transcoded.ToString(), state.Style) { Uri = state.Uri });
                    break;
                case HtmlInline html:
                    if (html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase))
                        runs.Add(Run.LineBreak);
                    break;
                case FootnoteLink { IsBackLink: true }:
                    break;
                case FootnoteLink note:
                    var order = note.Footnote.Order.ToString(CultureInfo.InvariantCulture);
                    runs.Add(Run.Reference(order, options.FootnoteAnchorPrefix + order));
                    break;
                case ContainerInline container:
                    AddRuns(container, state, runs);
                    break;
                default:
                    if (Literal(inline.Span) is { Length: > 0 } text)
                        runs.Add(new Run(text, state.Style) { Uri = state.Uri });
                    break;
            }
        }

        string? SafeUri(string? url)
        {
            if (string.IsNullOrWhiteSpace(url))
                return null;
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                && !url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                url = options.ResolveUrl?.Invoke(url);
            return url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) ? url : null;
        }

        string Literal(SourceSpan span) =>
            options.Source is { } source && !span.IsEmpty && span.Start >= 0 && span.End < source.Length
                ? source.Substring(span.Start, span.Length)
                : "";
    }
}
