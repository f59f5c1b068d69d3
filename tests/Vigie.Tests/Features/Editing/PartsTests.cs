using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Vigie.Tests.Features.Editing.EditingScenario;

namespace Vigie.Tests.Features.Editing;

public sealed class PartsTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Sources_are_numbered_in_order_and_a_cited_source_cannot_be_deleted()
    {
        using var volunteer = await factory.MemberAsync(Roles.Volunteer, "Bénévole Sourceur");
        var caseId = await volunteer.CreateCaseAsync("Dossier sourcé", body: "Un fait[@1].");
        await volunteer.AddSourceAsync(caseId, "https://example.org/un", "Première");
        await volunteer.AddSourceAsync(caseId, "https://example.org/deux", "Deuxième");
        var refusedUrl = await volunteer.SubmitAsync($"/edition/dossiers/{caseId}/sources/nouveau", PartForm, f => f
            .Set("Form.Url", "ftp://example.org/trois").Set("Form.Title", "Troisième"));
        Assert.Equal(HttpStatusCode.BadRequest, refusedUrl.Status);
        Assert.Contains("http:// ou https://", refusedUrl.Text("[data-valmsg-for='Form.Url']"));
        Assert.Equal("Troisième", refusedUrl.Value("Form.Title"));

        await volunteer.FollowAsync(await volunteer.SubmitAsync($"/edition/dossiers/{caseId}/marches/nouveau", PartForm, f => f
            .Set("Form.Object", "Marché sourcé").Set("Form.Source", "1")));
        var sources = (await factory.LoadCaseAsync(caseId)).Sources.OrderBy(s => s.Number).ToList();
        Assert.Equal([1, 2], sources.Select(s => s.Number));

        var confirm = await volunteer.GetAsync($"/edition/dossiers/{caseId}/sources/{sources[0].Id}/supprimer");
        Assert.Contains("le récit (1 appel [@1])", confirm.Text(".notice-error"));
        Assert.Contains("le marché « Marché sourcé »", confirm.Text(".notice-error"));
        Assert.Null(confirm.Find(".form-page form"));
        using var forced = await volunteer.Client.PostFormAsync($"/edition/dossiers/{caseId}/sources", $"/edition/dossiers/{caseId}/sources/{sources[0].Id}/supprimer", new()
        {
            ["Version"] = sources[0].Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BaseRevision"] = "0",
        });
        Assert.Equal(HttpStatusCode.Conflict, forced.StatusCode);
        Assert.Equal(2, (await factory.LoadCaseAsync(caseId)).Sources.Count);

        await volunteer.FollowAsync(await volunteer.SubmitAsync($"/edition/dossiers/{caseId}/sources/{sources[1].Id}/supprimer", ".form-page form"));
        Assert.Equal([1], (await factory.LoadCaseAsync(caseId)).Sources.Select(s => s.Number));
    }

    [Fact]
    public async Task Every_kind_of_part_is_added_listed_and_shown_on_the_published_page()
    {
        using var editor = await factory.MemberAsync(Roles.Editor, "Éditrice Complète");
        var caseId = await editor.CreateCaseAsync("Dossier complet", body: "Récit.");
        await editor.AddSourceAsync(caseId, "https://example.org/complet", "Source complète", "Le Quotidien");
        var steps = new (string Segment, Action<FormFields> Fill)[]
        {
            ("marches", f => f.Set("Form.Object", "Caméras nomades").Set("Form.SignedOn", "2021").Set("Form.Amount", "1.234,50 €").Set("Form.Vendor", "genetec").Set("Form.Buyer", "Élancourt").Set("Form.Source", "1")),
            ("financements", f => f.Set("Form.Label", "Subvention FIPD").Set("Form.Amount", "20 000 000").Set("Form.Year", "2022").Set("Form.IsEstimate", "true").Set("Form.Funder", "État")),
            ("chronologie", f => f.Set("Form.OccurredOn", "1er juillet 2019").Set("Form.Title", "Vote du conseil municipal").Set("Form.Source", "1")),
            ("citations", f => f.Set("Form.Speaker", "Le maire").Set("Form.SpeakerRole", "maire").Set("Form.Text", "« Nous sommes pionniers »").Set("Form.SaidOn", "2019-09")),
        };
        foreach (var (segment, fill) in steps)
        {
            var added = await editor.SubmitAsync($"/edition/dossiers/{caseId}/{segment}/nouveau", PartForm, fill);
            Assert.True(added.Status == HttpStatusCode.Redirect, $"{segment}: {(int)added.Status} {added.Text(".field-error")}");
        }
        await using var db = factory.CreateDbContext();
        var contract = await db.Contracts.Include(k => k.BuyerMunicipality).SingleAsync(k => k.CaseId == caseId);
        Assert.Equal(1234.50m, contract.AmountEuros);
        Assert.Equal(DatePrecision.Year, contract.SignedOnPrecision);
        Assert.Equal("78208", contract.BuyerMunicipality!.InseeCode);
        var quote = await db.Quotes.SingleAsync(q => q.CaseId == caseId);
        Assert.Equal("Nous sommes pionniers", quote.Text);
        Assert.Equal(DatePrecision.Month, quote.SaidOnPrecision);
        Assert.Equal(new DateOnly(2019, 7, 1), (await db.TimelineEvents.SingleAsync(e => e.CaseId == caseId)).OccurredOn);

        var form = await editor.GetAsync($"/edition/dossiers/{caseId}/marches/{contract.Id}");
        Assert.Equal("2021", form.Value("Form.SignedOn"));
        Assert.Equal("1 234,50", form.Value("Form.Amount"));
        Assert.Equal("Élancourt (78208)", form.Value("Form.Buyer"));

        await editor.FollowAsync(await editor.SubmitAsync(FormBrowser.StatusForm(await editor.GetAsync($"/edition/dossiers/{caseId}"), "Proposed")));
        await editor.FollowAsync(await editor.SubmitAsync(FormBrowser.StatusForm(await editor.GetAsync($"/edition/dossiers/{caseId}"), "Published")));
        var page = await factory.GetDocumentAsync("/dossiers/dossier-complet");
        Assert.Contains("Caméras nomades", page.QuerySelector("#marches")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("20 000 000", Page.Normalize(page.QuerySelector("#financement")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Vote du conseil municipal", page.QuerySelector("#chronologie")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nous sommes pionniers", page.QuerySelector("#citations")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_manage_vendors_and_technologies_and_volunteers_may_not()
    {
        using var editor = await factory.MemberAsync(Roles.Editor, "Éditeur Catalogue");
        using var volunteer = await factory.MemberAsync(Roles.Volunteer, "Bénévole Catalogue");
        Assert.Equal(HttpStatusCode.Redirect, (await volunteer.GetAsync("/edition/prestataires")).Status);

        var added = await editor.SubmitAsync("/edition/prestataires/nouveau", ".form-page form", f => f
            .Set("Form.Name", "Briefcam").Set("Form.Country", "Israël").Set("Form.Website", "https://www.briefcam.com"));
        await editor.FollowAsync(added);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/prestataires/briefcam")).Status);

        await using var db = factory.CreateDbContext();
        var vendor = await db.Vendors.SingleAsync(v => v.Slug == "briefcam");
        var first = await editor.GetAsync($"/edition/prestataires/{vendor.Id}");
        var second = await editor.GetAsync($"/edition/prestataires/{vendor.Id}");
        await editor.FollowAsync(await editor.SubmitAsync(first, ".form-page form", f => f.Set("Form.Description", "Analyse vidéo.")));
        var refused = await editor.SubmitAsync(second, ".form-page form", f => f.Set("Form.Country", "Israël (filiale de Canon)"));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Analyse vidéo.", refused.Text(".conflict"));
        Assert.Equal("Israël (filiale de Canon)", refused.Value("Form.Country"));

        var technology = await editor.SubmitAsync("/edition/technologies/nouveau", ".form-page form", f => f.Set("Form.Name", "Analyse audio"));
        await editor.FollowAsync(technology);
        Assert.True(await db.Technologies.AnyAsync(t => t.Slug == "analyse-audio"));
    }

    [Fact]
    public async Task The_commune_lookup_ignores_accents_and_case()
    {
        using var volunteer = await factory.MemberAsync(Roles.Volunteer, "Bénévole Géographe");
        var page = await volunteer.GetAsync("/edition/communes?q=ELANCOURT");
        Assert.Contains("78208", page.Text("table"));
        var namesakes = await volunteer.GetAsync("/edition/communes?q=saint-denis");
        Assert.Contains("93066", namesakes.Text("table"));
        Assert.Contains("97411", namesakes.Text("table"));
    }
}
