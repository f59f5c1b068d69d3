namespace Vigie.Pdf;

public enum RunStyle { Regular, Bold, Italic, BoldItalic, Code }

public enum TextAlign { Left, Justify, Center, Right }

/// <summary>
/// A piece of text with one style. <see cref="Uri"/> makes it a web link, <see cref="AnchorLink"/> a link to an
/// <see cref="Anchor"/> of the same document; a <see cref="Superscript"/> run is a footnote or citation mark.
/// </summary>
public sealed record Run(string Text, RunStyle Style = RunStyle.Regular)
{
    public string? Uri { get; init; }
    public string? AnchorLink { get; init; }
    public bool Superscript { get; init; }

    /// <summary>A forced line break (Markdown hard break).</summary>
    public static Run LineBreak { get; } = new("\n");

    public static Run Plain(string text) => new(text);
    public static Run Bold(string text) => new(text, RunStyle.Bold);
    public static Run Italic(string text) => new(text, RunStyle.Italic);
    public static Run Code(string text) => new(text, RunStyle.Code);
    public static Run Link(string text, string uri, RunStyle style = RunStyle.Regular) => new(text, style) { Uri = uri };

    /// <summary>A superscript reference such as a citation "3" linking to the anchor "source-3".</summary>
    public static Run Reference(string label, string? anchor = null) => new(label) { Superscript = true, AnchorLink = anchor };

    public static implicit operator Run(string text) => new(text);
}

/// <summary>Base of every block of the document model.</summary>
public abstract record ContentBlock;

/// <summary>Level 1 to 4; each heading is also an entry of the PDF outline.</summary>
public sealed record Heading(int Level, IReadOnlyList<Run> Runs) : ContentBlock
{
    public Heading(int level, string text) : this(level, [new Run(text)]) { }

    /// <summary>Optional anchor name so links can point at this heading.</summary>
    public string? Anchor { get; init; }

    public string PlainText => string.Concat(Runs.Select(r => r.Text == "\n" ? " " : r.Text));
}

public sealed record Paragraph(IReadOnlyList<Run> Runs) : ContentBlock
{
    public Paragraph(params Run[] runs) : this((IReadOnlyList<Run>)runs) { }

    /// <summary>Null: body style from <see cref="Typography"/>.</summary>
    public TextStyle? Style { get; init; }
    /// <summary>
    /// Ragged right by default: it reads better in a sans-serif with long French words and URLs, and each line is drawn
    /// with one text operator per style instead of one per word.
    /// </summary>
    public TextAlign Align { get; init; } = TextAlign.Left;
}

public sealed record ListItem(IReadOnlyList<ContentBlock> Blocks)
{
    public ListItem(params Run[] runs) : this([new Paragraph(runs)]) { }
}

public sealed record ItemList(IReadOnlyList<ListItem> Items, bool Ordered = false) : ContentBlock
{
    public int Start { get; init; } = 1;
}

/// <summary>A column is either a share of the free width, a fixed width in points, or sized from its content.</summary>
public readonly record struct ColumnWidth(double Value, ColumnWidthKind Kind)
{
    public static ColumnWidth Relative(double weight = 1) => new(weight, ColumnWidthKind.Relative);
    public static ColumnWidth Fixed(double points) => new(points, ColumnWidthKind.Fixed);
    public static ColumnWidth Auto { get; } = new(0, ColumnWidthKind.Auto);
}

public enum ColumnWidthKind { Relative, Fixed, Auto }

public sealed record TableCell(IReadOnlyList<Run> Runs)
{
    public TableCell(string text) : this([new Run(text)]) { }
    public TextAlign Align { get; init; } = TextAlign.Left;

    public static implicit operator TableCell(string text) => new(text);
}

/// <summary>The first <see cref="HeaderRows"/> rows are repeated at the top of every page the table spans.</summary>
public sealed record TableBlock(IReadOnlyList<ColumnWidth> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows) : ContentBlock
{
    public int HeaderRows { get; init; } = 1;
}

public sealed record BlockQuote(IReadOnlyList<ContentBlock> Blocks) : ContentBlock;

/// <summary>Monospaced text kept as written (code, raw excerpts); long lines wrap at the character.</summary>
public sealed record Preformatted(string Text) : ContentBlock;

public sealed record HorizontalRule : ContentBlock
{
    /// <summary>Share of the column width, drawn from the left (0.3 for a footnote separator).</summary>
    public double Fraction { get; init; } = 1;
}

/// <summary>PNG or JPEG bytes, scaled down to the column width (or <see cref="MaxWidth"/>).</summary>
public sealed record ImageBlock(byte[] Data) : ContentBlock
{
    public string? Caption { get; init; }
    public double? MaxWidth { get; init; }
}

/// <summary>Its blocks go on one page whenever they fit on one.</summary>
public sealed record KeepTogether(IReadOnlyList<ContentBlock> Blocks) : ContentBlock;

public sealed record PageBreak : ContentBlock;

public sealed record Spacer(double Height) : ContentBlock;

/// <summary>A named destination ("source-3") placed where the next block starts.</summary>
public sealed record Anchor(string Name) : ContentBlock;

/// <summary>What the PDF says about itself, and what the footer shows.</summary>
public sealed record DocumentInfo(string Title)
{
    public string? Author { get; init; }
    public string? Subject { get; init; }
    public string? Keywords { get; init; }
    public DateTimeOffset GeneratedAt { get; init; } = DateTimeOffset.Now;
    /// <summary>Shown in the footer, e.g. the page of the case file on the site.</summary>
    public string? Url { get; init; }
    /// <summary>Optional small line at the top of every generated page.</summary>
    public string? Header { get; init; }
}

public enum AppendixKind { Pdf, Image }

/// <summary>
/// An external file printed after the generated pages. <see cref="Caption"/> is stamped on each of its pages
/// (followed by "page k/n"); <see cref="OutlineTitle"/> names its outline entry.
/// </summary>
public sealed record Appendix(AppendixKind Kind, byte[] Data, string Caption)
{
    public string? OutlineTitle { get; init; }

    public static Appendix Pdf(byte[] data, string caption) => new(AppendixKind.Pdf, data, caption);
    public static Appendix Image(byte[] data, string caption) => new(AppendixKind.Image, data, caption);
}

/// <summary>A document: metadata, blocks and appendices, rendered by <see cref="PdfRenderer"/>.</summary>
public sealed class PrintDocument(DocumentInfo info)
{
    public DocumentInfo Info { get; } = info;
    public List<ContentBlock> Blocks { get; } = [];
    public List<Appendix> Appendices { get; } = [];

    public PrintDocument Add(params ContentBlock[] blocks)
    {
        Blocks.AddRange(blocks);
        return this;
    }

    public PrintDocument AddRange(IEnumerable<ContentBlock> blocks)
    {
        Blocks.AddRange(blocks);
        return this;
    }

    public PrintDocument AddAppendix(Appendix appendix)
    {
        Appendices.Add(appendix);
        return this;
    }
}

/// <summary>An appendix that was left out, with a French reason the caller can show.</summary>
public sealed record AppendixFailure(Appendix Appendix, string Reason);

public sealed record RenderResult(byte[] Pdf, int PageCount, int GeneratedPageCount, IReadOnlyList<AppendixFailure> Failures);
