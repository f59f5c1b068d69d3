using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Requests.Tracker;

/// <summary>Shortcuts for the tracker's web tests: members, requests made through the forms, pages as text.</summary>
internal static class Tracker
{
    public static async Task<int> CommuneBodyAsync(this VigieFactory factory, string insee)
    {
        await using var db = factory.CreateDbContext();
        return await db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune && b.Municipality!.InseeCode == insee).Select(b => b.Id).SingleAsync();
    }

    /// <summary>Creates a request through the form and returns its id.</summary>
    public static async Task<int> CreateRequestAsync(this HttpClient client, int bodyId, string subject, string documents,
        string? sentOn = null, bool isPublic = false, int? caseId = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["PublicBodyId"] = bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Subject"] = subject,
            ["Documents"] = documents,
            ["Mode"] = "Email",
            ["Channel"] = "Email",
            ["SentOn"] = sentOn ?? "",
            ["Context"] = "Un marché de vidéoprotection annoncé au conseil municipal.",
        };
        if (isPublic)
        {
            fields["IsPublic"] = "true";
        }
        if (caseId is int id)
        {
            fields["CaseId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        using var response = await client.PostFormAsync("/demandes/nouvelle", "/demandes/nouvelle", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"creation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> AddEventAsync(this HttpClient client, int requestId, string type, Dictionary<string, string> fields)
    {
        var page = $"/demandes/{requestId}/evenements/nouveau/{type}";
        return await client.PostFormAsync(page, page, fields);
    }

    public static async Task AddEventOkAsync(this HttpClient client, int requestId, string type, Dictionary<string, string> fields)
    {
        using var response = await client.AddEventAsync(requestId, type, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{type} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> TextAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        var document = await VigieFactory.ParseAsync(response);
        return Normalize(document.Body!.TextContent);
    }

    public static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace('\u00a0', ' ').Replace('\u202f', ' '), @"\s+", " ");

    public static async Task<CadaRequest> LoadAsync(this VigieFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.CadaRequests.Include(r => r.Events).Include(r => r.RequestedDocuments).SingleAsync(r => r.Id == id);
    }

    public static RequestEventKind[] Kinds(this CadaRequest request) =>
        request.Events.Where(e => e.DeletedAt == null).OrderBy(e => e.OccurredOn).Select(e => e.Kind).ToArray();
}
