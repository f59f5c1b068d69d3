using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vigie.Tests.Features.Requests.Tracker;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Campaigns;
using Vigie.Web.Features.Campaigns.Creation;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Campaigns;

/// <summary>The requests of a campaign: created once per target, shared out among volunteers, sent in bulk, counted as the engine says.</summary>
public sealed class CampaignRequestTests(ClockedFactory factory) : IClassFixture<ClockedFactory>, IAsyncLifetime
{
    private const string Editor = "campagne-editeur@example.org";
    private const string Alice = "alice@example.org";
    private const string Bruno = "bruno@example.org";

    public async Task InitializeAsync()
    {
        factory.SetToday(new DateOnly(2026, 3, 2));
        await using var db = factory.CreateDbContext();
        if (!await db.Users.AnyAsync(u => u.Email == Editor))
        {
            await factory.CreateAsync(Editor, Roles.Editor, "Élise Organisatrice");
            await factory.CreateAsync(Alice, Roles.Volunteer, "Alice Bénévole");
            await factory.CreateAsync(Bruno, Roles.Volunteer, "Bruno Bénévole");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Editor, string Slug)> CampaignWithRequestsAsync(string title, string codes, string? letter = null)
    {
        var editor = await factory.SignedInClientAsync(Editor);
        var slug = await editor.CreateCampaignAsync(title, letter);
        await editor.AddTargetsOkAsync(slug, new() { ["Codes"] = codes });
        await factory.CreateRequestsAsync(editor, slug);
        return (editor, slug);
    }

    [Fact]
    public async Task Creating_the_requests_twice_makes_one_per_target_with_the_campaign_documents_and_wording()
    {
        var (editor, slug) = await CampaignWithRequestsAsync("Création idempotente", "78208 78646 78551", "Une phrase propre à la campagne.");
        using (editor)
        {
            await factory.CreateRequestsAsync(editor, slug);
            using (var again = await editor.PostFormAsync($"/campagnes/{slug}/cibles", $"/campagnes/{slug}/demandes", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
                Assert.Equal($"/campagnes/{slug}", again.Headers.Location!.OriginalString);
            }
            // The worker run by hand, as a restarted instance would: nothing left to do.
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var campaignId = (await factory.CampaignAsync(slug)).Id;
                Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CampaignRequestCreator>().CreateMissingAsync(campaignId, null, default));
            }

            var requests = await factory.CampaignRequestsAsync(slug);
            Assert.Equal(3, requests.Count);
            Assert.Equal(3, requests.Select(r => r.PublicBodyId).Distinct().Count());
            Assert.All(requests, r =>
            {
                Assert.Equal("Contrats de vidéoprotection et leurs annexes", r.Subject);
                Assert.Equal(["Marchés de vidéoprotection en cours (acte d'engagement, CCAP, CCTP)", "Avenants et bons de commande"],
                    r.RequestedDocuments.OrderBy(d => d.Position).Select(d => d.Title).ToArray());
                Assert.Null(r.RequesterId);
                Assert.Equal(RequestState.Draft, r.State);
                Assert.Equal(new DateOnly(2026, 3, 2), r.AnalysedOn);
                Assert.False(r.IsPublic);
            });
            var campaign = await factory.CampaignAsync(slug);
            Assert.All(campaign.Targets, t => Assert.Contains(requests, r => r.Id == t.CadaRequestId && r.PublicBodyId == t.PublicBodyId));

            // The letter carries the campaign's paragraph and placeholders until someone claims the target.
            var letter = await editor.TextAsync($"/demandes/{requests[0].Id}/courriers/demande");
            Assert.Contains("Une phrase propre à la campagne.", letter);
            Assert.Contains("[Nom du demandeur]", letter);
            Assert.Contains("Personne n'a encore réservé cette demande de campagne", letter);
        }
    }

    [Fact]
    public async Task The_database_refuses_a_second_request_for_the_same_body_in_the_same_campaign()
    {
        var (editor, slug) = await CampaignWithRequestsAsync("Index unique", "78208");
        editor.Dispose();
        var request = (await factory.CampaignRequestsAsync(slug)).Single();
        await using var db = factory.CreateDbContext();
        db.CadaRequests.Add(new CadaRequest { Subject = "Doublon", PublicBodyId = request.PublicBodyId, CampaignId = request.CampaignId });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    [Fact]
    public async Task A_volunteer_claims_a_free_target_sees_it_in_their_requests_and_another_cannot_take_it()
    {
        var (editor, slug) = await CampaignWithRequestsAsync("Partage du travail", "78208 78646 78551");
        using var _ = editor;
        var (elancourt, elancourtRequest) = await factory.TargetOfAsync(slug, "78208");
        using var alice = await factory.SignedInClientAsync(Alice);
        using var bruno = await factory.SignedInClientAsync(Bruno);

        using (var claimed = await alice.PostAsync(slug, $"/campagnes/{slug}/cibles/{elancourt}/reserver", new() { ["retour"] = "?attribution=libres" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
            Assert.Equal($"/campagnes/{slug}?attribution=libres#cibles", claimed.Headers.Location!.OriginalString);
        }
        Assert.Contains("Commune d'Élancourt", await alice.TextAsync("/demandes"));
        Assert.Contains("campagne « Partage du travail »", await alice.TextAsync("/demandes"));
        var letter = await alice.TextAsync($"/demandes/{elancourtRequest}/courriers/demande");
        Assert.Contains(Alice, letter);
        Assert.DoesNotContain("Personne n'a encore réservé", letter);

        using (var taken = await bruno.PostAsync(slug, $"/campagnes/{slug}/cibles/{elancourt}/reserver"))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            Assert.Contains("Un autre membre de l'équipe a déjà réservé la demande à Commune d'Élancourt", Tracker.Normalize((await VigieFactory.ParseAsync(taken)).Body!.TextContent));
        }
        using (var notTheirs = await bruno.PostAsync(slug, $"/campagnes/{slug}/cibles/{elancourt}/liberer"))
        {
            Assert.Equal(HttpStatusCode.Conflict, notTheirs.StatusCode);
        }
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal((await db.Users.SingleAsync(u => u.Email == Alice)).Id, (await factory.LoadAsync(elancourtRequest)).RequesterId);
        }
        Assert.DoesNotContain("Commune d'Élancourt", await bruno.TextAsync("/demandes"));

        // Volunteers see that a target is taken, not by whom; organisers see who has it.
        var brunoPage = await VigieFactory.ParseAsync(await bruno.GetAsync(new Uri($"/campagnes/{slug}", UriKind.Relative)));
        var row = Tracker.Normalize(brunoPage.QuerySelector($"#cible-{elancourt}")!.TextContent);
        Assert.Contains("Réservée", row);
        Assert.DoesNotContain("Alice", Tracker.Normalize(brunoPage.Body!.TextContent));
        var organiserRow = Tracker.Normalize((await VigieFactory.ParseAsync(await editor.GetAsync(new Uri($"/campagnes/{slug}", UriKind.Relative))))
            .QuerySelector($"#cible-{elancourt}")!.TextContent);
        Assert.Contains("Réservée par Alice Bénévole", organiserRow);

        using (var released = await alice.PostAsync(slug, $"/campagnes/{slug}/cibles/{elancourt}/liberer"))
        {
            Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        }
        Assert.Null((await factory.LoadAsync(elancourtRequest)).RequesterId);
    }

    [Fact]
    public async Task An_organiser_assigns_and_reassigns_a_target_but_a_volunteer_cannot()
    {
        var (editor, slug) = await CampaignWithRequestsAsync("Attributions", "78208 78646");
        using var _ = editor;
        var (versailles, request) = await factory.TargetOfAsync(slug, "78646");
        await using var db = factory.CreateDbContext();
        var alice = await db.Users.SingleAsync(u => u.Email == Alice);
        var bruno = await db.Users.SingleAsync(u => u.Email == Bruno);
        using var aliceClient = await factory.SignedInClientAsync(Alice);
        using (await aliceClient.PostAsync(slug, $"/campagnes/{slug}/cibles/{versailles}/reserver"))
        {
        }
        Assert.Equal(alice.Id, (await factory.LoadAsync(request)).RequesterId);

        using (var denied = await aliceClient.PostAsync(slug, $"/campagnes/{slug}/cibles/{versailles}/attribuer", new() { ["membre"] = alice.Id.ToString(Fr()) }))
        {
            Assert.Equal("denied", Security.AuthorizationMatrixTests.Outcome(denied));
        }
        using (var reassigned = await editor.PostAsync(slug, $"/campagnes/{slug}/cibles/{versailles}/attribuer", new() { ["membre"] = bruno.Id.ToString(Fr()) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reassigned.StatusCode);
        }
        Assert.Equal(bruno.Id, (await factory.LoadAsync(request)).RequesterId);
        using var brunoClient = await factory.SignedInClientAsync(Bruno);
        Assert.Contains("Commune de Versailles", await brunoClient.TextAsync("/demandes"));
        Assert.DoesNotContain("Commune de Versailles", await aliceClient.TextAsync("/demandes"));

        using (var unknown = await editor.PostAsync(slug, $"/campagnes/{slug}/cibles/{versailles}/attribuer", new() { ["membre"] = "999999" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }
        using (var freed = await editor.PostAsync(slug, $"/campagnes/{slug}/cibles/{versailles}/attribuer", new() { ["membre"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, freed.StatusCode);
        }
        Assert.Null((await factory.LoadAsync(request)).RequesterId);
    }

    [Fact]
    public async Task Recording_sent_in_bulk_adds_one_event_to_every_selected_request_with_its_history()
    {
        var (editor, slug) = await CampaignWithRequestsAsync("Envoi groupé", "78208 78646 78551 78005");
        using var _ = editor;
        var requests = await factory.CampaignRequestsAsync(slug);
        var chosen = requests.Where(r => r.PublicBody!.Municipality!.InseeCode is "78208" or "78646").Select(r => r.Id).ToList();

        var fields = new List<KeyValuePair<string, string>> { new("Bulk.Date", "27/02/2026"), new("Bulk.Scope", "cochees") };
        fields.AddRange(chosen.Select(id => new KeyValuePair<string, string>("Bulk.Ids", id.ToString(Fr()))));
        fields.Add(new("__jeton", await TeamMembers.AntiforgeryTokenAsync(editor, $"/campagnes/{slug}")));
        using (var response = await editor.PostAsync(new Uri($"/campagnes/{slug}/envoi", UriKind.Relative), new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var notice = Tracker.Normalize((await VigieFactory.ParseAsync(await editor.GetAsync(new Uri($"/campagnes/{slug}", UriKind.Relative)))).QuerySelector(".notice")!.TextContent);
        Assert.Equal("Envoi du 27 février 2026 enregistré pour 2 demandes.", notice);

        await using (var db = factory.CreateDbContext())
        {
            foreach (var id in chosen)
            {
                var request = await db.CadaRequests.Include(r => r.Events).SingleAsync(r => r.Id == id);
                var sent = Assert.Single(request.Events);
                Assert.Equal((RequestEventKind.Sent, new DateOnly(2026, 2, 27)), (sent.Kind, sent.OccurredOn));
                Assert.Equal(RequestState.Sent, request.State);
                Assert.Equal(new DateOnly(2026, 2, 27), request.SentOn);
                Assert.Equal(new DateOnly(2026, 3, 27), request.NextDeadlineOn);
                var revision = await db.RequestEventRevisions.SingleAsync(r => r.EventId == sent.Id);
                Assert.Equal("Envoi de la demande, 27 février 2026", revision.Summary);
            }
            Assert.Equal(2, await db.RequestEvents.CountAsync(e => e.CadaRequest!.Campaign!.Slug == slug));
        }

        // Everything not yet sent, then again: the second time nothing changes.
        using (var rest = await editor.PostAsync(slug, $"/campagnes/{slug}/envoi", new() { ["Bulk.Date"] = "1er mars 2026", ["Bulk.Scope"] = "brouillons" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, rest.StatusCode);
        }
        Assert.All(await factory.CampaignRequestsAsync(slug), r => Assert.Single(r.Events, e => e.Kind == RequestEventKind.Sent));
        using (var nothing = await editor.PostAsync(slug, $"/campagnes/{slug}/envoi", new() { ["Bulk.Date"] = "1er mars 2026", ["Bulk.Scope"] = "brouillons" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
            Assert.Equal("Aucune demande de la campagne n'attend d'être envoyée.", (await VigieFactory.ParseAsync(nothing)).QuerySelector(".bulk-scope .field-error")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task A_bulk_form_with_errors_comes_back_in_french_with_the_date_and_the_ticks_kept()
    {
        var (editor, slug) = await CampaignWithRequestsAsync("Envoi invalide", "78208 78646");
        using var _ = editor;
        var id = (await factory.CampaignRequestsAsync(slug)).First().Id;
        using var response = await editor.PostAsync(slug, $"/campagnes/{slug}/envoi", new() { ["Bulk.Date"] = "31/02/2026", ["Bulk.Ids"] = id.ToString(Fr()) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.StartsWith("Date non reconnue : « 31/02/2026 »", page.QuerySelector("#Bulk_Date ~ .field-error")!.TextContent.Trim());
        Assert.Equal("31/02/2026", page.QuerySelector("#Bulk_Date")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"input[name='Bulk.Ids'][value='{id}'][checked]"));
        Assert.Empty((await factory.CampaignRequestsAsync(slug)).SelectMany(r => r.Events));

        using var future = await editor.PostAsync(slug, $"/campagnes/{slug}/envoi", new() { ["Bulk.Date"] = "15/03/2026", ["Bulk.Ids"] = id.ToString(Fr()) });
        Assert.Contains("Cette date est dans le futur", (await VigieFactory.ParseAsync(future)).QuerySelector("#Bulk_Date ~ .field-error")!.TextContent);
        using var none = await editor.PostAsync(slug, $"/campagnes/{slug}/envoi", new() { ["Bulk.Date"] = "01/03/2026" });
        Assert.Contains("Cochez au moins une demande", (await VigieFactory.ParseAsync(none)).QuerySelector(".bulk-scope .field-error")!.TextContent);
    }

    [Fact]
    public async Task The_campaign_counts_are_the_states_the_deadline_engine_computes_for_each_request_today()
    {
        var (editor, slug) = await CampaignWithRequestsAsync("Comptes", "78208 78646 78551 78005 78586 78361");
        using var _ = editor;
        var requests = (await factory.CampaignRequestsAsync(slug)).ToDictionary(r => r.PublicBody!.Municipality!.InseeCode);
        await editor.AddEventOkAsync(requests["78208"].Id, "envoi", new() { ["Date"] = "02/01/2026" });
        await editor.AddEventOkAsync(requests["78646"].Id, "envoi", new() { ["Date"] = "02/01/2026" });
        await editor.AddEventOkAsync(requests["78646"].Id, "reponse", new() { ["Date"] = "20/01/2026", ["Documents[0].DocumentId"] = requests["78646"].RequestedDocuments.Single(d => d.Position == 1).Id.ToString(Fr()),
            ["Documents[0].Status"] = "Received", ["Documents[1].DocumentId"] = requests["78646"].RequestedDocuments.Single(d => d.Position == 2).Id.ToString(Fr()), ["Documents[1].Status"] = "Received" });
        await editor.AddEventOkAsync(requests["78551"].Id, "envoi", new() { ["Date"] = "20/02/2026" });
        await editor.AddEventOkAsync(requests["78005"].Id, "envoi", new() { ["Date"] = "02/12/2025" });
        await editor.AddEventOkAsync(requests["78005"].Id, "refus", new() { ["Date"] = "15/12/2025", ["Ground"] = "PublicSecurity" });

        // Time passes without anyone touching the requests: the page must still show today's states.
        factory.SetToday(new DateOnly(2026, 3, 20));
        using var later = await factory.SignedInClientAsync(Editor);
        var page = await VigieFactory.ParseAsync(await later.GetAsync(new Uri($"/campagnes/{slug}", UriKind.Relative)));
        var shown = page.QuerySelectorAll(".campaign-progress .state-counts li").ToDictionary(
            li => li.QuerySelector(".badge")!.TextContent.Trim(), li => int.Parse(li.QuerySelector("strong")!.TextContent, Fr()));

        var today = new DateOnly(2026, 3, 20);
        var expected = new Dictionary<string, int>();
        foreach (var request in await LoadFullAsync(slug))
        {
            var label = RequestAnalyser.Analyse(request, today).State.Label();
            expected[label] = expected.GetValueOrDefault(label) + 1;
        }
        Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));
        Assert.Equal(2, expected["Brouillon"]);
        Assert.Equal(1, expected["Satisfaite"]);
        Assert.Equal(6, shown.Values.Sum());

        var stages = page.QuerySelectorAll(".stage-legend li").Select(li => Tracker.Normalize(li.TextContent).Trim()).ToList();
        Assert.Contains("À envoyer 2", stages);
        Assert.Contains("Terminée 1", stages);
    }

    private async Task<List<CadaRequest>> LoadFullAsync(string slug)
    {
        await using var db = factory.CreateDbContext();
        return await db.CadaRequests.Where(r => r.Campaign!.Slug == slug)
            .Include(r => r.PublicBody).Include(r => r.RequestedDocuments)
            .Include(r => r.Events.Where(e => e.DeletedAt == null)).ThenInclude(e => e.DocumentOutcomes)
            .AsSplitQuery().ToListAsync();
    }

    private static System.Globalization.CultureInfo Fr() => System.Globalization.CultureInfo.InvariantCulture;
}
