using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Municipalities;

// The reply time of the commune page, the API and the open data never uses an impossible duration: a reply dated
// before the sending (or before the receipt) is a wrong date, kept out of the median.
public sealed class TransparencyTests(VigieFactory factory) : IClassFixture<VigieFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = factory.CreateDbContext();
        // One database for the class, one instance per test: insert once.
        if (await db.CadaRequests.AnyAsync(r => r.Subject == "Réponse en vingt jours"))
        {
            return;
        }
        var saintEtienne = await db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune && b.Municipality!.InseeCode == "42218")
            .Select(b => b.Id).SingleAsync();
        db.CadaRequests.AddRange(
            // Imported with its reply typed 35 days before the sending.
            PublicRequest(saintEtienne, "Réponse datée avant l'envoi", (RequestEventKind.Sent, new(2024, 3, 10)), (RequestEventKind.ReplyReceived, new(2024, 2, 4))),
            // Answered on 8 March, but "received" on 15 March: one of the dates is wrong.
            PublicRequest(saintEtienne, "Réponse datée avant la réception", (RequestEventKind.Sent, new(2024, 3, 1)),
                (RequestEventKind.ReceivedByBody, new(2024, 3, 15)), (RequestEventKind.ReplyReceived, new(2024, 3, 8))),
            PublicRequest(saintEtienne, "Réponse en vingt jours", (RequestEventKind.Sent, new(2024, 3, 1)), (RequestEventKind.ReplyReceived, new(2024, 3, 21))));
        await db.SaveChangesAsync();
        await factory.EvictCacheAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static CadaRequest PublicRequest(int bodyId, string subject, params (RequestEventKind Kind, DateOnly On)[] events) => new()
    {
        PublicBodyId = bodyId,
        Subject = subject,
        IsPublic = true,
        RequestedDocuments = [new RequestedDocument { Title = "Convention de vidéoprotection", Position = 1 }],
        Events = events.Select(e => new CadaRequestEvent { Kind = e.Kind, OccurredOn = e.On }).ToList(),
    };

    [Fact]
    public async Task The_commune_page_median_leaves_out_replies_dated_before_the_sending_or_the_receipt()
    {
        var page = await factory.GetDocumentAsync("/communes/42218");

        var median = page.QuerySelectorAll("dl.stats dt").Single(dt => dt.TextContent == "délai médian de première réponse").NextElementSibling!;
        Assert.Equal("20 j", median.TextContent.Trim());
        Assert.Equal("3", page.QuerySelectorAll("dl.stats dt").Single(dt => dt.TextContent == "demandes envoyées").NextElementSibling!.TextContent);
        Assert.Contains("Délai médian calculé sur 1 réponse datée au jour près.", Requests.Tracker.Tracker.Normalize(page.Body!.TextContent));
    }

    [Fact]
    public async Task The_api_median_leaves_them_out_too()
    {
        using var client = factory.CreateBrowserlessClient();
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/communes/42218", UriKind.Relative)));

        var transparency = json.RootElement.GetProperty("transparency");
        Assert.Equal(20, transparency.GetProperty("medianDaysToFirstReply").GetDouble());
        Assert.Equal(1, transparency.GetProperty("repliesMeasured").GetInt32());
        Assert.Equal(3, transparency.GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task The_open_data_median_leaves_them_out_too()
    {
        using var client = factory.CreateBrowserlessClient();
        var csv = await client.GetStringAsync(new Uri("/donnees/transparence.csv", UriKind.Relative));

        var header = csv.Split('\n')[0].Split(',');
        var row = csv.Split('\n').Single(l => l.StartsWith("42218,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("20", row[Array.IndexOf(header, "delai_median_premiere_reponse_jours")]);
    }
}
