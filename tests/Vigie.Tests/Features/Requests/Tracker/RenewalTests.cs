using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Requests.Tracker;

// A time-barred request has lost its deadlines, not the right of access (L311-1 CRPA): it is renewed by a new request
// for the documents not obtained, linked to it both ways.
public sealed class RenewalTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    // Sent 30 August 2019; on 20 September document 1 communicated, 2 unanswered and 3 refused, by a reply stating the
    // appeal routes. The CADA was not referred to by 20 November 2019: on 10 January 2020 the request is time-barred.
    private async Task<(HttpClient Owner, int Id)> TimeBarredAsync(string email, bool isPublic)
    {
        factory.SetToday(new DateOnly(2019, 9, 25));
        await factory.CreateAsync(email, Roles.Volunteer);
        var owner = await factory.SignedInClientAsync(email);
        var id = await owner.CreateRequestAsync(await factory.CommuneBodyAsync("69123"), "Contrat de vidéoprotection",
            "Acte d'engagement\nCCTP\nPlan des caméras", sentOn: "30/08/2019", isPublic: isPublic);
        await owner.AddEventOkAsync(id, "reception", new() { ["Date"] = "02/09/2019", ["StatesAppealRoutes"] = "true" });
        var documents = (await factory.LoadAsync(id)).RequestedDocuments.OrderBy(d => d.Position).Select(d => d.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        await owner.AddEventOkAsync(id, "reponse", new()
        {
            ["Date"] = "20/09/2019", ["StatesAppealRoutes"] = "true",
            ["Documents[0].DocumentId"] = documents[0], ["Documents[0].Status"] = "Received",
            ["Documents[1].DocumentId"] = documents[1], ["Documents[1].Status"] = "NotAnswered",
            ["Documents[2].DocumentId"] = documents[2], ["Documents[2].Status"] = "Refused", ["Documents[2].Ground"] = "PublicSecurity",
        });
        factory.SetToday(new DateOnly(2020, 1, 10));
        owner.Dispose();
        return (await factory.SignedInClientAsync(email), id);
    }

    [Fact]
    public async Task A_time_barred_request_offers_to_renew_it_with_the_documents_not_received()
    {
        var (owner, id) = await TimeBarredAsync("renouveler-1@example.org", isPublic: true);
        using (owner)
        {
            var page = await VigieFactory.ParseAsync(await owner.GetAsync(new Uri($"/demandes/{id}", UriKind.Relative)));
            Assert.Contains("Close (partielle)", page.QuerySelector(".badge")!.TextContent);
            Assert.StartsWith("Renouveler la demande : le délai de saisine de la CADA a expiré", page.QuerySelector(".next-action")!.TextContent.Trim());
            Assert.NotNull(page.QuerySelector($"form[action='/demandes/{id}/renouveler'] button"));

            var form = await VigieFactory.ParseAsync(await owner.GetAsync(new Uri($"/demandes/{id}/renouveler", UriKind.Relative)));
            Assert.Equal("CCTP\nPlan des caméras", form.QuerySelector("#Documents")!.TextContent.Trim());
            Assert.Equal("Contrat de vidéoprotection", form.QuerySelector("#Subject")!.GetAttribute("value"));
            Assert.Equal(id.ToString(CultureInfo.InvariantCulture), form.QuerySelector("input[name=RenewedFromId]")!.GetAttribute("value"));
            Assert.NotNull(form.QuerySelector("#IsPublic[checked]"));
            Assert.Contains("Commune de Lyon", form.QuerySelector(".chosen-body")!.TextContent);
            Assert.Contains("Renouvelle la demande « Contrat de vidéoprotection » envoyée le 30 août 2019", Tracker.Normalize(form.QuerySelector(".renewal-link")!.TextContent));
        }
    }

    [Fact]
    public async Task Renewing_links_the_two_requests_both_ways_and_the_old_one_no_longer_asks_to_be_renewed()
    {
        var (owner, id) = await TimeBarredAsync("renouveler-2@example.org", isPublic: false);
        using (owner)
        {
            using var created = await owner.PostFormAsync($"/demandes/{id}/renouveler", "/demandes/nouvelle", new()
            {
                ["PublicBodyId"] = (await factory.CommuneBodyAsync("69123")).ToString(CultureInfo.InvariantCulture),
                ["Subject"] = "Contrat de vidéoprotection",
                ["Documents"] = "CCTP\nPlan des caméras",
                ["Mode"] = "Email",
                ["Channel"] = "Email",
                ["SentOn"] = "08/01/2020",
                ["RenewedFromId"] = id.ToString(CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var renewal = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);

            var newPage = await owner.TextAsync($"/demandes/{renewal}");
            Assert.Contains("Renouvelle la demande du 30 août 2019.", newPage);
            Assert.Contains("Envoyée (réponse attendue avant le 8 février 2020)", newPage);
            var oldPage = await VigieFactory.ParseAsync(await owner.GetAsync(new Uri($"/demandes/{id}", UriKind.Relative)));
            Assert.Equal($"Renouvelée le 10 janvier 2020 par la demande n° {renewal}.", Tracker.Normalize(oldPage.QuerySelector(".renewal-link")!.TextContent).Trim());
            Assert.Equal($"/demandes/{renewal}", oldPage.QuerySelector(".renewal-link a")!.GetAttribute("href"));
            Assert.Equal("Aucune action : la demande a été renouvelée le 10 janvier 2020.", oldPage.QuerySelector(".next-action")!.TextContent.Trim());
            Assert.Null(oldPage.QuerySelector($"form[action='/demandes/{id}/renouveler']"));
            Assert.Equal("Aucune action : la demande a été renouvelée le 10 janvier 2020.", (await factory.LoadAsync(id)).NextAction);
            Assert.Equal(id, (await factory.LoadAsync(renewal)).RenewedFromId);
            Assert.False((await factory.LoadAsync(renewal)).IsPublic);

            using var again = await owner.PostFormAsync("/demandes/nouvelle", "/demandes/nouvelle", new()
            {
                ["PublicBodyId"] = (await factory.CommuneBodyAsync("69123")).ToString(CultureInfo.InvariantCulture),
                ["Subject"] = "Encore", ["Documents"] = "CCTP", ["RenewedFromId"] = id.ToString(CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("déjà été renouvelée", (await VigieFactory.ParseAsync(again)).QuerySelector("input[name=RenewedFromId] ~ .field-error")!.TextContent);
        }
    }

    [Fact]
    public async Task Only_the_requester_or_an_editor_may_renew()
    {
        var (owner, hidden) = await TimeBarredAsync("renouveler-3@example.org", isPublic: false);
        owner.Dispose();
        var (other, shown) = await TimeBarredAsync("renouveler-4@example.org", isPublic: true);
        other.Dispose();
        await factory.CreateAsync("curieux-renouvellement@example.org", Roles.Volunteer);
        using var stranger = await factory.SignedInClientAsync("curieux-renouvellement@example.org");

        using (var response = await stranger.GetAsync(new Uri($"/demandes/{hidden}/renouveler", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var response = await stranger.GetAsync(new Uri($"/demandes/{shown}/renouveler", UriKind.Relative)))
        {
            Assert.Equal("denied", Security.AuthorizationMatrixTests.Outcome(response));
        }
        var page = await VigieFactory.ParseAsync(await stranger.GetAsync(new Uri($"/demandes/{shown}", UriKind.Relative)));
        Assert.Null(page.QuerySelector($"form[action='/demandes/{shown}/renouveler']"));
        using var forged = await stranger.PostFormAsync("/demandes/nouvelle", "/demandes/nouvelle", new()
        {
            ["PublicBodyId"] = (await factory.CommuneBodyAsync("69123")).ToString(CultureInfo.InvariantCulture),
            ["Subject"] = "Détournement", ["Documents"] = "CCTP", ["RenewedFromId"] = shown.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal("denied", Security.AuthorizationMatrixTests.Outcome(forged));
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.CadaRequests.AnyAsync(r => r.RenewedFromId == shown));
        }

        await factory.CreateAsync("editeur-renouvellement@example.org", Roles.Editor);
        using var editor = await factory.SignedInClientAsync("editeur-renouvellement@example.org");
        using var allowed = await editor.GetAsync(new Uri($"/demandes/{hidden}/renouveler", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
