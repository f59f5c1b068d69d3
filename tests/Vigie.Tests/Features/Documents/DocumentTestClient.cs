using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Documents;

/// <summary>One file of an upload, with the metadata of its line of the form.</summary>
public sealed record UploadFile(string FileName, byte[] Content, string Title, string ContentType = "application/pdf",
    DocumentKind Kind = DocumentKind.Autre, bool IsPublic = false)
{
    /// <summary>Send the name as RFC 5987 filename* only (any character, quotes and slashes included).</summary>
    public bool RawFileNameStar { get; init; }
}

public static class DocumentTestClient
{
    /// <summary>A draft case created by the given member (cases they may attach documents to).</summary>
    public static async Task<Case> CreateDraftCaseAsync(this VigieFactory factory, int ownerId, string slug)
    {
        await using var db = factory.CreateDbContext();
        var commune = await db.Municipalities.SingleAsync(m => m.InseeCode == "69123");
        var draft = new Case { Slug = slug, Title = $"Dossier {slug}", MunicipalityId = commune.Id, Status = CaseStatus.Draft, CreatedById = ownerId, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Cases.Add(draft);
        await db.SaveChangesAsync();
        return draft;
    }

    /// <summary>Posts the upload form as a browser would: the antiforgery token first, then each line's fields and file.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, int caseId, params UploadFile[] files) =>
        await client.UploadAsync($"?dossier={caseId}", files, []);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string query, UploadFile[] files, Dictionary<string, string> extra)
    {
        var token = await TeamMembers.AntiforgeryTokenAsync(client, "/documents/ajouter" + query);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__jeton");
        content.Add(new StringContent(Math.Max(files.Length, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), "lignes");
        for (var i = 0; i < files.Length; i++)
        {
            var f = files[i];
            content.Add(new StringContent(f.Title), $"titre_{i}");
            content.Add(new StringContent(f.Kind.ToString()), $"nature_{i}");
            if (f.IsPublic)
            {
                content.Add(new StringContent("true"), $"public_{i}");
            }
            var file = new ByteArrayContent(f.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            var name = f.RawFileNameStar || !System.Text.Ascii.IsValid(f.FileName) ? $"filename*=UTF-8''{Uri.EscapeDataString(f.FileName)}" : $"filename=\"{f.FileName}\"";
            file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"fichier_{i}\"; {name}");
            content.Add(file);
        }
        foreach (var (name, value) in extra)
        {
            content.Add(new StringContent(value), name);
        }
        return await client.PostAsync(new Uri("/documents/ajouter" + query, UriKind.Relative), content);
    }

    /// <summary>Waits until the background worker has processed every file (or fails after 30 s).</summary>
    public static async Task WaitForProcessingAsync(this VigieFactory factory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = factory.CreateDbContext();
            if (!await db.StoredFiles.AnyAsync(f => f.Status == ProcessingStatus.Pending))
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the processing queue did not finish within 30 s");
            await Task.Delay(100);
        }
    }
}
