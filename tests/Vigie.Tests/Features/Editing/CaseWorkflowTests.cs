using System.Net;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Vigie.Tests.Features.Editing.EditingScenario;

namespace Vigie.Tests.Features.Editing;

public sealed class CaseWorkflowTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task A_volunteer_writes_a_case_citing_a_source_and_an_editor_publishes_it_to_visitors_at_once()
    {
        using var volunteer = await factory.MemberAsync(Roles.Volunteer, "Bénévole Auteur");
        using var editor = await factory.MemberAsync(Roles.Editor, "Éditrice Relectrice");
        using var visitor = factory.CreateBrowserlessClient();

        // "Saint-Denis" names several communes: the form comes back with them as choices, the input kept.
        var ambiguous = await volunteer.SubmitAsync("/edition/dossiers/nouveau", CaseForm, f => f
            .Set("Form.Title", "Saint-Denis : caméras augmentées au Stade de France")
            .Set("Form.Municipality", "saint denis")
            .Set("Form.Summary", "La ville expérimente la vidéosurveillance algorithmique.")
            .Set("Form.Technologies", "vsa", "videoprotection"), "enregistrer");
        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.Status);
        var choices = ambiguous.Document.QuerySelectorAll("input[name='Form.MunicipalityCode']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("93066", choices);
        Assert.Contains("97411", choices);
        Assert.Contains("Saint-Denis (93)", ambiguous.Text("fieldset.candidates"));
        Assert.Contains("Saint-Denis (974)", ambiguous.Text("fieldset.candidates"));
        Assert.Equal("La ville expérimente la vidéosurveillance algorithmique.", ambiguous.Value("Form.Summary"));

        var created = await volunteer.SubmitAsync(ambiguous, CaseForm, f => f.Set("Form.MunicipalityCode", "93066"), "enregistrer");
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var caseId = int.Parse(created.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var stored = await factory.LoadCaseAsync(caseId);
        Assert.Equal(CaseStatus.Draft, stored.Status);
        Assert.Equal("saint-denis-cameras-augmentees-au-stade-de-france", stored.Slug);
        Assert.Equal("Saint-Denis\u202f: caméras augmentées au Stade de France", stored.Title);

        await volunteer.AddSourceAsync(caseId, "https://www.leparisien.fr/seine-saint-denis-93/vsa", "Le Stade de France sous l'œil des algorithmes", "Le Parisien");
        var edit = await volunteer.GetAsync($"/edition/dossiers/{caseId}");
        Assert.Contains("[@1] — Le Parisien, « Le Stade de France sous l'œil des algorithmes »", edit.Text(".source-hints"));

        // Preview renders the narrative with the public page's renderer, and saves nothing.
        var preview = await volunteer.SubmitAsync(edit, CaseForm, f => f.Set("Form.Body", "Des caméras « intelligentes »[@1] et un rapport introuvable[@7]."), "previsualiser");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("#source-1", preview.Find("#apercu sup.cite a")!.GetAttribute("href"));
        Assert.Equal("[7 ?]", preview.Text("#apercu sup.cite-unknown"));
        Assert.Equal("Des caméras « intelligentes »[@1] et un rapport introuvable[@7].", preview.Value("Form.Body"));
        Assert.Equal("", (await factory.LoadCaseAsync(caseId)).Body);

        await volunteer.FollowAsync(await volunteer.SubmitAsync(preview, CaseForm, f => f.Set("Form.Body", "Des caméras « intelligentes »[@1]."), "enregistrer"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/dossiers/{stored.Slug}", UriKind.Relative))).StatusCode);

        // The volunteer proposes; publishing is for editors only.
        var proposed = await volunteer.FollowAsync(await volunteer.SubmitAsync(FormBrowser.StatusForm(await volunteer.GetAsync($"/edition/dossiers/{caseId}"), "Proposed")));
        Assert.Contains("proposé à la publication", proposed.Text(".notice"));
        Assert.Null(proposed.Document.QuerySelectorAll("input[name='To'][value='Published']").FirstOrDefault());
        var refused = await volunteer.Client.PostFormAsync($"/edition/dossiers/{caseId}", $"/edition/dossiers/{caseId}/statut", new()
        {
            ["To"] = "Published",
            ["Version"] = proposed.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!,
            ["BaseRevision"] = proposed.Document.QuerySelector("input[name='Form.BaseRevision']")!.GetAttribute("value")!,
        });
        Assert.Equal("/acces-refuse", refused.Headers.Location!.AbsolutePath);
        Assert.Equal(CaseStatus.Proposed, (await factory.LoadCaseAsync(caseId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/dossiers/{stored.Slug}", UriKind.Relative))).StatusCode);

        var published = await editor.FollowAsync(await editor.SubmitAsync(FormBrowser.StatusForm(await editor.GetAsync($"/edition/dossiers/{caseId}"), "Published")));
        Assert.Contains("Dossier publié", published.Text(".notice"));
        Assert.NotNull((await factory.LoadCaseAsync(caseId)).PublishedAt);

        var page = await VigieFactory.ParseAsync(await visitor.GetAsync(new Uri($"/dossiers/{stored.Slug}", UriKind.Relative)));
        Assert.Contains("caméras augmentées", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#source-1", page.QuerySelector(".prose sup.cite a")!.GetAttribute("href"));
        Assert.Contains("Le Stade de France sous l'œil des algorithmes", page.QuerySelector("#sources")!.TextContent, StringComparison.Ordinal);

        // The page is now in the output cache: an edit evicts it, so visitors see the change at once.
        var again = await editor.SubmitAsync($"/edition/dossiers/{caseId}", CaseForm, f => f.Set("Form.Summary", "Résumé revu par l'éditrice."), "enregistrer");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var updated = await VigieFactory.ParseAsync(await visitor.GetAsync(new Uri($"/dossiers/{stored.Slug}", UriKind.Relative)));
        Assert.Equal("Résumé revu par l'éditrice.", Page.Normalize(updated.QuerySelector(".case-head .lede")!.TextContent));

        // Unpublishing hides it again at once.
        await editor.FollowAsync(await editor.SubmitAsync(FormBrowser.StatusForm(await editor.GetAsync($"/edition/dossiers/{caseId}"), "Unpublished")));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/dossiers/{stored.Slug}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_validation_error_keeps_everything_typed_and_says_what_is_wrong_in_french()
    {
        using var volunteer = await factory.MemberAsync(Roles.Volunteer, "Bénévole Pressé");
        var refused = await volunteer.SubmitAsync("/edition/dossiers/nouveau", CaseForm, f => f
            .Set("Form.Title", "")
            .Set("Form.Municipality", "Commune-qui-n-existe-pas")
            .Set("Form.Summary", "Un résumé long à retaper.")
            .Set("Form.Body", "## Contexte\n\nUn récit de plusieurs lignes[@1].")
            .Set("Form.Technologies", "lapi")
            .Set("Form.Vendors", "genetec"), "enregistrer");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Indiquez un titre.", refused.Text("[data-valmsg-for='Form.Title']"));
        Assert.Contains("Aucune commune ne correspond à « Commune-qui-n-existe-pas »", refused.Text("[data-valmsg-for='Form.Municipality']"));
        Assert.Equal("Commune-qui-n-existe-pas", refused.Value("Form.Municipality"));
        Assert.Equal("Un résumé long à retaper.", refused.Value("Form.Summary"));
        Assert.Equal("## Contexte\n\nUn récit de plusieurs lignes[@1].", refused.Value("Form.Body")!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.NotNull(refused.Find("input[name='Form.Technologies'][value='lapi'][checked]"));
        Assert.Null(refused.Find("input[name='Form.Technologies'][value='drones'][checked]"));
        Assert.NotNull(refused.Find("input[name='Form.Vendors'][value='genetec'][checked]"));

        // A typo is never taken silently: the closest names (trigrams) come back as choices.
        var typo = await volunteer.SubmitAsync(refused, CaseForm, f => f.Set("Form.Title", "Un titre").Set("Form.Municipality", "Elancourrt"), "enregistrer");
        Assert.Equal(HttpStatusCode.BadRequest, typo.Status);
        Assert.Contains("78208", typo.Document.QuerySelectorAll("input[name='Form.MunicipalityCode']").Select(i => i.GetAttribute("value")));

        // A part form too: amounts and partial dates are read the French way, and a wrong one is kept as typed.
        var caseId = await volunteer.CreateCaseAsync("Dossier pour les marchés");
        var contract = await volunteer.SubmitAsync($"/edition/dossiers/{caseId}/marches/nouveau", PartForm, f => f
            .Set("Form.Object", "Extension du CSU").Set("Form.Amount", "1 234,50").Set("Form.SignedOn", "32/13/2019").Set("Form.Notes", "Note à garder"));
        Assert.Equal(HttpStatusCode.BadRequest, contract.Status);
        Assert.Contains("Date non reconnue : « 32/13/2019 »", contract.Text("[data-valmsg-for='Form.SignedOn']"));
        Assert.Equal("32/13/2019", contract.Value("Form.SignedOn"));
        Assert.Equal("1 234,50", contract.Value("Form.Amount"));
        Assert.Equal("Note à garder", contract.Value("Form.Notes"));

        await volunteer.FollowAsync(await volunteer.SubmitAsync(contract, PartForm, f => f.Set("Form.SignedOn", "juillet 2019").Set("Form.Amount", "20 000 000")));
        var saved = Assert.Single((await factory.LoadCaseAsync(caseId)).Contracts);
        Assert.Equal(20_000_000m, saved.AmountEuros);
        Assert.Equal(new DateOnly(2019, 7, 1), saved.SignedOn);
        Assert.Equal(DatePrecision.Month, saved.SignedOnPrecision);
        var list = await volunteer.GetAsync($"/edition/dossiers/{caseId}/marches");
        Assert.Contains("signé juillet 2019", list.Text(".part-list"));
        Assert.Contains("20 000 000 €", list.Text(".part-list"));
    }

    [Fact]
    public async Task A_volunteer_gets_404_on_another_volunteers_draft_and_sees_only_their_own_cases()
    {
        using var owner = await factory.MemberAsync(Roles.Volunteer, "Bénévole Propriétaire");
        using var other = await factory.MemberAsync(Roles.Volunteer, "Bénévole Curieux");
        var caseId = await owner.CreateCaseAsync("Brouillon confidentiel", body: "Pas encore prêt.");
        await owner.AddSourceAsync(caseId, "https://example.org/a", "Une source");

        foreach (var path in new[] { $"/edition/dossiers/{caseId}", $"/edition/dossiers/{caseId}/sources", $"/edition/dossiers/{caseId}/marches/nouveau", $"/edition/dossiers/{caseId}/historique" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).Status);
        }
        // Posting with a token taken from the other volunteer's own pages changes nothing either.
        using var post = await other.Client.PostFormAsync("/edition/dossiers/nouveau", $"/edition/dossiers/{caseId}", new()
        {
            ["Form.Title"] = "Piraté", ["Form.Municipality"] = "78208",
        });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Brouillon confidentiel", (await factory.LoadCaseAsync(caseId)).Title);

        var list = await other.GetAsync("/edition/dossiers");
        Assert.DoesNotContain("Brouillon confidentiel", list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Élancourt", list.Text("table"), StringComparison.Ordinal);
        Assert.Contains("Brouillon confidentiel", (await owner.GetAsync("/edition/dossiers")).Text("table"));
    }

    [Fact]
    public async Task Editors_list_every_case_filter_by_status_and_search_without_accents()
    {
        using var editor = await factory.MemberAsync(Roles.Editor, "Éditeur Chercheur");
        await editor.CreateCaseAsync("Vidéoprotection à Élancourt, suite", commune: "Élancourt");
        var all = await editor.GetAsync("/edition/dossiers");
        Assert.Contains("Élancourt : la vitrine française de Genetec", all.Text("table"));
        var drafts = await editor.GetAsync("/edition/dossiers?statut=Draft");
        Assert.Contains("Vidéoprotection à Élancourt, suite", drafts.Text("table"));
        Assert.DoesNotContain("vitrine française", drafts.Text("table"), StringComparison.Ordinal);
        var byCommune = await editor.GetAsync("/edition/dossiers?q=elancourt");
        Assert.All(byCommune.Document.QuerySelectorAll("table tbody tr"), row => Assert.Contains("Élancourt (78)", row.TextContent, StringComparison.Ordinal));
        Assert.Contains("vitrine française", byCommune.Text("table"), StringComparison.Ordinal);
        var byTitle = await editor.GetAsync("/edition/dossiers?q=VIDEOPROTECTION");
        Assert.Equal("Vidéoprotection à Élancourt, suite", Page.Normalize(Assert.Single(byTitle.Document.QuerySelectorAll("table tbody td:first-child")).TextContent));
    }

    [Fact]
    public async Task The_public_page_offers_a_modify_link_to_editors_only()
    {
        using var editor = await factory.MemberAsync(Roles.Editor, "Éditeur Lecteur");
        using var volunteer = await factory.MemberAsync(Roles.Volunteer, "Bénévole Lecteur");
        Assert.NotNull((await editor.GetAsync("/dossiers/elancourt")).Find(".edit-link a[href^='/edition/dossiers/']"));
        Assert.Null((await volunteer.GetAsync("/dossiers/elancourt")).Find(".edit-link"));
        Assert.Null((await factory.GetDocumentAsync("/dossiers/elancourt")).QuerySelector(".edit-link"));
    }
}
