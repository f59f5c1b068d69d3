using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Storage;

namespace Vigie.Tests.Features.Documents;

public sealed class UploadTests(DocumentFactory factory) : IClassFixture<DocumentFactory>
{
    private async Task<(HttpClient Client, Case Draft)> VolunteerWithDraftAsync(string name)
    {
        var volunteer = await factory.CreateAsync($"{name}@example.org", Roles.Volunteer);
        var draft = await factory.CreateDraftCaseAsync(volunteer.Id, name);
        return (await factory.SignedInClientAsync($"{name}@example.org"), draft);
    }

    private async Task<int> DocumentCountAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.Documents.CountAsync();
    }

    [Fact]
    public async Task An_upload_is_stored_once_by_hash_and_its_text_is_found_with_or_without_accents()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-hash");
        var pdf = TestFiles.Pdf("Réponse de la mairie", "Le système de vidéoprotection comprend 42 caméras zorglubiennes.");
        using (var first = await client.UploadAsync(draft.Id, new UploadFile("réponse mairie.pdf", pdf, "Réponse de la mairie")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        using (var second = await client.UploadAsync(draft.Id, new UploadFile("copie.pdf", pdf, "La même réponse, envoyée deux fois")))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        await using (var db = factory.CreateDbContext())
        {
            var documents = await db.Documents.Include(d => d.File).Where(d => d.CaseId == draft.Id).ToListAsync();
            Assert.Equal(2, documents.Count);
            Assert.Single(documents.Select(d => d.FileId).Distinct());
            var hash = ContentHash.Of(pdf);
            Assert.Equal(hash.Value, documents[0].File!.Sha256);
            Assert.Single(await factory.StoredHashesAsync(), h => h == hash.Value);
            Assert.Equal("réponse mairie.pdf", documents.Single(d => d.Title == "Réponse de la mairie").FileName);
        }

        await factory.WaitForProcessingAsync();
        foreach (var query in new[] { "vidéoprotection zorglubiennes", "videoprotection zorglubienne", "VIDÉOPROTECTION ZORGLUBIENNE", "\"caméras zorglubiennes\"", "cameras zorglubiennes" })
        {
            var page = await VigieFactory.ParseAsync(await client.GetAsync(new Uri($"/documents?q={Uri.EscapeDataString(query)}", UriKind.Relative)));
            var results = page.QuerySelectorAll(".search-results > li");
            Assert.True(results.Length == 2, $"« {query} » found {results.Length} documents");
            var mark = page.QuerySelector(".snippet mark");
            Assert.NotNull(mark);
            Assert.Contains(mark!.TextContent, "vidéoprotection zorglubiennes caméras", StringComparison.Ordinal);
            Assert.Contains("zorglubiennes</mark>", page.QuerySelector(".snippet")!.InnerHtml, StringComparison.Ordinal);
        }
        // Private: the documents are the volunteer's, nobody else's search finds them.
        var anonymous = await factory.GetDocumentAsync("/documents?q=zorglubienne");
        Assert.Empty(anonymous.QuerySelectorAll(".search-results > li"));
    }

    [Fact]
    public async Task A_document_page_shows_provenance_text_and_thumbnails_once_processed()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-page");
        await using (var db = factory.CreateDbContext())
        {
            var lyon = await db.PublicBodies.SingleAsync(b => b.Kind == PublicBodyKind.Commune && b.Municipality!.InseeCode == "69123");
            db.CadaRequests.Add(new CadaRequest
            {
                CaseId = draft.Id, PublicBody = lyon, Subject = "Contrat de vidéosurveillance", SentOn = new DateOnly(2024, 3, 4), IsPublic = true,
                RequesterId = draft.CreatedById,
                RequestedDocuments = [new RequestedDocument { Title = "Contrat", Position = 1 }],
            });
            await db.SaveChangesAsync();
        }
        int requestId;
        await using (var db = factory.CreateDbContext())
        {
            requestId = await db.CadaRequests.Where(r => r.CaseId == draft.Id).Select(r => r.Id).SingleAsync();
        }
        using var response = await client.UploadAsync($"?dossier={draft.Id}&demande={requestId}",
            [new UploadFile("reponse.pdf", TestFiles.Pdf("Page un : caméras", "Page deux : lecture de plaques"), "Réponse de Lyon", Kind: DocumentKind.Courrier)],
            new() { ["recu_le"] = "2024-04-02" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;

        var pending = await VigieFactory.ParseAsync(await client.GetAsync(new Uri(location, UriKind.Relative)));
        var processing = pending.QuerySelector(".processing")?.TextContent;
        await factory.WaitForProcessingAsync();
        var page = await VigieFactory.ParseAsync(await client.GetAsync(new Uri(location, UriKind.Relative)));

        Assert.True(processing is null || processing.Contains("En cours de traitement", StringComparison.Ordinal));
        var provenance = page.QuerySelector(".provenance")!.TextContent;
        Assert.Contains("Obtenu le 2 avril 2024", provenance, StringComparison.Ordinal);
        Assert.Contains("en réponse à la demande « Contrat de vidéosurveillance » auprès de Commune de Lyon", provenance.Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll(".page-text").Length);
        Assert.Contains("lecture de plaques", page.QuerySelector("#page-2")!.TextContent, StringComparison.Ordinal);
        var thumbnail = page.QuerySelector(".thumbnails img")!.GetAttribute("src")!;
        using var png = await client.GetAsync(new Uri(thumbnail, UriKind.Relative));
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(0x89, bytes[0]);
    }

    [Fact]
    public async Task A_file_is_served_with_its_type_a_safe_name_nosniff_and_a_sandbox()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-entetes");
        using var upload = await client.UploadAsync(draft.Id, new UploadFile("../../etc/Délibération \"n°3\".pdf", TestFiles.Pdf("Délibération"), "Délibération") { RawFileNameStar = true });
        var location = upload.Headers.Location!.OriginalString;

        using var inline = await client.GetAsync(new Uri(location + "/fichier", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", Assert.Single(inline.Headers.GetValues("X-Content-Type-Options")));
        // Inline PDFs go to the browser's viewer, which a sandbox would block; downloads and other formats are sandboxed.
        Assert.Equal("frame-ancestors 'self'", Assert.Single(inline.Headers.GetValues("Content-Security-Policy")));

        using var download = await client.GetAsync(new Uri(location + "/telecharger", UriKind.Relative));
        Assert.StartsWith("sandbox; default-src 'none'", Assert.Single(download.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Délibération _n°3_.pdf", disposition.FileNameStar);
        Assert.DoesNotContain("/", disposition.FileName ?? "", StringComparison.Ordinal);
        Assert.Equal(TestFiles.Pdf("Délibération"), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_text_file_is_shown_as_plain_text_in_a_sandbox_and_its_text_is_indexed()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-texte");
        var text = "<b>pas du HTML</b> : compte rendu de la commission, caméras piétonnes"u8.ToArray();
        using var upload = await client.UploadAsync(draft.Id, new UploadFile("compte-rendu.txt", [.. "Compte rendu\n"u8, .. text], "Compte rendu", "text/plain"));
        var location = upload.Headers.Location!.OriginalString;
        using var inline = await client.GetAsync(new Uri(location + "/fichier", UriKind.Relative));
        Assert.Equal("text/plain", inline.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("sandbox;", Assert.Single(inline.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        await factory.WaitForProcessingAsync();
        var page = await VigieFactory.ParseAsync(await client.GetAsync(new Uri("/documents?q=pietonnes", UriKind.Relative)));
        Assert.Single(page.QuerySelectorAll(".search-results > li"));
        Assert.Null(page.QuerySelector(".snippet b"));
    }

    [Theory]
    [InlineData("executable")]
    [InlineData("html")]
    public async Task A_renamed_executable_or_html_file_claimed_as_pdf_is_refused(string impostor)
    {
        var (client, draft) = await VolunteerWithDraftAsync($"depot-{impostor}");
        var before = await DocumentCountAsync();
        var bytes = impostor == "html" ? TestFiles.Html() : TestFiles.Executable();
        using var response = await client.UploadAsync(draft.Id, new UploadFile("contrat.pdf", bytes, "Contrat"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        var error = page.QuerySelector("#fichier_0-erreur")!.TextContent;
        Assert.Contains("« contrat.pdf » se présente comme un PDF", error, StringComparison.Ordinal);
        Assert.Equal("Contrat", page.QuerySelector("#titre_0")!.GetAttribute("value"));
        Assert.Equal(before, await DocumentCountAsync());
        Assert.DoesNotContain(ContentHash.Of(bytes).Value, await factory.StoredHashesAsync());
    }

    [Fact]
    public async Task An_oversize_upload_is_a_413_and_stores_nothing()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-trop-gros");
        var before = await DocumentCountAsync();
        var blobs = await factory.StoredHashesAsync();
        var huge = TestFiles.Pdf(new string('x', (int)DocumentFactory.MaxUploadBytes + 10_000));
        using var response = await client.UploadAsync(draft.Id, new UploadFile("gros.pdf", huge, "Trop gros"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Contains("Rien n'a été enregistré", page.QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DocumentCountAsync());
        Assert.Equal(blobs, await factory.StoredHashesAsync());
        Assert.Empty(Directory.Exists(factory.TemporaryDirectory) ? Directory.GetFiles(factory.TemporaryDirectory) : []);
    }

    [Fact]
    public async Task Several_files_are_stored_all_or_none_and_kept_files_need_not_be_sent_again()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-groupe");
        var before = await DocumentCountAsync();
        var good = TestFiles.Pdf("Annexe financière, bordereau des prix");
        using var refused = await client.UploadAsync(draft.Id,
            new UploadFile("annexe.pdf", good, "Annexe"), new UploadFile("page.pdf", TestFiles.Html(), "Page piégée"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(before, await DocumentCountAsync());

        // The good file was kept: the form offers it again, and a second submission needs only the fixed line.
        var form = await VigieFactory.ParseAsync(refused);
        var held = form.QuerySelector("input[name='conserve_0']")!.GetAttribute("value")!;
        Assert.Contains("annexe.pdf", form.QuerySelector(".upload-row")!.TextContent, StringComparison.Ordinal);
        using var accepted = await client.UploadAsync($"?dossier={draft.Id}",
            [new UploadFile("", [], "", "application/octet-stream"), new UploadFile("photo.png", TestFiles.Png(), "Photo du mât", "image/png")],
            new() { ["conserve_0"] = held, ["titre_0"] = "Annexe" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var db = factory.CreateDbContext();
        var titles = await db.Documents.Where(d => d.CaseId == draft.Id).OrderBy(d => d.Title).Select(d => d.Title).ToListAsync();
        Assert.Equal(["Annexe", "Photo du mât"], titles);
        Assert.Empty(await db.UploadHolds.Where(h => h.UserId == draft.CreatedById).ToListAsync());
    }

    [Fact]
    public async Task A_crash_between_writing_the_file_and_committing_leaves_no_document_and_the_cleanup_removes_the_orphan()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-panne");
        var before = await DocumentCountAsync();
        var pdf = TestFiles.Pdf("Document jamais enregistré");
        var hash = ContentHash.Of(pdf).Value;
        factory.Crash.Armed = true;
        try
        {
            using var response = await client.UploadAsync(draft.Id, new UploadFile("panne.pdf", pdf, "Panne"));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
        finally
        {
            factory.Crash.Armed = false;
        }
        Assert.Equal(before, await DocumentCountAsync());
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.StoredFiles.AnyAsync(f => f.Sha256 == hash));
        }
        Assert.Contains(hash, await factory.StoredHashesAsync());

        await using var scope = factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<StoreCleanup>().RunAsync(default);
        Assert.True(report.Orphans >= 1);
        Assert.DoesNotContain(hash, await factory.StoredHashesAsync());
        // Files that rows reference stay.
        await using (var db = factory.CreateDbContext())
        {
            var referenced = await db.StoredFiles.Select(f => f.Sha256).ToListAsync();
            Assert.All(referenced, h => Assert.Contains(h, factory.StoredHashesAsync().Result));
        }
    }

    [Fact]
    public async Task A_corrupt_pdf_is_marked_failed_with_its_reason_and_the_queue_goes_on()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-corrompu");
        using var response = await client.UploadAsync(draft.Id,
            new UploadFile("abime.pdf", TestFiles.CorruptPdf(), "PDF abîmé"),
            new UploadFile("sain.pdf", TestFiles.Pdf("Après le fichier abîmé, celui-ci est traité"), "PDF sain"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await factory.WaitForProcessingAsync();
        await using var db = factory.CreateDbContext();
        var files = await db.Documents.Where(d => d.CaseId == draft.Id).Select(d => new { d.Id, d.Title, d.File!.Status, d.File.ProcessingError, d.File.PageCount }).ToListAsync();
        var corrupt = files.Single(f => f.Title == "PDF abîmé");
        Assert.Equal(ProcessingStatus.Failed, corrupt.Status);
        Assert.Contains("endommagé", corrupt.ProcessingError, StringComparison.Ordinal);
        var sound = files.Single(f => f.Title == "PDF sain");
        Assert.Equal(ProcessingStatus.Done, sound.Status);
        Assert.Equal(1, sound.PageCount);
        Assert.Empty(await db.ProcessingJobs.ToListAsync());

        var page = await VigieFactory.ParseAsync(await client.GetAsync(new Uri($"/documents/{corrupt.Id}", UriKind.Relative)));
        Assert.Contains("Le traitement a échoué", page.QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_messages_are_in_french_next_to_their_fields_and_nothing_typed_is_lost()
    {
        var (client, draft) = await VolunteerWithDraftAsync("depot-validation");
        using var response = await client.UploadAsync($"?dossier={draft.Id}",
            [new UploadFile("note.txt", "Compte rendu de la commission"u8.ToArray(), "", "text/plain")],
            new() { ["date_0"] = "31/02/2024", ["description_0"] = "Ma description", ["recu_le"] = "2099-01-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal("Indiquez un titre.", page.QuerySelector("#titre_0-erreur")!.TextContent);
        Assert.Contains("Date invalide", page.QuerySelector("#date_0-erreur")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("futur", page.QuerySelector("#recu_le-erreur")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ma description", page.QuerySelector("#description_0")!.TextContent);
        Assert.Equal("31/02/2024", page.QuerySelector("#date_0")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='conserve_0']"));
    }

    [Fact]
    public async Task A_volunteer_cannot_upload_to_someone_elses_case()
    {
        var (_, draft) = await VolunteerWithDraftAsync("depot-proprietaire");
        var (other, _) = await VolunteerWithDraftAsync("depot-intrus");
        using var form = await other.GetAsync(new Uri($"/documents/ajouter?dossier={draft.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
    }
}
