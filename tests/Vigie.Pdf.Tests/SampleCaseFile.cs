using Markdig;

namespace Vigie.Pdf.Tests;

/// <summary>
/// A case file composed the way the web app is expected to do it: one document class whose Compose calls small
/// Compose methods, each adding blocks from the library.
/// </summary>
internal sealed class SampleCaseFile(int narrativeRepeats = 1)
{
    public PrintDocument Compose()
    {
        var document = new PrintDocument(new DocumentInfo("Élancourt — vidéoprotection de la voie publique")
        {
            Author = "Vigie",
            Subject = "Dossier : contrats de vidéoprotection d'Élancourt (Yvelines)",
            Keywords = "vidéoprotection, marché public, CADA, Élancourt",
            GeneratedAt = TestPdf.GeneratedAt,
            Url = "https://vigie.example.org/dossiers/elancourt-videoprotection",
            Header = "Vigie — dossier documentaire",
        });
        ComposeHeader(document);
        ComposeSummary(document);
        ComposeContent(document);
        ComposeSources(document);
        ComposeAppendices(document);
        return document;
    }

    static void ComposeHeader(PrintDocument document) => document.Add(
        new Heading(1, "Élancourt (Yvelines) — vidéoprotection de la voie publique"),
        new Paragraph(Run.Italic("Dossier établi à partir de documents administratifs obtenus auprès de la commune et de la préfecture."))
        {
            Style = Typography.Note,
            Align = TextAlign.Left,
        });

    static void ComposeSummary(PrintDocument document) => document.Add(
        new Heading(2, "En bref"),
        new TableBlock([ColumnWidth.Fixed(150), ColumnWidth.Relative()],
        [
            ["Élément", "Valeur"],
            ["Commune", "Élancourt (78990), 25\u202F000 habitants"],
            ["Contrat", new TableCell([Run.Plain("Marché n° 2019-07 — "), Run.Bold("20\u202F000\u202F000\u00A0€"), Run.Plain(" TTC sur 5 ans")])],
            ["Titulaire", "Acme Sécurité SAS"],
            ["Caméras", "86 caméras dont 12 à lecture automatique de plaques (LAPI)"],
            ["Source principale", new TableCell([Run.Link("Délibération du 2 juillet 2019", "https://www.elancourt.fr/deliberations/2019-07-02.pdf"), Run.Reference("1", "source-1")])],
        ]));

    void ComposeContent(PrintDocument document)
    {
        var markdown = Markdown.Parse(MarkdownTests.Narrative, MarkdownTests.Pipeline());
        for (var i = 0; i < narrativeRepeats; i++)
        {
            document.AddRange(MarkdownMapper.Map(markdown, new MarkdownOptions
            {
                HeadingOffset = 1,
                FootnoteAnchorPrefix = $"note-{i}-",
                MapInline = inline => inline is CitationInline c ? [Run.Reference(c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"source-{c.Number}")] : null,
            }));
            document.Add(new Paragraph(TestPdf.Lorem(180, i)), new Paragraph(TestPdf.Lorem(120, i + 100)));
        }
        document.Add(
            new Heading(3, "Chronologie"),
            new ItemList([
                new ListItem(Run.Bold("2 juillet 2019 : "), Run.Plain("délibération autorisant la signature du marché.")),
                new ListItem(Run.Bold("3 octobre 2019 : "), Run.Plain("demande CADA pour obtenir le contrat et ses annexes.")),
                new ListItem(Run.Bold("12 décembre 2019 : "), Run.Plain("avis favorable de la CADA (n° 20194512).")),
            ], Ordered: false),
            new Preformatted("Article 4.2 — Durée de conservation des images : 30 jours\nArticle 7 — Maintenance préventive : 2 visites par an"),
            new ImageBlock(TestPdf.Png(480, 180, (x, y) => ((byte)(40 + x / 4), (byte)(90 + y / 3), (byte)(160 - x / 6))))
            {
                Caption = "Figure 1 — Emplacement des caméras (illustration)",
                MaxWidth = 300,
            });
    }

    static void ComposeSources(PrintDocument document) => document.Add(
        new KeepTogether([
            new Heading(2, "Sources"),
            new Anchor("source-1"),
            new Paragraph(Run.Plain("1. "), Run.Link("Délibération n° 2019-07 du conseil municipal", "https://www.elancourt.fr/deliberations/2019-07-02.pdf")) { Align = TextAlign.Left },
            new Anchor("source-3"),
            new Paragraph("3. Contrat de maintenance, obtenu le 3 octobre 2019 via une demande CADA.") { Align = TextAlign.Left },
        ]));

    static void ComposeAppendices(PrintDocument document)
    {
    }
}
