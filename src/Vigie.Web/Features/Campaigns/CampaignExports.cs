using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Vigie.Pdf;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Features.Requests.Letters;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Privacy;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Campaigns;

/// <summary>
/// The campaign as a CSV file (one line per target; columns documented in docs/campaigns.md, never anyone's identity)
/// and its letters as a ZIP of PDFs and texts.
/// </summary>
public sealed class CampaignExports(VigieDbContext db, RequestAnalyser analyser)
{
    public static readonly string[] Header =
    [
        "organisme_id", "organisme", "type", "code_insee", "departement", "population", "demande_id", "demande_publique", "reservee",
        "etat", "etat_libelle", "etape", "envoyee_le", "reception_le", "premiere_reponse_le", "saisine_cada_le", "avis_cada",
        "prochaine_echeance", "nature_echeance", "issue", "documents_recus", "documents_occultes", "documents_refuses",
        "documents_sans_reponse", "documents", "motifs_refus",
    ];

    /// <summary>
    /// Writes the CSV: every request's progress for members, the public ones' for anyone else (the others left blank); a
    /// request's own wording only for those who may see the request. Text cells go through <see cref="CsvCells"/> (no
    /// formula for a spreadsheet); ids, counts and dates are written as they are.
    /// </summary>
    public async Task WriteCsvAsync(Campaign campaign, Viewer viewer, TextWriter writer, CancellationToken cancellationToken)
    {
        var team = viewer.IsMember;
        var today = analyser.Today;
        var targets = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaign.Id)
            .Include(t => t.PublicBody!).ThenInclude(b => b.Municipality)
            .ToListAsync(cancellationToken);
        var requests = await analyser.Full().AsNoTracking().Where(r => r.CampaignId == campaign.Id).Include(r => r.Case).Include(r => r.Campaign)
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        await using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var target in targets.OrderBy(t => t.PublicBody!.DepartmentCode, StringComparer.Ordinal)
                     .ThenBy(t => t.PublicBody!.Name, StringComparer.Create(Fr.Culture, ignoreCase: true)).ThenBy(t => t.Id))
        {
            var body = target.PublicBody!;
            var request = target.CadaRequestId is { } id ? requests.GetValueOrDefault(id) : null;
            var identityFields = new[]
            {
                Number(body.Id), CsvCells.Text(body.Name), Labels.Of(body.Kind), body.Municipality?.InseeCode ?? "", body.DepartmentCode ?? "",
                body.Municipality?.Population is { } p ? Number(p) : "",
            };
            if (request is null || !(team || Visibility.IsPublic(request)))
            {
                var blank = Enumerable.Repeat("", Header.Length - identityFields.Length).ToArray();
                if (request is not null)
                {
                    blank[0] = Number(request.Id);
                    blank[1] = "non";
                    blank[5] = CampaignStage.Private.Slug();
                }
                else
                {
                    blank[5] = CampaignStage.NotCreated.Slug();
                }
                await csv.WriteRecordAsync([.. identityFields, .. blank], cancellationToken);
                continue;
            }
            var analysis = RequestAnalyser.Analyse(request, today);
            var events = RequestAnalyser.LiveEvents(request);
            var view = new PublicRequestView(request, analysis, events);
            var next = RequestAnalyser.NextDeadline(analysis, today);
            var documents = request.RequestedDocuments.OrderBy(d => d.Position).ToList();
            var outcomes = documents.Select((d, i) => i < analysis.DocumentOutcomes.Count ? analysis.DocumentOutcomes[i] : DocumentOutcome.NotAnswered(i + 1)).ToList();
            var sent = view.Sent is not null;
            await csv.WriteRecordAsync(
            [
                .. identityFields,
                Number(request.Id),
                Visibility.IsPublic(request) ? "oui" : "non",
                team ? (request.RequesterId is null ? "non" : "oui") : "",
                RequestStateIds.Of(analysis.State),
                CsvCells.Text(analysis.StateLabel),
                CampaignStages.Of(analysis.State).Slug(),
                Date(events.FirstOrDefault(e => e.Kind == RequestEventKind.Sent)),
                Date(events.FirstOrDefault(e => e.Kind == RequestEventKind.ReceivedByBody)),
                Date(events.FirstOrDefault(e => e.Kind is RequestEventKind.ReplyReceived or RequestEventKind.ExplicitRefusal)),
                Date(events.FirstOrDefault(e => e.Kind == RequestEventKind.ReferralSent)),
                CsvCells.Text(string.Join(" | ", events.Where(e => e.Kind == RequestEventKind.CadaOpinion && e.OpinionNumber is not null)
                    .Select(e => $"{e.OpinionNumber} {(e.OpinionSens ?? OpinionSens.Favorable).Label()}{(string.IsNullOrWhiteSpace(e.OpinionMotivation) ? "" : $" ({e.OpinionMotivation})")}"))),
                next is null ? "" : next.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                next is null ? "" : next.Kind.Label(),
                sent ? Issue(TransparencySummary.Classify(view)) : "",
                sent ? Number(outcomes.Count(o => o.Status == DocumentStatus.Received)) : "",
                sent ? Number(outcomes.Count(o => o.Status == DocumentStatus.ReceivedRedacted)) : "",
                sent ? Number(outcomes.Count(o => o.Status == DocumentStatus.Refused)) : "",
                sent ? Number(outcomes.Count(o => o.Status == DocumentStatus.NotAnswered)) : "",
                CsvCells.Text(string.Join(" | ", documents.Select((d, i) => sent
                    ? $"{i + 1}. {CampaignQueries.DocumentTitle(campaign, request, d, viewer)} : {outcomes[i].Status.Label()}{(outcomes[i].Ground is { } g ? $" ({g.Label()})" : "")}"
                    : $"{i + 1}. {CampaignQueries.DocumentTitle(campaign, request, d, viewer)}"))),
                string.Join(" | ", outcomes.Where(o => o.Status == DocumentStatus.Refused).Select(o => (o.Ground ?? RefusalGround.Other).Label()).Distinct()),
            ], cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The letters of one kind for the given requests, each as PDF and text, into <paramref name="zipPath"/>. Only the
    /// viewer's own requests carry an identity; the others have placeholders. Returns how many letters were written.
    /// </summary>
    public async Task<int> WriteLettersAsync(Campaign campaign, LetterKind kind, IReadOnlyCollection<int> requestIds, int? viewerId,
        RequesterIdentity? viewerIdentity, string zipPath, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = analyser.Today;
        var requests = await analyser.Full().AsNoTracking().Where(r => r.CampaignId == campaign.Id && requestIds.Contains(r.Id))
            .Include(r => r.PublicBody!).ThenInclude(b => b.Municipality)
            .ToListAsync(cancellationToken);
        var count = 0;
        await using (var stream = new FileStream(zipPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var request in requests.OrderBy(r => r.PublicBody!.Name, StringComparer.Create(Fr.Culture, ignoreCase: true)))
            {
                var identity = viewerId is not null && request.RequesterId == viewerId && viewerIdentity is not null ? viewerIdentity : RequesterIdentity.Placeholders;
                var letter = RequestLetters.Draft(kind, request, RequestAnalyser.Analyse(request, today), identity, today);
                var body = request.PublicBody!;
                var stem = $"{body.Municipality?.InseeCode ?? body.DepartmentCode ?? "organisme"}-{Infrastructure.Text.Slugs.From(body.Name)}-{kind.Slug()}";
                var name = stem;
                for (var i = 2; !names.Add(name); i++)
                {
                    name = $"{stem}-{i}";
                }
                var pdf = PdfRenderer.Render(letter.ToPrint(now)).Pdf;
                var pdfEntry = zip.CreateEntry($"courriers/{name}.pdf", CompressionLevel.NoCompression);
                await using (var entryStream = await pdfEntry.OpenAsync(cancellationToken))
                {
                    await entryStream.WriteAsync(pdf, cancellationToken);
                }
                var textEntry = zip.CreateEntry($"courriers/{name}.txt", CompressionLevel.Optimal);
                await using (var entryStream = await textEntry.OpenAsync(cancellationToken))
                {
                    await entryStream.WriteAsync(Encoding.UTF8.GetBytes(letter.ToText().Replace("\n", "\r\n", StringComparison.Ordinal)), cancellationToken);
                }
                count++;
            }
            var readme = zip.CreateEntry("LISEZMOI.txt", CompressionLevel.Optimal);
            await using (var entryStream = await readme.OpenAsync(cancellationToken))
            {
                await entryStream.WriteAsync(Encoding.UTF8.GetBytes($"""
                    Campagne « {campaign.Title} » — courriers : {kind.Label().ToLower(Fr.Culture)}
                    Préparés le {Fr.Date(today)} : {Fr.Count(count, "courrier", "courriers")}, chacun en PDF et en texte.

                    Seules les demandes que vous avez réservées portent votre identité ; les autres portent des
                    emplacements à compléter ([Nom du demandeur], [Adresse du demandeur]) par la personne qui les enverra.
                    Vérifiez chaque courrier avant de l'envoyer, puis enregistrez l'envoi sur la page de la campagne.
                    """.Replace("\n", "\r\n", StringComparison.Ordinal)), cancellationToken);
            }
        }
        return count;
    }

    private static string Issue(PublicOutcome outcome) => outcome switch
    {
        PublicOutcome.Full => "complete",
        PublicOutcome.Partial => "partielle",
        PublicOutcome.Refused => "refus",
        _ => "sans_reponse",
    };

    private static string Date(CadaRequestEvent? e) => e is null ? "" : e.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
