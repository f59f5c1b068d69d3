using System.Globalization;
using System.Net;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Requests.Tracker;

// What the forms refuse (docs/deadlines.md, "Refused or warned"): facts out of order and dates after today.
public sealed class EventDateRulesTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private async Task<(HttpClient Client, int Id)> RequestSentOn30AugustAsync(string email)
    {
        factory.SetToday(new DateOnly(2019, 10, 10));
        await factory.CreateAsync(email, Roles.Volunteer);
        var client = await factory.SignedInClientAsync(email);
        var id = await client.CreateRequestAsync(await factory.CommuneBodyAsync("69123"), "Vidéoprotection", "Acte d'engagement", sentOn: "30/08/2019");
        return (client, id);
    }

    private async Task<Dictionary<string, string>> ReplyAsync(int id, string date)
    {
        var document = (await factory.LoadAsync(id)).RequestedDocuments.Single().Id.ToString(CultureInfo.InvariantCulture);
        return new() { ["Date"] = date, ["Documents[0].DocumentId"] = document, ["Documents[0].Status"] = "Received", ["Comment"] = "Réponse par courriel." };
    }

    private static async Task<string> DateErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        return page.QuerySelector("#Date ~ .field-error")!.TextContent.Trim();
    }

    [Fact]
    public async Task A_reply_dated_before_the_sending_is_refused_and_the_input_kept()
    {
        var (client, id) = await RequestSentOn30AugustAsync("dates-1@example.org");
        using (client)
        {
            using var response = await client.AddEventAsync(id, "reponse", await ReplyAsync(id, "25/07/2019"));

            var page = await VigieFactory.ParseAsync(response);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(
                "Date impossible : elle précède l'envoi de la demande, le 30 août 2019. Corrigez l'une des deux dates.",
                page.QuerySelector("#Date ~ .field-error")!.TextContent.Trim());
            Assert.Equal("25/07/2019", page.QuerySelector("#Date")!.GetAttribute("value"));
            Assert.Contains("Réponse par courriel.", page.QuerySelector("#Comment")!.TextContent);
            Assert.Equal([RequestEventKind.Sent], (await factory.LoadAsync(id)).Kinds());
        }
    }

    [Fact]
    public async Task A_reply_dated_before_the_receipt_is_refused_and_so_is_a_receipt_moved_after_the_reply()
    {
        var (client, id) = await RequestSentOn30AugustAsync("dates-2@example.org");
        using (client)
        {
            await client.AddEventOkAsync(id, "reception", new() { ["Date"] = "10/09/2019" });

            using var early = await client.AddEventAsync(id, "reponse", await ReplyAsync(id, "05/09/2019"));
            Assert.Equal(
                "Date impossible : elle précède la réception de la demande par l'administration, le 10 septembre 2019. "
                + "Corrigez l'une des deux dates.",
                await DateErrorAsync(early));

            await client.AddEventOkAsync(id, "reponse", await ReplyAsync(id, "20/09/2019"));
            var receipt = (await factory.LoadAsync(id)).Events.Single(e => e.Kind == RequestEventKind.ReceivedByBody);
            var edit = $"/demandes/{id}/evenements/{receipt.Id}/modifier";
            using var moved = await client.PostFormAsync(edit, edit, new() { ["Date"] = "25/09/2019" });
            Assert.Equal(
                "Date impossible : elle suit la réponse de l'administration du 20 septembre 2019, qui ne peut pas venir avant "
                + "la réception de la demande par l'administration. Corrigez l'une des deux dates.",
                await DateErrorAsync(moved));
        }
    }

    [Fact]
    public async Task A_sending_moved_after_the_facts_it_starts_is_refused_but_a_second_sending_is_not()
    {
        var (client, id) = await RequestSentOn30AugustAsync("dates-3@example.org");
        using (client)
        {
            await client.AddEventOkAsync(id, "relance", new() { ["Date"] = "15/09/2019" });
            var sent = (await factory.LoadAsync(id)).Events.Single(e => e.Kind == RequestEventKind.Sent);
            var edit = $"/demandes/{id}/evenements/{sent.Id}/modifier";

            using var moved = await client.PostFormAsync(edit, edit, new() { ["Date"] = "20/09/2019" });

            Assert.StartsWith("Date impossible : elle suit la relance du 15 septembre 2019", await DateErrorAsync(moved));
            await client.AddEventOkAsync(id, "envoi", new() { ["Date"] = "01/10/2019" });
        }
    }

    [Fact]
    public async Task Dates_known_to_the_month_are_compared_by_month_and_notes_may_predate_the_sending()
    {
        var (client, id) = await RequestSentOn30AugustAsync("dates-4@example.org");
        using (client)
        {
            await client.AddEventOkAsync(id, "reception", new() { ["Date"] = "août 2019" });
            await client.AddEventOkAsync(id, "note", new() { ["Date"] = "01/08/2019", ["Comment"] = "Demande préparée avec l'association." });
            using var july = await client.AddEventAsync(id, "relance", new() { ["Date"] = "juillet 2019" });
            Assert.StartsWith("Date impossible : elle précède l'envoi de la demande, le 30 août 2019.", await DateErrorAsync(july));
        }
    }

    [Fact]
    public async Task A_cada_opinion_before_the_referral_and_a_date_after_today_are_refused()
    {
        var (client, id) = await RequestSentOn30AugustAsync("dates-5@example.org");
        using (client)
        {
            await client.AddEventOkAsync(id, "saisine-cada", new() { ["Date"] = "05/10/2019" });

            using var opinion = await client.AddEventAsync(id, "avis-cada", new()
            {
                ["Date"] = "01/10/2019", ["OpinionNumber"] = "20194321", ["OpinionSens"] = "Favorable",
            });
            Assert.StartsWith("Date impossible : elle précède l'envoi de la saisine de la CADA, le 5 octobre 2019.", await DateErrorAsync(opinion));

            using var future = await client.AddEventAsync(id, "enregistrement-cada", new() { ["Date"] = "12/10/2019", ["FileNumber"] = "20194321" });
            Assert.Equal("Cette date est dans le futur : n'enregistrez que ce qui a eu lieu.", await DateErrorAsync(future));
        }
    }
}
