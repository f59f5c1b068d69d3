using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Features.Documents;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Storage;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Security.Canary;

/// <summary>
/// Inserts a <see cref="WorldSpec"/> into the test database (EF inserts; members through the app's user manager so that
/// they could sign in). Every value <see cref="Visibility"/> says is not public carries its own canary; public values
/// carry none. Files are real PDFs holding their text, put in the app's store with their extracted text, as the
/// processing queue would leave them.
/// </summary>
public sealed class WorldBuilder(VigieFactory factory, Canaries canaries, IReadOnlyList<CommuneRef> communes)
{
    private readonly List<CanaryToken> _planted = [];

    public async Task<World> BuildAsync(WorldSpec spec, int n)
    {
        _planted.Clear();
        var now = DateTimeOffset.UtcNow;
        var volunteers = new List<User>();
        for (var i = 0; i < spec.Volunteers; i++)
        {
            volunteers.Add(await MemberAsync(Visibility.Volunteer, Roles.Volunteer, $"volunteer {i} of world {n}"));
        }
        var editor = await MemberAsync(Visibility.Editor, Roles.Editor, $"editor of world {n}");
        User Member(int index) => index < 0 ? editor : volunteers[index % volunteers.Count];

        await using var db = factory.CreateDbContext();
        var technology = new Technology { Slug = $"monde{n}-techno", Name = $"Technologie du monde {n}", Position = 1000 + n };
        var vendor = new Vendor { Slug = $"monde{n}-prestataire", Name = $"Prestataire du monde {n}" };
        db.AddRange(technology, vendor);

        var campaigns = spec.Campaigns.Select((s, k) => NewCampaign(s, k, n, editor, now)).ToList();
        db.Campaigns.AddRange(campaigns);

        var caseCommunes = spec.Cases.Select(s => communes[s.Commune % communes.Count]).ToList();
        var cases = spec.Cases.Select((s, i) => NewCase(s, i, n, caseCommunes[i], Member(s.Creator), technology, vendor, now)).ToList();
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync();
        foreach (var c in cases)
        {
            db.Revisions.Add(new Revision
            {
                CaseId = c.Id, Number = 1, At = now, AuthorId = c.CreatedById, Kind = RevisionKind.Created, Summary = "Dossier créé",
                Snapshot = await CaseSnapshots.CaptureAsync(db, c.Id, default),
            });
        }

        var bodies = spec.Requests.Select((_, i) => communes[((n * 11) + (i * 7)) % communes.Count]).ToList();
        var requests = spec.Requests.Select((s, i) => NewRequest(s, i, n, bodies[i],
            WorldGen.Pick(s.Case, cases.Count) is int c ? cases[c] : null,
            WorldGen.Pick(s.Campaign, campaigns.Count) is int k ? campaigns[k] : null,
            s.Requester < 0 ? null : Member(s.Requester), now)).ToList();
        db.CadaRequests.AddRange(requests);
        await db.SaveChangesAsync();
        foreach (var r in requests)
        {
            foreach (var e in r.Events)
            {
                db.Add(new CadaRequestEventRevision
                {
                    EventId = e.Id, CadaRequestId = r.Id, At = now, ActorId = r.RequesterId, Action = EventRevisionAction.Created,
                    Summary = EventRules.Summary(e, r.RequestedDocuments),
                });
            }
        }

        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var documents = new List<Document>();
        for (var i = 0; i < spec.Documents.Count; i++)
        {
            var s = spec.Documents[i];
            var request = WorldGen.Pick(s.Request, requests.Count) is int r ? requests[r] : null;
            var onCase = request is not null ? request.Case : WorldGen.Pick(s.Case, cases.Count) is int c ? cases[c] : null;
            // Whoever made a request uploads what it brought (issue 13's repro A).
            var uploader = request?.RequesterId is int requester ? volunteers.Concat([editor]).First(m => m.Id == requester) : Member(s.Uploader);
            documents.Add(await NewDocumentAsync(s, i, n, onCase, request, uploader, store, now));
        }
        db.Documents.AddRange(documents);
        var jobs = campaigns.Select(k => new CampaignJob
        {
            Id = Guid.NewGuid(), Campaign = k, CreatedAt = now, Status = CampaignJobStatus.Done, Total = k.Targets.Count, Done = k.Targets.Count, CompletedAt = now,
        }).ToList();
        db.CampaignJobs.AddRange(jobs);
        await db.SaveChangesAsync();

        // Lists and counts read the state cached on each request, as the app's daily job leaves it.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var ids = requests.Select(r => r.Id).ToList();
            await scope.ServiceProvider.GetRequiredService<RequestAnalyser>().RefreshAsync(r => ids.Contains(r.Id), default);
        }
        await factory.EvictCacheAsync();
        return new World
        {
            Number = n, Spec = spec, Volunteers = volunteers, Editor = editor, Technology = technology, Vendor = vendor,
            Campaigns = campaigns, CampaignJobs = jobs, Cases = cases, Requests = requests, Documents = documents,
            Communes = caseCommunes, Bodies = bodies, Canaries = [.. _planted],
        };
    }

    /// <summary><paramref name="plain"/> when the value is public; otherwise the same with a canary of <paramref name="class"/>.</summary>
    private string Text(bool isPublic, CanaryClass @class, string field, Func<string> owner, string plain) =>
        isPublic ? plain : $"{plain} {Token(@class, field, owner)}";

    private string Token(CanaryClass @class, string field, Func<string> owner)
    {
        var canary = canaries.Plant(@class, field, owner);
        _planted.Add(canary);
        return canary.Token;
    }

    private async Task<User> MemberAsync(CanaryClass @class, string role, string label)
    {
        User? user = null;
        string Owner() => $"user {user?.Id} ({label})";
        var name = Token(@class, "DisplayName", Owner);
        var email = Token(@class, "Email", Owner);
        user = await factory.CreateAsync($"{email}@example.org", role, $"Membre {name}");
        return user;
    }

    private Campaign NewCampaign(CampaignSpec s, int k, int n, User editor, DateTimeOffset now)
    {
        var campaign = new Campaign
        {
            Slug = $"monde{n}-campagne{k}", Title = "", Subject = "", Status = s.Status, IsDemonstration = s.IsDemonstration,
            RequestsArePublic = s.RequestsArePublic, CreatedById = editor.Id, CreatedAt = now, UpdatedAt = now,
            Organisers = [new CampaignOrganiser { UserId = editor.Id }],
        };
        var isPublic = Visibility.IsPublic(campaign);
        string Owner() => $"campaign {campaign.Slug} ({campaign.Status}{(campaign.IsDemonstration ? ", demonstration" : "")})";
        string T(string field, string plain) => Text(isPublic, Visibility.TeamCampaign, field, Owner, plain);
        campaign.Title = T("Title", $"Campagne {k} du monde {n}");
        campaign.Description = T("Description", $"Pourquoi la campagne {k} du monde {n}.");
        campaign.Subject = T("Subject", $"Contrats de la campagne {k} du monde {n}");
        campaign.LetterParagraph = T("LetterParagraph", $"Paragraphe de la campagne {k} du monde {n}.");
        campaign.Context = T("Context", $"Contexte de la campagne {k} du monde {n}.");
        campaign.Documents = [new CampaignDocument { Position = 1, Title = T("Documents.Title", $"Marché de la campagne {k} du monde {n}") }];
        return campaign;
    }

    private Case NewCase(CaseSpec s, int i, int n, CommuneRef commune, User? creator, Technology technology, Vendor vendor, DateTimeOffset now)
    {
        var c = new Case
        {
            Slug = $"monde{n}-dossier{i}", Title = "", MunicipalityId = commune.MunicipalityId, Status = s.Status, CreatedById = creator?.Id,
            CreatedAt = now, UpdatedAt = now, PublishedAt = s.Status is CaseStatus.Published or CaseStatus.Unpublished ? now : null,
            Technologies = [technology], Vendors = [vendor],
        };
        var isPublic = Visibility.IsPublic(c);
        string Owner() => $"case {c.Id} {c.Slug} ({c.Status})";
        string T(string field, string plain) => Text(isPublic, Visibility.UnpublishedCase, field, Owner, plain);
        c.Title = T("Title", $"Dossier {i} du monde {n}");
        c.Summary = T("Summary", $"Résumé du dossier {i} du monde {n}.");
        c.Body = T("Body", $"Récit du dossier {i} du monde {n}") + (s.Sources > 0 ? "[@1]." : ".");
        c.Sources = Enumerable.Range(1, s.Sources).Select(j => new Source
        {
            Number = j, Url = isPublic ? $"https://example.org/monde{n}/{j}" : $"https://example.org/{Token(Visibility.UnpublishedCase, "Sources.Url", Owner)}",
            Title = T("Sources.Title", $"Article {j} du monde {n}"), Publisher = T("Sources.Publisher", $"Journal du monde {n}"),
        }).ToList();
        c.Contracts = Enumerable.Range(1, s.Contracts).Select(j => new Contract
        {
            Object = T("Contracts.Object", $"Marché {j} du monde {n}"), Reference = T("Contracts.Reference", $"REF-{n}-{j}"),
            Missing = T("Contracts.Missing", "Annexes jamais transmises"), Notes = T("Contracts.Notes", $"Note du marché {j}"),
            Vendor = vendor, AmountEuros = 1000m * j, SignedOn = new DateOnly(2020 + j, 3, 1), SignedOnPrecision = DatePrecision.Day, Position = j,
        }).ToList();
        c.Fundings = Enumerable.Range(1, s.Fundings).Select(j => new Funding
        {
            Label = T("Fundings.Label", $"Subvention {j} du monde {n}"), Funder = T("Fundings.Funder", "Région"), AmountEuros = 500m * j, Year = 2021, Position = j,
        }).ToList();
        c.TimelineEvents = Enumerable.Range(1, s.TimelineEvents).Select(j => new TimelineEvent
        {
            OccurredOn = new DateOnly(2019, j, 1), OccurredOnPrecision = DatePrecision.Month,
            Title = T("TimelineEvents.Title", $"Délibération {j} du monde {n}"), Description = T("TimelineEvents.Description", "Vote du conseil."),
        }).ToList();
        c.Quotes = Enumerable.Range(1, s.Quotes).Select(j => new Quote
        {
            Speaker = T("Quotes.Speaker", "Le maire"), SpeakerRole = T("Quotes.SpeakerRole", "maire"), Text = T("Quotes.Text", $"Une phrase du monde {n}."), Position = j,
        }).ToList();
        return c;
    }

    private CadaRequest NewRequest(RequestSpec s, int i, int n, CommuneRef body, Case? c, Campaign? campaign, User? requester, DateTimeOffset now)
    {
        var r = new CadaRequest
        {
            PublicBodyId = body.BodyId, Case = c, Campaign = campaign, RequesterId = requester?.Id, Subject = "",
            IsPublic = s.IsPublic, CreatedAt = now, UpdatedAt = now,
        };
        var isPublic = Visibility.IsPublic(r);
        var @class = Visibility.Of(r);
        string Owner() => $"request {r.Id} (IsPublic={r.IsPublic}, {Describe(c)}, {Describe(campaign)})";
        string T(string field, string plain) => Text(isPublic, @class, field, Owner, plain);
        r.Subject = T("Subject", $"Demande {i} du monde {n}");
        r.Context = T("Context", $"Contexte de la demande {i} du monde {n}.");
        r.LetterParagraph = T("LetterParagraph", $"Paragraphe de la demande {i} du monde {n}.");
        r.OutcomeSummary = T("OutcomeSummary", $"Résultat de la demande {i} du monde {n}.");
        r.RequestedDocuments = Enumerable.Range(1, s.RequestedDocuments)
            .Select(j => new RequestedDocument { Position = j, Title = T("RequestedDocuments.Title", $"Pièce {j} demandée au monde {n}") }).ToList();
        campaign?.Targets.Add(new CampaignTarget { PublicBodyId = body.BodyId, CadaRequest = r, AddedAt = now });

        // Comments are never public: each carries a canary, the team's when the request is public.
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-300);
        var kinds = RequestPaths.Usual.Take(s.Events).Concat(s.Note ? [RequestEventKind.Note] : []);
        foreach (var kind in kinds)
        {
            var e = new CadaRequestEvent
            {
                Kind = kind, OccurredOn = day, AuthorId = requester?.Id, CreatedAt = now, UpdatedAt = now,
                StatesAppealRoutes = kind is RequestEventKind.ReceivedByBody or RequestEventKind.ReplyReceived,
                Comment = $"Note de l'équipe {Token(@class, $"Events[{kind}].Comment", Owner)}",
            };
            switch (kind)
            {
                case RequestEventKind.ReplyReceived:
                    e.DocumentOutcomes = [new EventDocumentOutcome { RequestedDocument = r.RequestedDocuments[0], Status = DocumentStatus.Received }];
                    break;
                case RequestEventKind.ReferralRegistered:
                    e.FileNumber = $"{day.Year}{(n * 10) + i:D4}";
                    break;
                case RequestEventKind.CadaOpinion:
                    (e.OpinionNumber, e.OpinionSens, e.OpinionType) = ($"{day.Year}{(n * 10) + i:D4}", OpinionSens.Favorable, OpinionType.Avis);
                    break;
                case RequestEventKind.DecisionAfterOpinion:
                    e.Decision = BodyDecision.Refuses;
                    break;
            }
            r.Events.Add(e);
            day = day.AddDays(35);
        }
        return r;
    }

    private async Task<Document> NewDocumentAsync(DocumentSpec s, int i, int n, Case? c, CadaRequest? request, User uploader, IDocumentStore store, DateTimeOffset now)
    {
        var d = new Document
        {
            Title = "", Kind = DocumentKind.Contrat, Case = c, CadaRequest = request, IsPublic = s.IsPublic, UploadedById = uploader.Id, UploadedAt = now,
            Date = new DateOnly(2021, 3, 1), ReceivedOn = new DateOnly(2021, 4, 1),
            RequestEvent = s.OnReply ? request?.Events.FirstOrDefault(e => e.Kind == RequestEventKind.ReplyReceived) : null,
        };
        var isPublic = Visibility.IsPublic(d);
        var @class = Visibility.Of(d);
        string Owner() => $"document {d.Id} (IsPublic={d.IsPublic}, {Describe(c)}, " +
            (request is null ? "no request)" : $"request {request.Id} IsPublic={request.IsPublic} {Describe(request.Campaign)})");
        string T(string field, string plain) => Text(isPublic, @class, field, Owner, plain);
        d.Title = T("Title", $"Pièce {i} du monde {n}");
        d.Description = T("Description", $"Description de la pièce {i} du monde {n}.");
        if (s.WithFile)
        {
            var text = T("File text", $"Texte de la pièce {i} du monde {n}");
            d.FileName = isPublic ? $"piece-{n}-{i}.pdf" : $"{Token(@class, "FileName", Owner)}.pdf";
            d.File = await StoreAsync(store, TestFiles.Pdf(text), text, now);
        }
        return d;
    }

    private static string Describe(Case? c) => c is null ? "no case" : $"case {c.Id} {c.Status}";

    private static string Describe(Campaign? k) =>
        k is null ? "no campaign" : $"campaign {k.Slug} {k.Status}{(k.IsDemonstration ? " demonstration" : "")}";

    private static async Task<StoredFile> StoreAsync(IDocumentStore store, byte[] pdf, string text, DateTimeOffset now)
    {
        var hash = ContentHash.Of(pdf);
        var local = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(local, pdf);
            await store.PutAsync(hash, local, default);
        }
        finally
        {
            File.Delete(local);
        }
        return new StoredFile
        {
            Sha256 = hash.Value, Length = pdf.Length, Format = FileFormat.Pdf, CreatedAt = now, Status = ProcessingStatus.Done, ProcessedAt = now,
            PageCount = 1, Pages = [new FilePage { Number = 1, Text = text }],
        };
    }
}
