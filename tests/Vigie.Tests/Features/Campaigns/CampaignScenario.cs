using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Campaigns.Creation;

namespace Vigie.Tests.Features.Campaigns;

/// <summary>Campaigns made as an editor makes them, through the forms, and looked at as a person or in the database.</summary>
internal static class CampaignScenario
{
    public const string Documents = "Marchés de vidéoprotection en cours (acte d'engagement, CCAP, CCTP)\nAvenants et bons de commande";

    /// <summary>Creates a campaign through the form and returns its slug.</summary>
    public static async Task<string> CreateCampaignAsync(this HttpClient editor, string title, string? letter = null, bool isPublic = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Subject"] = "Contrats de vidéoprotection et leurs annexes",
            ["Documents"] = Documents,
            ["Description"] = "Une **campagne** de test.",
            ["LetterParagraph"] = letter ?? "",
            ["Mode"] = "Email",
            ["Channel"] = "Email",
            ["RequestsArePublic"] = isPublic ? "true" : "false",
            ["Organisers"] = await MyIdAsync(editor),
        };
        using var response = await editor.PostFormAsync("/campagnes/nouvelle", "/campagnes/nouvelle", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"campaign creation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString.Split('/')[2];
    }

    /// <summary>The signed-in member's id, read from the campaign form's organiser box checked for them.</summary>
    private static async Task<string> MyIdAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/campagnes/nouvelle", UriKind.Relative));
        var page = await VigieFactory.ParseAsync(response);
        return page.QuerySelector("input[name='Organisers'][checked]")!.GetAttribute("value")!;
    }

    /// <summary>Changes the campaign's status through its form, keeping every other field as it is.</summary>
    public static async Task SetStatusAsync(this HttpClient editor, string slug, string status)
    {
        using var form = await editor.GetAsync(new Uri($"/campagnes/{slug}/modifier", UriKind.Relative));
        var page = await VigieFactory.ParseAsync(form);
        var fields = new Dictionary<string, string>
        {
            ["Title"] = page.QuerySelector("#Title")!.GetAttribute("value")!,
            ["Slug"] = page.QuerySelector("#Slug")!.GetAttribute("value")!,
            ["Description"] = page.QuerySelector("#Description")!.TextContent,
            ["Subject"] = page.QuerySelector("#Subject")!.GetAttribute("value")!,
            ["Documents"] = page.QuerySelector("#Documents")!.TextContent,
            ["LetterParagraph"] = page.QuerySelector("#LetterParagraph")!.TextContent,
            ["Context"] = page.QuerySelector("#Context")!.TextContent,
            ["Mode"] = "Email",
            ["Channel"] = "Email",
            ["RequestsArePublic"] = page.QuerySelector("#RequestsArePublic[checked]") is null ? "false" : "true",
            ["Status"] = status,
            ["Organisers"] = page.QuerySelector("input[name='Organisers'][checked]")!.GetAttribute("value")!,
            ["Version"] = page.QuerySelector("input[name='Version']")!.GetAttribute("value")!,
        };
        using var response = await editor.PostFormAsync($"/campagnes/{slug}/modifier", $"/campagnes/{slug}/modifier", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"status change answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<HttpResponseMessage> TargetsAsync(this HttpClient editor, string slug, Dictionary<string, string> filter, string intent = "ajouter")
    {
        var fields = new Dictionary<string, string>(filter) { ["intent"] = intent };
        fields.TryAdd("Kind", "Commune");
        return await editor.PostFormAsync($"/campagnes/{slug}/cibles", $"/campagnes/{slug}/cibles", fields);
    }

    public static async Task AddTargetsOkAsync(this HttpClient editor, string slug, Dictionary<string, string> filter)
    {
        using var response = await editor.TargetsAsync(slug, filter);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"adding targets answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Queues the creation of the campaign's requests through the page, and waits for the worker to finish it.</summary>
    public static async Task CreateRequestsAsync(this VigieFactory factory, HttpClient editor, string slug)
    {
        using var response = await editor.PostFormAsync($"/campagnes/{slug}/cibles", $"/campagnes/{slug}/demandes", []);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"creating requests answered {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        if (location.Contains("/creation/", StringComparison.Ordinal))
        {
            var id = Guid.Parse(location.Split('/').Last());
            await factory.Services.GetRequiredService<CampaignSignal>().WhenFinished(id).WaitAsync(TimeSpan.FromMinutes(2));
        }
    }

    public static async Task<Campaign> CampaignAsync(this VigieFactory factory, string slug)
    {
        await using var db = factory.CreateDbContext();
        return await db.Campaigns.Include(c => c.Targets).ThenInclude(t => t.PublicBody!).ThenInclude(b => b.Municipality)
            .Include(c => c.Documents).AsSplitQuery().SingleAsync(c => c.Slug == slug);
    }

    public static async Task<List<CadaRequest>> CampaignRequestsAsync(this VigieFactory factory, string slug)
    {
        await using var db = factory.CreateDbContext();
        return await db.CadaRequests.Where(r => r.Campaign!.Slug == slug)
            .Include(r => r.RequestedDocuments).Include(r => r.Events).Include(r => r.PublicBody!).ThenInclude(b => b.Municipality)
            .AsSplitQuery().ToListAsync();
    }

    /// <summary>The target of a commune in a campaign, and its request.</summary>
    public static async Task<(int TargetId, int RequestId)> TargetOfAsync(this VigieFactory factory, string slug, string insee)
    {
        await using var db = factory.CreateDbContext();
        var target = await db.CampaignTargets.Where(t => t.Campaign!.Slug == slug && t.PublicBody!.Municipality!.InseeCode == insee)
            .Select(t => new { t.Id, t.CadaRequestId }).SingleAsync();
        return (target.Id, target.CadaRequestId ?? 0);
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string slug, string action, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync($"/campagnes/{slug}", action, fields ?? []);
}
