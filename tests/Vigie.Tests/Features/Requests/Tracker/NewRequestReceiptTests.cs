using System.Globalization;
using System.Net;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Requests.Tracker;

// The new-request form takes the day the body received the request: the one-month silence (R311-13 CRPA) starts there.
public sealed class NewRequestReceiptTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private async Task<HttpResponseMessage> CreateAsync(HttpClient client, string sentOn, string receivedOn, bool statesRoutes = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["PublicBodyId"] = (await factory.CommuneBodyAsync("69123")).ToString(CultureInfo.InvariantCulture),
            ["Subject"] = "Contrat de vidéoprotection",
            ["Documents"] = "Acte d'engagement\nCCTP",
            ["Mode"] = "Email",
            ["Channel"] = "RegisteredLetter",
            ["SentOn"] = sentOn,
            ["ReceivedOn"] = receivedOn,
        };
        if (statesRoutes)
        {
            fields["ReceiptStatesAppealRoutes"] = "true";
        }
        return await client.PostFormAsync("/demandes/nouvelle", "/demandes/nouvelle", fields);
    }

    [Fact]
    public async Task The_form_offers_the_receipt_date_next_to_the_sending_date_with_a_hint()
    {
        await factory.CreateAsync("reception-0@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("reception-0@example.org");

        var page = await VigieFactory.ParseAsync(await client.GetAsync(new Uri("/demandes/nouvelle", UriKind.Relative)));

        Assert.Equal("Date de réception par l'administration (facultatif)", page.QuerySelector("label[for=ReceivedOn]")!.TextContent.Trim());
        Assert.Contains("avis de réception postal", page.QuerySelector("#receivedon-hint")!.TextContent);
    }

    [Fact]
    public async Task A_receipt_typed_on_the_new_request_is_recorded_as_an_event_and_starts_the_deadlines()
    {
        factory.SetToday(new DateOnly(2019, 10, 10));
        await factory.CreateAsync("reception-1@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync("reception-1@example.org");

        using var response = await CreateAsync(client, "30/08/2019", "2 septembre 2019", statesRoutes: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        var request = await factory.LoadAsync(id);
        Assert.Equal([RequestEventKind.Sent, RequestEventKind.ReceivedByBody], request.Kinds());
        Assert.True(request.Events.Single(e => e.Kind == RequestEventKind.ReceivedByBody).StatesAppealRoutes);
        Assert.Equal(RequestState.ReferralDue, request.State);
        Assert.Equal(new DateOnly(2019, 12, 2), request.NextDeadlineOn);
        var page = await client.TextAsync($"/demandes/{id}");
        Assert.Contains("Refus implicite le 2 octobre 2019 : un mois sans réponse après réception le 2 septembre (art. R311-13 CRPA).", page);
        Assert.DoesNotContain("Date de réception inconnue", page);
        Assert.Contains("Réception par l'administration, 2 septembre 2019", await client.TextAsync($"/demandes/{id}/historique"));
    }

    [Theory]
    [InlineData("30/08/2019", "28/08/2019", "Date impossible : elle précède l'envoi de la demande, le 30 août 2019. Corrigez l'une des deux dates.")]
    [InlineData("30/08/2019", "15/10/2019", "Cette date est dans le futur : n'enregistrez que ce qui a eu lieu.")]
    [InlineData("", "02/09/2019", "Indiquez aussi la date d'envoi : la réception la suit.")]
    public async Task An_impossible_receipt_is_refused_and_the_form_keeps_what_was_typed(string sentOn, string receivedOn, string error)
    {
        factory.SetToday(new DateOnly(2019, 10, 10));
        var email = $"reception-{Guid.NewGuid():N}@example.org";
        await factory.CreateAsync(email, Roles.Volunteer);
        using var client = await factory.SignedInClientAsync(email);

        using var response = await CreateAsync(client, sentOn, receivedOn);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal(error, page.QuerySelector("#ReceivedOn ~ .field-error")!.TextContent.Trim());
        Assert.Equal(receivedOn, page.QuerySelector("#ReceivedOn")!.GetAttribute("value"));
        Assert.Equal(sentOn, page.QuerySelector("#SentOn")!.GetAttribute("value") ?? "");
        Assert.Equal("Acte d'engagement\nCCTP", page.QuerySelector("#Documents")!.TextContent.Trim());
    }
}
