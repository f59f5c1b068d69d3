using System.Globalization;
using Vigie.Pdf;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Cases;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Markdown;

namespace Vigie.Web.Features.CaseFiles;

/// <summary>
/// The printable case file: the case page made into a document that stands on its own. Compose calls one
/// small method per section, in the order a reader needs them.
/// </summary>
public sealed class CaseFileDocument(CasePage page, string caseUrl, DateTimeOffset generatedAt,
    IReadOnlyList<CaseFileAppendix>? appendices = null, IReadOnlyList<(CaseFileAppendix Appendix, string Reason)>? skipped = null)
{
    private Case Case => page.Case;

    public PrintDocument Compose()
    {
        var municipality = Case.Municipality!;
        var document = new PrintDocument(new DocumentInfo(Case.Title)
        {
            Author = "Vigie",
            Subject = $"Dossier Vigie : {municipality.Name} ({municipality.Department?.Name}, {municipality.DepartmentCode})",
            Keywords = string.Join(", ", Case.Technologies.Select(t => t.Name).Concat(Case.Vendors.Select(v => v.Name)).Append(municipality.Name)),
            GeneratedAt = generatedAt,
            Url = caseUrl,
            Header = $"Vigie — {municipality.Name}",
        });
        ComposeCover(document);
        ComposeKeyFacts(document);
        ComposeNarrative(document);
        ComposeContracts(document);
        ComposeFunding(document);
        ComposeTimeline(document);
        ComposeQuotes(document);
        ComposeRequests(document);
        ComposeDocuments(document);
        ComposeSources(document);
        ComposeAppendixList(document);
        return document;
    }

    /// <summary>The stamp in the margin of every appended page: what it is and where it came from.</summary>
    public static string AppendixCaption(CasePage page, CaseFileAppendix appendix)
    {
        var d = appendix.Document;
        var caption = $"Annexe {appendix.Number} — {d.Title}";
        if (d.ReceivedOn is { } received)
        {
            caption += $" — obtenu le {Fr.Date(received)}";
        }
        if (d.CadaRequestId is int id && page.RequestSubjects.TryGetValue(id, out var subject))
        {
            caption += $" via la demande «\u00a0{subject}\u00a0»";
        }
        return caption;
    }

    private void ComposeAppendixList(PrintDocument document)
    {
        var listed = appendices ?? [];
        var failed = skipped ?? [];
        if (listed.Count == 0 && failed.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, "Annexes"));
        if (listed.Count > 0)
        {
            document.Add(new Paragraph("Les documents suivants sont reproduits à la suite, page par page, chacun tamponné de sa provenance.") { Style = Typography.Note });
            document.Add(new ItemList(listed.Select(a => new ListItem(Run.Bold($"Annexe {a.Number}. "), Run.Plain(AppendixCaption(page, a)[$"Annexe {a.Number} — ".Length..]))).ToList()));
        }
        if (failed.Count > 0)
        {
            document.Add(new Paragraph("Documents non joints :") { Style = Typography.Note });
            document.Add(new ItemList(failed.Select(f => new ListItem(Run.Bold(f.Appendix.Document.Title), Run.Plain($" — {f.Reason}"))).ToList()));
        }
    }

    private void ComposeCover(PrintDocument document)
    {
        var m = Case.Municipality!;
        document.Add(
            new Paragraph(Run.Bold($"{m.Name.ToUpper(Fr.Culture)} · {m.Department?.Name} ({m.DepartmentCode})")) { Style = Typography.Note },
            new Heading(1, Case.Title));
        if (!string.IsNullOrWhiteSpace(Case.Summary))
        {
            document.Add(new Paragraph(Case.Summary) { Style = Typography.Body with { Size = 11, LineSpacing = 1.45 } });
        }
        var rows = new List<IReadOnlyList<TableCell>>
        {
            new TableCell[] { "Commune", $"{m.Name} ({m.InseeCode}), {m.Department?.Name}" + (m.Population is int p ? $", {Fr.Number(p)} habitants" : "") },
        };
        if (Case.Technologies.Count > 0)
        {
            rows.Add(["Technologies", string.Join(", ", Case.Technologies.Select(t => t.Name))]);
        }
        if (Case.Vendors.Count > 0)
        {
            rows.Add(["Prestataires", string.Join(", ", Case.Vendors.Select(v => v.Country is null ? v.Name : $"{v.Name} ({v.Country})"))]);
        }
        rows.Add(["Statut", Case.PublishedAt is { } published ? $"{Labels.Of(Case.Status)} le {Fr.Date(published)}" : Labels.Of(Case.Status)]);
        rows.Add(["Dossier en ligne", new TableCell([Run.Link(caseUrl, caseUrl)])]);
        rows.Add(["Document généré le", Fr.Date(generatedAt)]);
        document.Add(new TableBlock([ColumnWidth.Fixed(120), ColumnWidth.Relative()], rows) { HeaderRows = 0 });
    }

    private void ComposeKeyFacts(PrintDocument document)
    {
        if (page.Contracts.Count == 0 && page.Fundings.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, "Faits essentiels"));
        var rows = new List<IReadOnlyList<TableCell>> { new TableCell[] { "Signé", "Marché ou convention", "Prestataire", new("Montant") { Align = TextAlign.Right } } };
        foreach (var k in page.Contracts)
        {
            rows.Add([
                k.SignedOn is { } s ? Fr.Date(s, k.SignedOnPrecision) : "date inconnue",
                new TableCell(Cited(k.Object, k.SourceId)),
                k.Vendor?.Name ?? "—",
                new(k.AmountEuros is decimal a ? Fr.Euros(a) : "non communiqué") { Align = TextAlign.Right },
            ]);
        }
        if (page.Fundings.Count > 0)
        {
            rows.Add([
                "",
                new TableCell([Run.Bold("Financement annoncé" + (page.FundingHasEstimates ? " (estimations comprises)" : ""))]),
                "",
                new([Run.Bold(Fr.Euros(page.FundingTotal))]) { Align = TextAlign.Right },
            ]);
        }
        document.Add(new TableBlock([ColumnWidth.Fixed(78), ColumnWidth.Relative(), ColumnWidth.Fixed(78), ColumnWidth.Fixed(96)], rows));
    }

    private void ComposeNarrative(PrintDocument document)
    {
        document.Add(new Heading(2, "Description"));
        var numbers = page.Sources.Select(s => s.Number).ToHashSet();
        var markdown = NarrativeMarkdown.Parse(Case.Body, numbers);
        document.AddRange(MarkdownMapper.Map(markdown, new MarkdownOptions
        {
            HeadingOffset = 2,
            Source = Case.Body,
            MapInline = inline => inline switch
            {
                SourceCitation { IsKnown: true } c => [Run.Reference($"[{c.Number}]", SourceAnchor(c.Number))],
                SourceCitation c => [Run.Reference($"[{c.Number} ?]")],
                _ => null,
            },
        }));
    }

    private void ComposeContracts(PrintDocument document)
    {
        if (page.Contracts.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, "Marchés et contrats"));
        foreach (var k in page.Contracts)
        {
            var details = new List<ContentBlock>
            {
                new Heading(3, Cited(k.Object, k.SourceId)),
                new Paragraph(
                    Run.Bold("Signé : "), Run.Plain(k.SignedOn is { } s ? Fr.Date(s, k.SignedOnPrecision) : "date inconnue"),
                    Run.Plain(k.Vendor is null ? "" : " · "), Run.Bold(k.Vendor is null ? "" : "Prestataire : "), Run.Plain(k.Vendor?.Name ?? ""),
                    Run.Plain(" · "), Run.Bold("Montant : "), Run.Plain(k.AmountEuros is decimal a ? Fr.Euros(a) : "non communiqué"),
                    Run.Plain(k.Reference is null ? "" : $" · Référence : {k.Reference}")),
            };
            if (k.Missing is not null)
            {
                details.Add(new BlockQuote([new Paragraph(Run.Bold("Manquant : "), Run.Plain(k.Missing))]));
            }
            if (k.Notes is not null)
            {
                details.Add(new Paragraph(k.Notes) { Style = Typography.Note });
            }
            document.Add(new KeepTogether(details));
        }
    }

    private void ComposeFunding(PrintDocument document)
    {
        if (page.Fundings.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, page.Fundings.Count > 1 ? "Financements" : "Financement"));
        var rows = new List<IReadOnlyList<TableCell>> { new TableCell[] { "Poste", new("Montant") { Align = TextAlign.Right }, "Année", "Financeur" } };
        foreach (var f in page.Fundings)
        {
            rows.Add([
                new TableCell(Cited(f.Label, f.SourceId)),
                new(Fr.Euros(f.AmountEuros) + (f.IsEstimate ? " (estimation)" : "")) { Align = TextAlign.Right },
                f.Year?.ToString(CultureInfo.InvariantCulture) ?? "—",
                f.Funder ?? "—",
            ]);
        }
        rows.Add([new TableCell([Run.Bold("Total" + (page.FundingHasEstimates ? " (estimations comprises)" : ""))]), new([Run.Bold(Fr.Euros(page.FundingTotal))]) { Align = TextAlign.Right }, "", ""]);
        document.Add(new TableBlock([ColumnWidth.Relative(), ColumnWidth.Fixed(150), ColumnWidth.Fixed(40), ColumnWidth.Fixed(80)], rows));
    }

    private void ComposeTimeline(PrintDocument document)
    {
        if (page.Timeline.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, "Chronologie"));
        var rows = new List<IReadOnlyList<TableCell>> { new TableCell[] { "Date", "Événement" } };
        foreach (var e in page.Timeline)
        {
            var runs = new List<Run> { Run.Bold(e.Title) };
            runs.AddRange(Citation(e.SourceId));
            if (e.Description is not null)
            {
                runs.AddRange([Run.LineBreak, Run.Plain(e.Description)]);
            }
            rows.Add([Fr.Date(e.OccurredOn, e.OccurredOnPrecision), new TableCell(runs)]);
        }
        document.Add(new TableBlock([ColumnWidth.Fixed(95), ColumnWidth.Relative()], rows));
    }

    private void ComposeQuotes(PrintDocument document)
    {
        if (page.Quotes.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, "Citations"));
        foreach (var q in page.Quotes)
        {
            var attribution = new List<Run> { Run.Plain("— "), Run.Bold(q.Speaker) };
            if (q.SpeakerRole is not null)
            {
                attribution.Add(Run.Plain($", {q.SpeakerRole}"));
            }
            if (q.SaidOn is { } said)
            {
                attribution.Add(Run.Plain($", {Fr.Date(said, q.SaidOnPrecision)}"));
            }
            attribution.AddRange(Citation(q.SourceId));
            document.Add(new KeepTogether([
                new BlockQuote([new Paragraph($"«\u00a0{q.Text}\u00a0»") { Style = Typography.Quote }]),
                new Paragraph(attribution) { Style = Typography.Note },
            ]));
        }
    }

    private void ComposeRequests(PrintDocument document)
    {
        if (page.Requests.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, "Demandes CADA"));
        foreach (var view in page.Requests)
        {
            var r = view.Request;
            var blocks = new List<ContentBlock>
            {
                new Heading(3, r.Subject),
                new Paragraph(Run.Bold("État : "), Run.Plain(view.Analysis.StateLabel), Run.Plain($" · auprès de {r.PublicBody!.Name}"),
                    Run.Plain(view.Sent is { } sent ? $" · envoyée {(sent.IsApproximate ? "" : "le ")}{Requests.EventRules.DisplayDate(sent)}" : "")),
            };
            if (view.Documents.Count > 0)
            {
                blocks.Add(new Paragraph("Documents demandés :") { Style = Typography.Note });
                blocks.Add(new ItemList(view.Documents.Select((d, i) => new ListItem(Run.Plain(
                    view.Sent is not null && i < view.Analysis.DocumentOutcomes.Count
                        ? $"{d.Title} — {Requests.Deadlines.FrenchLabels.Label(view.Analysis.DocumentOutcomes[i].Status)}"
                        : d.Title))).ToList()));
            }
            if (r.OutcomeSummary is not null)
            {
                blocks.Add(new Paragraph(Run.Bold("Résultat : "), Run.Plain(r.OutcomeSummary)));
            }
            document.Add(new KeepTogether(blocks));
            if (view.Analysis.Deadlines.Count > 0)
            {
                var rows = new List<IReadOnlyList<TableCell>> { new TableCell[] { "Échéance", "Délai et explication", "Portée" } };
                rows.AddRange(view.Analysis.Deadlines.Select(d => (IReadOnlyList<TableCell>)new TableCell[]
                {
                    Fr.Date(d.Date) + (d.IsPast ? " (passée)" : ""),
                    new([Run.Bold(Requests.Deadlines.FrenchLabels.Label(d.Kind) + " — "), Run.Plain(d.Explanation)]),
                    Requests.Deadlines.FrenchLabels.Label(d.Enforceability),
                }));
                document.Add(new TableBlock([ColumnWidth.Fixed(92), ColumnWidth.Relative(), ColumnWidth.Fixed(70)], rows));
            }
            if (!view.Analysis.IsClosed && !string.IsNullOrEmpty(view.Analysis.NextAction))
            {
                document.Add(new Paragraph(Run.Bold("Prochaine étape : "), Run.Plain(view.Analysis.NextAction)));
            }
        }
    }

    private void ComposeDocuments(PrintDocument document)
    {
        if (page.Documents.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, "Documents"));
        document.Add(new ItemList(page.Documents.Select(d =>
        {
            var runs = new List<Run> { Run.Bold(d.Title), Run.Plain($" — {Labels.Of(d.Kind)}") };
            if (d.Date is { } date)
            {
                runs.Add(Run.Plain($", {Fr.Date(date)}"));
            }
            if (d.CadaRequestId is int id && page.RequestSubjects.TryGetValue(id, out var subject))
            {
                runs.Add(Run.Plain($", obtenu par la demande «\u00a0{subject}\u00a0»"));
            }
            if (appendices?.FirstOrDefault(a => a.Document.Id == d.Id) is { } appendix)
            {
                runs.Add(Run.Plain($" — reproduit en annexe {appendix.Number}"));
            }
            return new ListItem(runs.ToArray());
        }).ToList()));
    }

    private void ComposeSources(PrintDocument document)
    {
        if (page.Sources.Count == 0)
        {
            return;
        }
        document.Add(new Heading(2, "Sources"));
        foreach (var s in page.Sources)
        {
            var runs = new List<Run> { Run.Bold($"{s.Number}. ") };
            if (s.Publisher is not null)
            {
                runs.Add(Run.Plain($"{s.Publisher}, "));
            }
            runs.Add(Run.Italic($"«\u00a0{s.Title}\u00a0»"));
            if (s.PublishedOn is { } on)
            {
                runs.Add(Run.Plain($", {Fr.Date(on, s.PublishedOnPrecision)}"));
            }
            runs.Add(Run.Plain(". "));
            if (UrlPolicy.IsWebUrl(s.Url))
            {
                runs.Add(Run.Link(s.Url, s.Url));
            }
            if (s.ArchiveUrl is not null && UrlPolicy.IsWebUrl(s.ArchiveUrl))
            {
                runs.AddRange([Run.Plain(" — copie archivée : "), Run.Link(s.ArchiveUrl, s.ArchiveUrl)]);
            }
            document.Add(new Anchor(SourceAnchor(s.Number)), new Paragraph(runs));
        }
    }

    private static string SourceAnchor(int number) => $"source-{number.ToString(CultureInfo.InvariantCulture)}";

    private IEnumerable<Run> Citation(int? sourceId) =>
        page.SourceNumber(sourceId) is int n ? [Run.Reference($"[{n}]", SourceAnchor(n))] : [];

    private IReadOnlyList<Run> Cited(string text, int? sourceId) => [Run.Plain(text), .. Citation(sourceId)];
}
