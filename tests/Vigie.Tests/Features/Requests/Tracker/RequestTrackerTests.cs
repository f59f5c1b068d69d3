using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Requests.Tracker;

public sealed class RequestTrackerTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    [Fact]
    public async Task A_request_logged_with_french_dates_shows_its_deadlines_explained_and_the_next_action()
    {
        factory.SetToday(new DateOnly(2019, 9, 10));
        await factory.CreateAsync("suivi-1@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("suivi-1@example.org");
        var lyon = await factory.CommuneBodyAsync("69123");

        var id = await client.CreateRequestAsync(lyon, "Contrat de vidéoprotection", "Acte d'engagement\n\nCCTP du marché\n", sentOn: "30/08/2019");
        await client.AddEventOkAsync(id, "reception", new() { ["Date"] = "2 septembre 2019", ["StatesAppealRoutes"] = "true" });

        var page = await client.TextAsync($"/demandes/{id}");
        Assert.Contains("Envoyée (réponse attendue avant le 2 octobre 2019)", page);
        Assert.Contains("Attendre la réponse de l'administration jusqu'au 2 octobre 2019.", page);
        Assert.Contains("Refus implicite le 2 octobre 2019 : un mois sans réponse après réception le 2 septembre (art. R311-13 CRPA).", page);
        Assert.Contains("1. Acte d'engagement", (await factory.LoadAsync(id)).RequestedDocuments.OrderBy(d => d.Position).Select((d, i) => $"{i + 1}. {d.Title}").First());
        Assert.Equal(2, (await factory.LoadAsync(id)).RequestedDocuments.Count);

        factory.SetToday(new DateOnly(2019, 10, 10));
        using var later = await factory.SignedInClientAsync("suivi-1@example.org");
        page = await later.TextAsync($"/demandes/{id}");
        Assert.Contains("Saisine CADA à faire avant le 2 décembre 2019", page);
        Assert.Contains("Saisir la CADA avant le 2 décembre 2019.", page);
        Assert.Contains("Délai opposable : l'accusé de réception mentionnait les voies et délais de recours", page);
        Assert.Contains("art. R343-1 CRPA", page);
    }

    [Fact]
    public async Task Notes_recorded_at_the_same_time_on_one_request_are_all_kept_and_counted()
    {
        factory.SetToday(new DateOnly(2019, 9, 10));
        await factory.CreateAsync("suivi-simultane@example.org", Roles.Volunteer);
        var lyon = await factory.CommuneBodyAsync("69123");
        using var owner = await factory.SignedInClientAsync("suivi-simultane@example.org");
        var id = await owner.CreateRequestAsync(lyon, "Contrats de vidéoprotection", "Acte d'engagement", sentOn: "30/08/2019");

        // Eight notes at once, from eight sessions of the same volunteer: each save finds the request changed by another.
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add(await factory.SignedInClientAsync("suivi-simultane@example.org"));
        }
        var answers = await Task.WhenAll(clients.Select((c, i) => c.AddEventAsync(id, "note", new() { ["Date"] = "05/09/2019", ["Comment"] = $"Note {i}" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));

        await using var db = factory.CreateDbContext();
        var notes = await db.RequestEvents.Where(e => e.CadaRequestId == id && e.Kind == RequestEventKind.Note).Select(e => e.Id).ToListAsync();
        Assert.Equal(8, notes.Count);
        Assert.Equal(8, await db.RequestEventRevisions.CountAsync(r => r.CadaRequestId == id && notes.Contains(r.EventId)));
        foreach (var c in clients)
        {
            c.Dispose();
        }
        foreach (var a in answers)
        {
            a.Dispose();
        }
    }

    [Fact]
    public async Task A_saturday_deadline_says_it_moved_to_the_next_working_day()
    {
        factory.SetToday(new DateOnly(2019, 10, 1));
        await factory.CreateAsync("suivi-samedi@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("suivi-samedi@example.org");
        var id = await client.CreateRequestAsync(await factory.CommuneBodyAsync("69123"), "Plan des caméras", "Plan d'implantation", sentOn: "2019-07-25");
        // Implied refusal born on Tuesday 27 August; two months later is Sunday 27 October, moved to Monday 28.
        await client.AddEventOkAsync(id, "reception", new() { ["Date"] = "27/07/2019" });

        var page = await client.TextAsync($"/demandes/{id}");
        Assert.Contains("Saisine de la CADA 28 octobre 2019", page);
        Assert.Contains("échéance légale le dimanche 27 octobre 2019, reportée au premier jour ouvré", page);
        Assert.Contains("indicatif", page);
    }

    [Fact]
    public async Task Validation_errors_are_french_next_to_the_fields_and_nothing_typed_is_lost()
    {
        factory.SetToday(new DateOnly(2019, 9, 10));
        await factory.CreateAsync("suivi-2@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("suivi-2@example.org");
        var lyon = await factory.CommuneBodyAsync("69123");

        using var response = await client.PostFormAsync("/demandes/nouvelle", "/demandes/nouvelle", new()
        {
            ["PublicBodyId"] = lyon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Subject"] = "",
            ["Documents"] = "Délibération du 3 juin 2019",
            ["SentOn"] = "31/02/2019",
            ["Context"] = "Un contexte que je ne veux pas retaper.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal("Indiquez l'objet de la demande.", page.QuerySelector("#Subject ~ .field-error")!.TextContent.Trim());
        Assert.StartsWith("Date non reconnue : « 31/02/2019 »", page.QuerySelector("#SentOn ~ .field-error")!.TextContent.Trim());
        Assert.Equal("Délibération du 3 juin 2019", page.QuerySelector("#Documents")!.TextContent.Trim());
        Assert.Equal("31/02/2019", page.QuerySelector("#SentOn")!.GetAttribute("value"));
        Assert.Equal("Un contexte que je ne veux pas retaper.", page.QuerySelector("#Context")!.TextContent.Trim());
        Assert.Contains("Commune de Lyon", page.QuerySelector(".chosen-body")!.TextContent);

        var id = await client.CreateRequestAsync(lyon, "Avis", "Document");
        using var badOpinion = await client.AddEventAsync(id, "avis-cada", new() { ["Date"] = "2019-09-05", ["OpinionNumber"] = "2019123" });
        Assert.Equal(HttpStatusCode.BadRequest, badOpinion.StatusCode);
        var form = await VigieFactory.ParseAsync(badOpinion);
        Assert.Contains("huit chiffres", form.QuerySelector("#OpinionNumber ~ .field-error")!.TextContent);
        Assert.Equal("Choisissez le sens de l'avis.", form.QuerySelector("#OpinionSens ~ .field-error")!.TextContent.Trim());
        Assert.Equal("2019123", form.QuerySelector("#OpinionNumber")!.GetAttribute("value"));

        using var future = await client.AddEventAsync(id, "envoi", new() { ["Date"] = "2019-12-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("dans le futur", (await VigieFactory.ParseAsync(future)).QuerySelector("#Date ~ .field-error")!.TextContent);
    }

    [Fact]
    public async Task Editing_and_deleting_events_recomputes_the_state_and_keeps_the_history()
    {
        factory.SetToday(new DateOnly(2019, 10, 10));
        await factory.CreateAsync("suivi-3@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("suivi-3@example.org");
        var id = await client.CreateRequestAsync(await factory.CommuneBodyAsync("69123"), "Conventions", "Convention Genetec", sentOn: "2019-08-30");
        await client.AddEventOkAsync(id, "reception", new() { ["Date"] = "2019-09-02" });
        await client.AddEventOkAsync(id, "reponse", new()
        {
            ["Date"] = "2019-09-20",
            ["Documents[0].DocumentId"] = (await factory.LoadAsync(id)).RequestedDocuments.Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Documents[0].Status"] = "Refused",
            ["Documents[0].Ground"] = "BusinessSecret",
            ["Comment"] = "Réponse du service juridique.",
        });
        var request = await factory.LoadAsync(id);
        Assert.Equal(RequestState.ExplicitRefusal, request.State);
        Assert.Equal(new DateOnly(2019, 11, 20), request.NextDeadlineOn);

        var reply = request.Events.Single(e => e.Kind == RequestEventKind.ReplyReceived);
        var edit = $"/demandes/{id}/evenements/{reply.Id}/modifier";
        using (var edited = await client.PostFormAsync(edit, edit, new()
        {
            ["Date"] = "25/09/2019",
            ["Documents[0].DocumentId"] = request.RequestedDocuments.Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Documents[0].Status"] = "Refused",
            ["Documents[0].Ground"] = "BusinessSecret",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }
        Assert.Equal(new DateOnly(2019, 11, 25), (await factory.LoadAsync(id)).NextDeadlineOn);

        var delete = $"/demandes/{id}/evenements/{reply.Id}/supprimer";
        using (var deleted = await client.PostFormAsync($"/demandes/{id}", delete, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        request = await factory.LoadAsync(id);
        Assert.Equal(RequestState.ImpliedRefusal, request.State);
        Assert.NotNull(request.Events.Single(e => e.Id == reply.Id).DeletedAt);

        var history = await client.TextAsync($"/demandes/{id}/historique");
        Assert.Contains("Suppression", history);
        Assert.Contains("Modification", history);
        Assert.Contains("Réponse de l'administration, 20 septembre 2019 : document 1 refusé (secret des affaires (art. L311-6 CRPA))", history);
        Assert.Contains("Réponse de l'administration, 25 septembre 2019", history);
        Assert.Contains("« Réponse du service juridique. »", history);
    }

    [Fact]
    public async Task Another_volunteer_gets_404_on_a_private_request_and_cannot_change_a_public_one()
    {
        factory.SetToday(new DateOnly(2019, 9, 10));
        await factory.CreateAsync("proprio@example.org", Roles.Volunteer, "Camille Proprio");
        await factory.CreateAsync("curieux@example.org", Roles.Volunteer);
        using var owner = await factory.SignedInClientAsync("proprio@example.org");
        var lyon = await factory.CommuneBodyAsync("69123");
        var hidden = await owner.CreateRequestAsync(lyon, "Demande confidentielle", "Document A", sentOn: "2019-09-02");
        var shown = await owner.CreateRequestAsync(lyon, "Demande publique", "Document B", sentOn: "2019-09-02", isPublic: true);

        using var other = await factory.SignedInClientAsync("curieux@example.org");
        using (var response = await other.GetAsync(new Uri($"/demandes/{hidden}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var response = await other.GetAsync(new Uri($"/demandes/{hidden}/courriers/demande", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var page = await other.TextAsync($"/demandes/{shown}");
        Assert.Contains("demande d'un autre membre de l'équipe", page);
        Assert.DoesNotContain("Camille Proprio", page);
        Assert.DoesNotContain("proprio@example.org", page);
        using (var response = await other.GetAsync(new Uri($"/demandes/{shown}/modifier", UriKind.Relative)))
        {
            Assert.Equal("denied", Security.AuthorizationMatrixTests.Outcome(response));
        }
        var dashboard = await other.TextAsync("/demandes/suivi");
        Assert.Contains("Demande publique", dashboard);
        Assert.DoesNotContain("Demande confidentielle", dashboard);
    }

    [Fact]
    public async Task The_dashboard_sorts_by_next_deadline_highlights_urgency_and_filters()
    {
        factory.SetToday(new DateOnly(2019, 11, 25));
        await factory.CreateAsync("tableau@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("tableau@example.org");
        var lyon = await factory.CommuneBodyAsync("69123");
        var elancourt = await factory.CommuneBodyAsync("78208");
        // Referral due 2 December 2019 (this week), 20 November 2019 (overdue), and a request just sent (implied refusal in December).
        var week = await client.CreateRequestAsync(lyon, "Échéance cette semaine", "Doc", sentOn: "2019-08-30");
        await client.AddEventOkAsync(week, "reception", new() { ["Date"] = "2019-09-02", ["StatesAppealRoutes"] = "true" });
        var overdue = await client.CreateRequestAsync(elancourt, "Échéance dépassée", "Doc", sentOn: "2019-08-30");
        // Without the appeal routes the two months are only indicative: past them, the request stays open, overdue.
        await client.AddEventOkAsync(overdue, "refus", new() { ["Date"] = "2019-09-20", ["Ground"] = "PublicSecurity" });
        var fresh = await client.CreateRequestAsync(lyon, "Demande récente", "Doc", sentOn: "2019-11-20");

        var response = await client.GetAsync(new Uri("/demandes", UriKind.Relative));
        var page = await VigieFactory.ParseAsync(response);
        var rows = page.QuerySelectorAll("#h-ouvertes ~ .table-scroll tbody tr").ToList();
        Assert.Equal(["Échéance dépassée", "Échéance cette semaine", "Demande récente"], rows.Select(r => r.QuerySelector("strong")!.TextContent.Trim()));
        Assert.Equal("overdue", rows[0].ClassName);
        Assert.Equal("this-week", rows[1].ClassName);
        Assert.True(string.IsNullOrEmpty(rows[2].ClassName));
        Assert.Contains("20 novembre 2019", rows[0].TextContent);
        Assert.Contains("Dépassée", rows[0].TextContent);

        var byDepartment = await VigieFactory.ParseAsync(await client.GetAsync(new Uri("/demandes?departement=78", UriKind.Relative)));
        Assert.Equal(["Échéance dépassée"], byDepartment.QuerySelectorAll("tbody tr strong").Select(s => s.TextContent.Trim()));
        var byState = await VigieFactory.ParseAsync(await client.GetAsync(new Uri("/demandes?etat=Sent", UriKind.Relative)));
        Assert.Equal(["Demande récente"], byState.QuerySelectorAll("tbody tr strong").Select(s => s.TextContent.Trim()));
        var counts = Tracker.Normalize(page.QuerySelector(".state-counts")!.TextContent);
        Assert.Contains("Envoyée 1", counts);
        Assert.Contains("Saisine CADA à faire 1", counts);
        Assert.Contains("Refus exprès 1", counts);
        _ = fresh;
    }

    [Fact]
    public async Task The_cached_state_is_recomputed_when_a_new_day_begins()
    {
        factory.SetToday(new DateOnly(2019, 9, 10));
        await factory.CreateAsync("lendemain@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("lendemain@example.org");
        var id = await client.CreateRequestAsync(await factory.CommuneBodyAsync("69123"), "Silence", "Doc", sentOn: "2019-09-02");
        Assert.Equal(RequestState.Sent, (await factory.LoadAsync(id)).State);

        factory.SetToday(new DateOnly(2019, 10, 3));
        using var later = await factory.SignedInClientAsync("lendemain@example.org");
        var list = await later.TextAsync("/demandes");
        Assert.Contains("Refus implicite", list);
        var request = await factory.LoadAsync(id);
        Assert.Equal(RequestState.ImpliedRefusal, request.State);
        Assert.Equal(new DateOnly(2019, 10, 3), request.AnalysedOn);
    }

    [Fact]
    public async Task An_editor_adds_a_body_with_french_validation()
    {
        await factory.CreateAsync("editeur-organismes@example.org", Roles.Editor);
        using var client = await factory.SignedInClientAsync("editeur-organismes@example.org");
        using (var invalid = await client.PostFormAsync("/organismes/nouveau", "/organismes/nouveau", new() { ["Kind"] = "Prefecture", ["Name"] = "Préfecture des Yvelines" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var page = await VigieFactory.ParseAsync(invalid);
            Assert.Contains("Indiquez le département du siège", page.QuerySelector("#DepartmentCode ~ .field-error")!.TextContent);
            Assert.Equal("Préfecture des Yvelines", page.QuerySelector("#Name")!.GetAttribute("value"));
        }
        using (var created = await client.PostFormAsync("/organismes/nouveau", "/organismes/nouveau", new()
        {
            ["Kind"] = "Prefecture", ["Name"] = "Préfecture des Yvelines", ["DepartmentCode"] = "78",
            ["PostalAddress"] = "1 rue Jean Houdon\n78000 Versailles", ["PradaEmail"] = "prada@yvelines.gouv.fr",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        var list = await client.TextAsync("/organismes?q=yvelines");
        Assert.Contains("Préfecture des Yvelines", list);
        Assert.Contains("prada@yvelines.gouv.fr", list);

        await using var db = factory.CreateDbContext();
        var body = await db.PublicBodies.SingleAsync(b => b.Name == "Préfecture des Yvelines");
        using var stale = await client.PostFormAsync($"/organismes/{body.Id}/modifier", $"/organismes/{body.Id}/modifier", new()
        {
            ["Kind"] = "Prefecture", ["Name"] = "Préfecture", ["DepartmentCode"] = "78", ["Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}
