using PdfSharp.Drawing;

namespace Vigie.Pdf;

/// <summary>One text style. <see cref="Rise"/> lifts superscripts above the baseline.</summary>
public sealed record TextStyle(string Family, double Size)
{
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public XColor Color { get; init; } = Typography.Ink;
    /// <summary>Line height as a multiple of the font size.</summary>
    public double LineSpacing { get; init; } = 1.4;
    public double Rise { get; init; }

    public double LineHeight => Size * LineSpacing;
}

/// <summary>
/// Every style, colour and spacing of the printed documents, in one place: a sober report look, sans-serif body,
/// serif headings, monospace for code and raw excerpts.
/// </summary>
public static class Typography
{
    public const string Sans = "DejaVu Sans";
    public const string Serif = "DejaVu Serif";
    public const string Mono = "DejaVu Sans Mono";

    public static readonly XColor Ink = XColor.FromArgb(0x1F, 0x1F, 0x1F);
    public static readonly XColor Muted = XColor.FromArgb(0x5F, 0x5F, 0x5F);
    public static readonly XColor LinkColor = XColor.FromArgb(0x1A, 0x4B, 0x8C);
    public static readonly XColor RuleColor = XColor.FromArgb(0xB4, 0xB4, 0xB4);
    public static readonly XColor QuoteBarColor = XColor.FromArgb(0xC4, 0xC4, 0xC4);
    public static readonly XColor TableLine = XColor.FromArgb(0xD0, 0xD0, 0xD0);
    public static readonly XColor TableHeaderLine = XColor.FromArgb(0x70, 0x70, 0x70);
    public static readonly XColor TableHeaderFill = XColor.FromArgb(0xEE, 0xEE, 0xEC);
    public static readonly XColor CodeFill = XColor.FromArgb(0xF3, 0xF3, 0xF1);

    public static readonly TextStyle Body = new(Sans, 10);
    public static readonly TextStyle Quote = Body with { Italic = true, Color = XColor.FromArgb(0x40, 0x40, 0x40) };
    public static readonly TextStyle Code = new(Mono, 8.5) { LineSpacing = 1.35 };
    public static readonly TextStyle TableText = new(Sans, 8.8) { LineSpacing = 1.3 };
    public static readonly TextStyle TableHeader = TableText with { Bold = true };
    public static readonly TextStyle Note = new(Sans, 8.5) { Color = Muted, LineSpacing = 1.35 };
    public static readonly TextStyle Caption = Note with { Italic = true };
    public static readonly TextStyle ListMarker = Body;
    public static readonly TextStyle PageHeader = new(Sans, 7.5) { Color = Muted };
    public static readonly TextStyle PageFooter = new(Sans, 7.5) { Color = Muted, LineSpacing = 1.3 };
    public static readonly TextStyle AppendixStamp = new(Sans, 7) { Color = Ink };

    public static TextStyle Heading(int level) => level switch
    {
        1 => new(Serif, 17) { Bold = true, LineSpacing = 1.25 },
        2 => new(Serif, 13.5) { Bold = true, LineSpacing = 1.25 },
        3 => new(Serif, 11.5) { Bold = true, LineSpacing = 1.3 },
        _ => new(Serif, 10.5) { Bold = true, Italic = true, LineSpacing = 1.3 },
    };

    public static double HeadingSpaceBefore(int level) => level switch { 1 => 20, 2 => 16, 3 => 12, _ => 10 };
    public const double HeadingSpaceAfter = 5;
    public const double ParagraphSpacing = 6;
    public const double ListItemSpacing = 2.5;
    public const double ListIndent = 16;
    public const double QuoteIndent = 14;
    public const double QuoteBarWidth = 1.6;
    public const double CodePadding = 5;
    public const double CellPaddingX = 4;
    public const double CellPaddingY = 3;
    public const double RuleHeight = 14;

    // A4 in points; 20 mm side margins, room for the footer below the content.
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double MarginLeft = 62;
    public const double MarginRight = 62;
    public const double MarginTop = 58;
    public const double MarginBottom = 66;

    /// <summary>The style of a run inside a paragraph of style <paramref name="paragraph"/>.</summary>
    public static TextStyle ForRun(TextStyle paragraph, Run run)
    {
        var style = run.Style switch
        {
            RunStyle.Bold => paragraph with { Bold = true },
            RunStyle.Italic => paragraph with { Italic = !paragraph.Italic },
            RunStyle.BoldItalic => paragraph with { Bold = true, Italic = true },
            RunStyle.Code => paragraph with { Family = Mono, Size = Math.Round(paragraph.Size * 0.88, 2), Italic = false },
            _ => paragraph,
        };
        if (run.Uri is not null)
            style = style with { Color = LinkColor };
        if (run.Superscript)
            style = style with { Size = Math.Round(paragraph.Size * 0.68, 2), Rise = paragraph.Size * 0.36, Color = run.AnchorLink is null ? style.Color : LinkColor };
        return style;
    }
}
