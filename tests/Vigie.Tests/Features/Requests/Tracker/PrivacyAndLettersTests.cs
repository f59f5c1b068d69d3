using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Requests.Tracker;

/// <summary>Who sees what: the requester's identity stays in their own letters; public pages and the API show public requests only.</summary>
public sealed class PrivacyAndLettersTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private const string Secret = "Dominique-Secrète";
    private const string Street = "12 impasse des Lilas";

    private async Task<HttpClient> RequesterAsync(string email)
    {
        var user = await factory.CreateAsync(email, Roles.Volunteer, $"Pseudo {Secret}");
        await using (var db = factory.CreateDbContext())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.FirstNames = "Dominique";
            stored.Surname = Secret;
            stored.PostalAddress = $"{Street}\n78990 Élancourt";
            await db.SaveChangesAsync();
        }
        return await factory.SignedInClientAsync(email);
    }

    [Fact]
    public async Task The_requester_sees_their_identity_in_their_letters_and_an_editor_only_placeholders()
    {
        factory.SetToday(new DateOnly(2019, 10, 10));
        using var requester = await RequesterAsync("lettres@example.org");
        var id = await requester.CreateRequestAsync(await factory.CommuneBodyAsync("78208"), "Contrat Genetec",
            "Contrat signé le 2 juillet 2019\nAnnexes techniques et financières", sentOn: "2019-08-30");
        await requester.AddEventOkAsync(id, "reception", new() { ["Date"] = "2019-09-02" });

        var own = await requester.TextAsync($"/demandes/{id}/courriers/demande");
        Assert.Contains($"Dominique {Secret}", own);
        Assert.Contains(Street, own);
        Assert.Contains("lettres@example.org", own);
        Assert.Contains("articles L311-1 et suivants", own);
        Assert.Contains("L311-9", own);
        Assert.Contains("L114-2", own);
        Assert.Contains("1. Contrat signé le 2 juillet 2019", own);
        Assert.Contains("2. Annexes techniques et financières", own);

        var referral = await requester.TextAsync($"/demandes/{id}/courriers/saisine-cada");
        Assert.Contains("R343-1", referral);
        Assert.Contains($"Je soussigné(e) Dominique {Secret}, demeurant {Street}, 78990 Élancourt", referral);
        Assert.Contains("née le 2 octobre 2019", referral);
        Assert.Contains("copie de la demande du 30 août 2019", referral);
        Assert.Contains("copie de l'accusé de réception du 2 septembre 2019", referral);
        Assert.Contains("Contexte", referral);
        Assert.Contains("Annexes techniques et financières (non communiqué, sans réponse)", referral);

        await factory.CreateAsync("editeur-lettres@example.org", Roles.Editor);
        using var editor = await factory.SignedInClientAsync("editeur-lettres@example.org");
        foreach (var letter in new[] { "demande", "saisine-cada" })
        {
            var text = await editor.TextAsync($"/demandes/{id}/courriers/{letter}");
            Assert.Contains("[Nom du demandeur]", text);
            Assert.DoesNotContain(Secret, text);
            Assert.DoesNotContain(Street, text);
            Assert.DoesNotContain("lettres@example.org", text);
            using var pdf = await editor.GetAsync(new Uri($"/demandes/{id}/courriers/{letter}.pdf", UriKind.Relative));
            var pdfText = PdfText(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains("[Nom du demandeur]", pdfText);
            Assert.DoesNotContain(Secret, pdfText);
        }
        var editorPage = await editor.TextAsync($"/demandes/{id}");
        Assert.DoesNotContain(Secret, editorPage);
        Assert.DoesNotContain("lettres@example.org", editorPage);
    }

    [Fact]
    public async Task Both_letters_download_as_pdf_with_the_documents_and_the_articles()
    {
        factory.SetToday(new DateOnly(2019, 10, 10));
        using var requester = await RequesterAsync("pdf@example.org");
        var id = await requester.CreateRequestAsync(await factory.CommuneBodyAsync("78208"), "Contrat Genetec",
            "Contrat signé le 2 juillet 2019\nBordereau des prix unitaires", sentOn: "2019-08-30");

        using var request = await requester.GetAsync(new Uri($"/demandes/{id}/courriers/demande.pdf", UriKind.Relative));
        Assert.Equal("application/pdf", request.Content.Headers.ContentType!.MediaType);
        var text = PdfText(await request.Content.ReadAsByteArrayAsync());
        Assert.Contains("Contrat signé le 2 juillet 2019", text);
        Assert.Contains("Bordereau des prix unitaires", text);
        Assert.Contains("L311-1", text);
        Assert.Contains("L114-2", text);
        Assert.Contains(Secret, text);

        using var referral = await requester.GetAsync(new Uri($"/demandes/{id}/courriers/saisine-cada.pdf", UriKind.Relative));
        text = PdfText(await referral.Content.ReadAsByteArrayAsync());
        Assert.Contains("Commission d'accès aux documents administratifs", text);
        Assert.Contains("R343-1", text);
        Assert.Contains("Bordereau des prix unitaires", text);
        Assert.Contains("Pièces jointes", text);
    }

    [Fact]
    public async Task Public_pages_and_the_api_show_public_requests_only_and_never_an_identity()
    {
        factory.SetToday(new DateOnly(2019, 10, 10));
        using var requester = await RequesterAsync("public@example.org");
        var elancourt = await factory.CommuneBodyAsync("78208");
        int caseId;
        await using (var db = factory.CreateDbContext())
        {
            caseId = await db.Cases.Where(c => c.Slug == "elancourt").Select(c => c.Id).SingleAsync();
        }
        var shown = await requester.CreateRequestAsync(elancourt, "Registre des accès aux images", "Registre 2019", sentOn: "2019-09-02", isPublic: true, caseId: caseId);
        await requester.AddEventOkAsync(shown, "note", new() { ["Date"] = "2019-09-03", ["Comment"] = "Appel de Dominique au standard" });
        var hidden = await requester.CreateRequestAsync(elancourt, "Demande restée privée", "Document privé", sentOn: "2019-09-02", caseId: caseId);
        await factory.EvictCacheAsync();

        using var anonymous = factory.CreateBrowserlessClient();
        foreach (var path in new[] { "/dossiers/elancourt", "/communes/78208", "/api/v1/requests?limit=200", $"/api/v1/requests/{shown}", "/donnees/demandes.csv", "/recherche?q=registre" })
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("Registre des accès aux images", body);
            Assert.DoesNotContain("Demande restée privée", body);
            Assert.DoesNotContain(Secret, body);
            Assert.DoesNotContain(Street, body);
            Assert.DoesNotContain("public@example.org", body);
            Assert.DoesNotContain("Appel de Dominique", body);
        }
        using var privateApi = await anonymous.GetAsync(new Uri($"/api/v1/requests/{hidden}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, privateApi.StatusCode);
        using var privatePage = await anonymous.GetAsync(new Uri($"/demandes/{hidden}", UriKind.Relative));
        Assert.Equal("login", Security.AuthorizationMatrixTests.Outcome(privatePage));

        var commune = await factory.GetDocumentAsync("/communes/78208");
        var transparency = Tracker.Normalize(commune.QuerySelector("#transparence")!.TextContent);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(transparency, @"demandes envoyées ?[2-9]"), transparency);
        var request = commune.QuerySelectorAll("article.request").Single(a => a.TextContent.Contains("Registre des accès aux images", StringComparison.Ordinal));
        Assert.Contains("Refus implicite", request.TextContent);
    }

    [Fact]
    public async Task A_change_to_a_public_request_evicts_the_cached_public_pages()
    {
        factory.SetToday(new DateOnly(2019, 9, 20));
        using var requester = await RequesterAsync("cache@example.org");
        var id = await requester.CreateRequestAsync(await factory.CommuneBodyAsync("78208"), "Délibération du conseil", "Délibération n° 2019-45", sentOn: "2019-09-02", isPublic: true);
        await factory.EvictCacheAsync();
        using var anonymous = factory.CreateBrowserlessClient();
        var before = Tracker.Normalize((await VigieFactory.ParseAsync(await anonymous.GetAsync(new Uri("/communes/78208", UriKind.Relative)))).Body!.TextContent);
        Assert.Contains("Délibération du conseil", before);
        Assert.DoesNotContain("Réception par l'administration", before);

        await requester.AddEventOkAsync(id, "reception", new() { ["Date"] = "2019-09-04" });

        var after = Tracker.Normalize((await VigieFactory.ParseAsync(await anonymous.GetAsync(new Uri("/communes/78208", UriKind.Relative)))).Body!.TextContent);
        Assert.Contains("Réception par l'administration", after);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Tracker.Normalize(string.Join(" ", document.GetPages().Select(p => p.Text)));
    }
}
