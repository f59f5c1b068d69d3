using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Security;

/// <summary>Defects the outside review found, one test each; every one of them failed before the visibility model.</summary>
public sealed class PrivacyDefectTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private const string DraftTitle = "Brouillon-secret-de-Camille";
    private const string DocumentTitle = "Courrier-prive-de-Dominique";
    private const string Subject = "Objet-prive-de-Dominique";

    private sealed record Scene(int CaseId, int RequestId, int DocumentId);

    private static int _scenes;

    /// <summary>Camille created a draft case; Dominique has a private request on it, with a private document.</summary>
    private async Task<(Scene Scene, HttpClient Creator, HttpClient Requester)> SceneAsync()
    {
        var n = Interlocked.Increment(ref _scenes);
        var creator = await factory.CreateAsync($"camille-{n}@example.org", Roles.Volunteer);
        var requester = await factory.CreateAsync($"dominique-{n}@example.org", Roles.Volunteer);
        await using var db = factory.CreateDbContext();
        var commune = await db.Municipalities.SingleAsync(m => m.InseeCode == "69123");
        var body = await db.PublicBodies.SingleAsync(b => b.Kind == PublicBodyKind.Commune && b.MunicipalityId == commune.Id);
        var draft = new Case { Slug = $"brouillon-defaut-{n}", Title = $"{DraftTitle} {n}", MunicipalityId = commune.Id, Status = CaseStatus.Draft, CreatedById = creator.Id };
        db.Cases.Add(draft);
        await db.SaveChangesAsync();
        var request = new CadaRequest { Subject = Subject, PublicBodyId = body.Id, CaseId = draft.Id, RequesterId = requester.Id, IsPublic = false };
        db.CadaRequests.Add(request);
        await db.SaveChangesAsync();
        var file = await db.Documents.Where(d => d.FileId != null).Select(d => d.FileId).FirstAsync();
        var document = new Document
        {
            Title = DocumentTitle, Kind = DocumentKind.Courrier, CaseId = draft.Id, CadaRequestId = request.Id, FileId = file, FileName = "courrier.pdf",
            UploadedById = requester.Id, UploadedAt = DateTimeOffset.UtcNow, IsPublic = true,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return (new Scene(draft.Id, request.Id, document.Id), await factory.SignedInClientAsync(creator.Email!), await factory.SignedInClientAsync(requester.Email!));
    }

    [Fact]
    public async Task A_case_creator_does_not_read_another_volunteers_private_documents_on_their_case()
    {
        var (scene, creator, requester) = await SceneAsync();
        foreach (var path in new[] { $"/documents/{scene.DocumentId}", $"/documents/{scene.DocumentId}/telecharger", $"/documents/{scene.DocumentId}/fichier" })
        {
            using var response = await creator.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var own = await requester.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        var list = await creator.GetStringAsync(new Uri($"/documents?dossier={scene.CaseId}", UriKind.Relative));
        Assert.DoesNotContain(DocumentTitle, list);
        Assert.Contains($"/documents/{scene.DocumentId}\"", await requester.GetStringAsync(new Uri("/documents", UriKind.Relative)));
    }

    [Fact]
    public async Task The_new_request_form_does_not_show_the_title_of_a_case_the_member_may_not_see()
    {
        var (scene, _, requester) = await SceneAsync();
        var outsider = await factory.CreateAsync($"curieux-{scene.CaseId}@example.org", Roles.Volunteer);
        using var client = await factory.SignedInClientAsync(outsider.Email!);
        var page = await client.GetStringAsync(new Uri($"/demandes/nouvelle?dossier={scene.CaseId}", UriKind.Relative));
        Assert.DoesNotContain(DraftTitle, page);
        // The request's own requester keeps the case in their form even though they did not create it.
        Assert.Contains(DraftTitle, await requester.GetStringAsync(new Uri($"/demandes/{scene.RequestId}/modifier", UriKind.Relative)));
    }

    [Fact]
    public async Task A_member_cannot_attach_a_document_to_a_request_they_may_not_see()
    {
        var (scene, creator, _) = await SceneAsync();
        using var response = await creator.GetAsync(new Uri($"/documents/ajouter?demande={scene.RequestId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Subject, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_upload_form_says_that_a_public_document_of_a_private_request_stays_private()
    {
        var (scene, _, requester) = await SceneAsync();
        var page = await requester.GetStringAsync(new Uri($"/documents/ajouter?demande={scene.RequestId}", UriKind.Relative));
        Assert.Contains("La demande est privée", page);
    }
}
