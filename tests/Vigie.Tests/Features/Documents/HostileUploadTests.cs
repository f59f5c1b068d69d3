using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Documents;

/// <summary>Uploads that try something: too big (announced or chunked), filed under an event they have no business with,
/// with a NUL in a field, or a file name that reads backwards.</summary>
public sealed class HostileUploadTests(DocumentFactory factory) : IClassFixture<DocumentFactory>
{
    private async Task<(HttpClient Client, User Member, Case Draft)> VolunteerWithDraftAsync(string name)
    {
        var volunteer = await factory.CreateAsync($"{name}@example.org", Roles.Volunteer);
        var draft = await factory.CreateDraftCaseAsync(volunteer.Id, name);
        return (await factory.SignedInClientAsync($"{name}@example.org"), volunteer, draft);
    }

    private async Task<int> DocumentCountAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.Documents.CountAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task An_upload_over_the_limit_is_the_French_413_page_whether_its_length_is_announced_or_chunked_and_stores_nothing(bool chunked) =>
        HostileUploads.OverLimitAsync(factory, chunked, email => factory.SignedInClientAsync(email));

    [Fact]
    public async Task An_upload_cannot_be_filed_under_an_unknown_deleted_or_foreign_event()
    {
        var (client, owner, draft) = await VolunteerWithDraftAsync("evenement-etranger");
        var stranger = await factory.CreateAsync("evenement-autrui@example.org", Roles.Volunteer);
        int ownRequest, ownEvent, deletedEvent, foreignRequest, foreignEvent;
        await using (var db = factory.CreateDbContext())
        {
            var body = await db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune).Select(b => b.Id).FirstAsync();
            var reply = new CadaRequestEvent { Kind = RequestEventKind.ReplyReceived, OccurredOn = new DateOnly(2026, 2, 1), AuthorId = owner.Id };
            var deleted = new CadaRequestEvent { Kind = RequestEventKind.ReminderSent, OccurredOn = new DateOnly(2026, 1, 20), AuthorId = owner.Id, DeletedAt = DateTimeOffset.UtcNow };
            var own = new CadaRequest
            {
                Subject = "Demande du bénévole", PublicBodyId = body, RequesterId = owner.Id, CaseId = draft.Id,
                Events = [new CadaRequestEvent { Kind = RequestEventKind.Sent, OccurredOn = new DateOnly(2026, 1, 5), AuthorId = owner.Id }, reply, deleted],
            };
            var secretReply = new CadaRequestEvent { Kind = RequestEventKind.ReplyReceived, OccurredOn = new DateOnly(2026, 2, 1), AuthorId = stranger.Id };
            var foreign = new CadaRequest
            {
                Subject = "Demande privée d'un autre bénévole", PublicBodyId = body, RequesterId = stranger.Id, CaseId = draft.Id,
                Events = [new CadaRequestEvent { Kind = RequestEventKind.Sent, OccurredOn = new DateOnly(2026, 1, 5), AuthorId = stranger.Id }, secretReply],
            };
            db.CadaRequests.AddRange(own, foreign);
            await db.SaveChangesAsync();
            (ownRequest, ownEvent, deletedEvent, foreignRequest, foreignEvent) = (own.Id, reply.Id, deleted.Id, foreign.Id, secretReply.Id);
        }
        var before = await DocumentCountAsync();
        var refused = new[]
        {
            $"?dossier={draft.Id}&evenement=999999",
            $"?dossier={draft.Id}&demande={ownRequest}&evenement=999999",
            $"?dossier={draft.Id}&evenement={ownEvent}",
            $"?dossier={draft.Id}&demande={ownRequest}&evenement={deletedEvent}",
            $"?dossier={draft.Id}&demande={ownRequest}&evenement={foreignEvent}",
            $"?dossier={draft.Id}&demande={foreignRequest}&evenement={foreignEvent}",
            $"?dossier={draft.Id}&demande={foreignRequest}",
        };
        foreach (var query in refused)
        {
            using var shown = await client.GetAsync(new Uri("/documents/ajouter" + query, UriKind.Relative));
            Assert.True(shown.StatusCode == HttpStatusCode.NotFound, $"GET {query} answered {(int)shown.StatusCode}");
            Assert.Equal("Page introuvable", (await VigieFactory.ParseAsync(shown)).QuerySelector("h1")?.TextContent);

            using var form = await HostileUploads.FormAsync(client, $"/documents/ajouter?dossier={draft.Id}", "reponse.pdf", TestFiles.Pdf("Réponse"), "Réponse");
            using var posted = await client.PostAsync(new Uri("/documents/ajouter" + query, UriKind.Relative), form);
            Assert.True(posted.StatusCode == HttpStatusCode.NotFound, $"POST {query} answered {(int)posted.StatusCode}");
            Assert.Equal("Page introuvable", (await VigieFactory.ParseAsync(posted)).QuerySelector("h1")?.TextContent);
            Assert.DoesNotContain("Demande privée", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await DocumentCountAsync());

        var accepted = $"?dossier={draft.Id}&demande={ownRequest}&evenement={ownEvent}";
        using (var form = await HostileUploads.FormAsync(client, "/documents/ajouter" + accepted, "reponse.pdf", TestFiles.Pdf("Réponse"), "Réponse de la mairie"))
        using (var posted = await client.PostAsync(new Uri("/documents/ajouter" + accepted, UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        await using (var db = factory.CreateDbContext())
        {
            var document = await db.Documents.SingleAsync(d => d.Title == "Réponse de la mairie");
            Assert.Equal(ownEvent, document.RequestEventId);
            Assert.Equal(ownRequest, document.CadaRequestId);
        }
    }

    [Fact]
    public async Task A_nul_in_a_field_is_a_French_error_next_to_it_and_the_rest_of_the_form_is_kept()
    {
        var (client, _, draft) = await VolunteerWithDraftAsync("depot-nul");
        var before = await DocumentCountAsync();
        using var form = await HostileUploads.FormAsync(client, $"/documents/ajouter?dossier={draft.Id}", "courrier.pdf", TestFiles.Pdf("Courrier"), "Courrier\0 de la mairie",
            extra: new() { ["description_0"] = "Reçu par la poste." });
        using var response = await client.PostAsync(new Uri($"/documents/ajouter?dossier={draft.Id}", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Contains("caractère invalide", page.QuerySelector("#titre_0-erreur")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Courrier de la mairie", page.QuerySelector("#titre_0")!.GetAttribute("value"));
        Assert.Contains("Reçu par la poste.", page.QuerySelector("textarea[name='description_0']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='conserve_0']"));
        Assert.Equal(before, await DocumentCountAsync());
    }

    [Fact]
    public async Task Bidi_and_control_characters_are_stripped_from_file_names_and_titles_are_isolated()
    {
        var (client, _, draft) = await VolunteerWithDraftAsync("depot-bidi");
        using var form = await HostileUploads.FormAsync(client, $"/documents/ajouter?dossier={draft.Id}", "passwd\u202Efdp.exe\u2066\u200F.txt",
            "Mot de passe\n"u8.ToArray(), "Relevé \u202Eexe.fdp", "text/plain");
        using var upload = await client.PostAsync(new Uri($"/documents/ajouter?dossier={draft.Id}", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var location = upload.Headers.Location!.OriginalString;

        using var download = await client.GetAsync(new Uri(location + "/telecharger", UriKind.Relative));
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("passwdfdp.exe.txt", disposition.FileNameStar);
        var header = string.Join(" ", download.Content.Headers.GetValues("Content-Disposition"));
        Assert.DoesNotContain("%E2%80%AE", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u202E', header);
        await using (var db = factory.CreateDbContext())
        {
            var stored = await db.Documents.Where(d => d.CaseId == draft.Id).Select(d => d.FileName).SingleAsync();
            Assert.Equal("passwdfdp.exe.txt", stored);
        }

        // The title keeps what was typed, but cannot reorder the text around it.
        var page = await VigieFactory.ParseAsync(await client.GetAsync(new Uri(location, UriKind.Relative)));
        Assert.Equal("Relevé \u202Eexe.fdp", page.QuerySelector("h1 bdi")?.TextContent);
        var list = await VigieFactory.ParseAsync(await client.GetAsync(new Uri($"/documents?dossier={draft.Id}", UriKind.Relative)));
        Assert.Contains(list.QuerySelectorAll("bdi"), b => b.TextContent == "Relevé \u202Eexe.fdp");
    }
}

/// <summary>The size limit as Kestrel enforces it (TestServer has no body size limit of its own).</summary>
public sealed class UploadLimitOverKestrelTests(KestrelDocumentFactory factory) : IClassFixture<KestrelDocumentFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task An_upload_over_the_limit_is_the_French_413_page_and_stores_nothing(bool chunked) =>
        HostileUploads.OverLimitAsync(factory, chunked, SignInAsync);

    /// <summary>A plain HTTP client with its own cookies, signed in through the login form.</summary>
    private async Task<HttpClient> SignInAsync(string email)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = factory.BaseAddress };
        using var response = await client.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = email, ["Password"] = TeamMembers.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>What the hostile upload tests share: the form as a browser sends it, and the over-limit scenario.</summary>
public static class HostileUploads
{
    /// <summary>The upload form as a browser sends it, the token taken from <paramref name="formPage"/>.</summary>
    public static async Task<MultipartFormDataContent> FormAsync(HttpClient client, string formPage, string fileName, byte[] content, string title,
        string contentType = "application/pdf", Dictionary<string, string>? extra = null)
    {
        var token = await TeamMembers.AntiforgeryTokenAsync(client, formPage);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__jeton" },
            { new StringContent("1"), "lignes" },
            { new StringContent(title), "titre_0" },
        };
        foreach (var (name, value) in extra ?? [])
        {
            form.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"fichier_0\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
        form.Add(file);
        return form;
    }

    /// <summary>
    /// An announced length over the limit is refused before the body is read; a chunked body as soon as the file crosses
    /// the limit. Either way the French page, whose re-executed POST has no valid antiforgery token nor form, and nothing kept.
    /// </summary>
    public static async Task OverLimitAsync(DocumentFactory factory, bool chunked, Func<string, Task<HttpClient>> signIn)
    {
        var name = (chunked ? "limite-morcelee-" : "limite-annoncee-") + factory.GetType().Name.ToLowerInvariant();
        var volunteer = await factory.CreateAsync($"{name}@example.org", Roles.Volunteer);
        var draft = await factory.CreateDraftCaseAsync(volunteer.Id, name);
        using var client = await signIn($"{name}@example.org");
        int before;
        await using (var db = factory.CreateDbContext())
        {
            before = await db.Documents.CountAsync();
        }
        string[] StoredFiles() => Directory.GetFiles(factory.StoreDirectory, "*", SearchOption.AllDirectories).Order().ToArray();
        var files = StoredFiles();
        var huge = TestFiles.Pdf(new string('x', (int)DocumentFactory.MaxUploadBytes * 6));
        using var form = await FormAsync(client, $"/documents/ajouter?dossier={draft.Id}", "gros.pdf", huge, "Trop gros");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/documents/ajouter?dossier={draft.Id}", UriKind.Relative));
        if (chunked)
        {
            request.Content = new UnknownLengthContent(form);
            request.Headers.TransferEncodingChunked = true;
        }
        else
        {
            Assert.True(form.Headers.ContentLength > DocumentFactory.MaxUploadBytes * 5);
            request.Content = form;
        }

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal("Fichier trop volumineux", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Rien n'a été enregistré", page.QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(before, await db.Documents.CountAsync());
        }
        Assert.Equal(files, StoredFiles());
        Assert.Empty(Directory.Exists(factory.TemporaryDirectory) ? Directory.GetFiles(factory.TemporaryDirectory) : []);
    }

    /// <summary>The same body without a length, so that it goes chunked.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly HttpContent _inner;

        public UnknownLengthContent(HttpContent inner)
        {
            _inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
