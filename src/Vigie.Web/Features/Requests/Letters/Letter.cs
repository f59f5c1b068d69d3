using System.Text;
using Vigie.Pdf;

namespace Vigie.Web.Features.Requests.Letters;

public enum LetterKind
{
    Request,
    Reminder,
    Referral,
}

public static class LetterKinds
{
    private static readonly (LetterKind Kind, string Slug)[] Slugs =
        [(LetterKind.Request, "demande"), (LetterKind.Reminder, "relance"), (LetterKind.Referral, "saisine-cada")];

    public static string Slug(this LetterKind kind) => Slugs.First(s => s.Kind == kind).Slug;

    public static LetterKind? FromSlug(string? slug) => Slugs.FirstOrDefault(s => s.Slug == slug) is { Slug: not null } found ? found.Kind : null;

    public static string Label(this LetterKind kind) => kind switch
    {
        LetterKind.Request => "Demande",
        LetterKind.Reminder => "Relance",
        _ => "Saisine de la CADA",
    };
}

public abstract record LetterBlock;

/// <summary>An address or signature: lines kept as they are.</summary>
public sealed record LetterLines(IReadOnlyList<string> Lines, bool AlignRight = false) : LetterBlock;

public sealed record LetterParagraph(string Text, string? Lead = null) : LetterBlock;

public sealed record LetterHeading(string Text) : LetterBlock;

public sealed record LetterList(IReadOnlyList<string> Items, bool Numbered = true) : LetterBlock;

/// <summary>A drafted letter, written once and rendered as plain text (for an email) or as a PDF with Vigie.Pdf.</summary>
public sealed record Letter(LetterKind Kind, string Title, string FileName, IReadOnlyList<LetterBlock> Blocks)
{
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var block in Blocks)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            switch (block)
            {
                case LetterLines lines:
                    foreach (var line in lines.Lines)
                    {
                        text.Append(line).Append('\n');
                    }
                    break;
                case LetterParagraph p:
                    text.Append(p.Lead).Append(p.Text).Append('\n');
                    break;
                case LetterHeading h:
                    text.Append(h.Text).Append('\n');
                    break;
                case LetterList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        text.Append(list.Numbered ? $"{i + 1}. " : "- ").Append(list.Items[i]).Append('\n');
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>The same blocks with the case files' fonts and <see cref="Typography"/>.</summary>
    public PrintDocument ToPrint(DateTimeOffset generatedAt)
    {
        var document = new PrintDocument(new DocumentInfo(Title) { Author = "Vigie", Subject = Title, GeneratedAt = generatedAt });
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case LetterLines lines:
                    var runs = new List<Run>();
                    foreach (var line in lines.Lines)
                    {
                        if (runs.Count > 0)
                        {
                            runs.Add(Run.LineBreak);
                        }
                        runs.Add(Run.Plain(line));
                    }
                    document.Add(new Paragraph(runs) { Align = lines.AlignRight ? TextAlign.Right : TextAlign.Left }, new Spacer(8));
                    break;
                case LetterParagraph p:
                    document.Add(p.Lead is null ? new Paragraph(Run.Plain(p.Text)) : new Paragraph(Run.Bold(p.Lead), Run.Plain(p.Text)));
                    break;
                case LetterHeading h:
                    document.Add(new Spacer(4), new Paragraph(Run.Bold(h.Text)));
                    break;
                case LetterList list:
                    document.Add(new ItemList(list.Items.Select(item => new ListItem(Run.Plain(item))).ToList(), list.Numbered));
                    break;
            }
        }
        return document;
    }
}
