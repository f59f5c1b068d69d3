using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Features.Documents;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Resilience;

/// <summary>
/// The app as a real process, killed with SIGKILL while uploads and edits are in flight, then started again:
/// no half-written document, the background queue resumes, every acknowledged write is there.
/// </summary>
public sealed class CrashTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    /// <summary>Starts Vigie.Web.dll on the factory's database and data folder; returns once Kestrel listens.</summary>
    private Task<AppProcess> StartAsync() => AppProcess.StartSiteAsync(new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["ConnectionStrings__Vigie"] = factory.ConnectionString,
        ["Vigie__DataDirectory"] = factory.DataDirectory,
        ["Vigie__MigrateOnStartup"] = "false",
        ["Vigie__SeedOnStartup"] = "false",
        ["Vigie__Accounts__AuthRequestsPerMinute"] = "10000",
        ["Logging__LogLevel__Default"] = "Warning",
        // A short processing time limit, hence a short lease: the job the killed process held is taken up again soon.
        ["Vigie__Documents__ProcessingTimeout"] = "00:00:10",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    });

    private static async Task<HttpClient> SignInAsync(Uri url, string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = url };
        using var response = await client.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = email, ["Password"] = TeamMembers.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A body that sends half of a file, then stalls until the server dies.</summary>
    private sealed class StallingStream(byte[] content, TaskCompletionSource halfSent) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => content.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= content.Length / 2)
            {
                halfSent.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            var count = Math.Min(buffer.Length, (content.Length / 2) - _position);
            content.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task After_a_sigkill_mid_upload_and_edits_nothing_half_written_shows_and_every_acknowledged_write_is_there()
    {
        var editor = await factory.CreateAsync("crash-editeur@example.org", Roles.Editor, "Éditeur du crash");
        var draft = await factory.CreateDraftCaseAsync(editor.Id, "dossier-du-crash");
        int documentsBefore;
        await using (var db = factory.CreateDbContext())
        {
            documentsBefore = await db.Documents.CountAsync();
        }

        using (var app = await StartAsync())
        {
            using var client = await SignInAsync(app.Url, "crash-editeur@example.org");
            // An acknowledged upload whose processing (200 pages) is likely still running when the process dies.
            var pages = Enumerable.Range(1, 200).Select(i => $"Page {i} du marché de vidéoprotection.").ToArray();
            using (var uploaded = await client.UploadAsync(draft.Id, new UploadFile("marche.pdf", TestFiles.Pdf(pages), "Marché complet")))
            {
                Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
            }

            // Edits acknowledged one after the other, and more in flight when the process dies.
            var acknowledged = 0;
            var edits = Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    using var response = await client.PostFormAsync("/equipe/invitations", "/equipe/invitations", new() { ["Role"] = Roles.Volunteer, ["Email"] = $"invite-{i}@example.org" });
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        Interlocked.Increment(ref acknowledged);
                    }
                }
            });

            // An upload stalled half-way.
            var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var token = await TeamMembers.AntiforgeryTokenAsync(client, $"/documents/ajouter?dossier={draft.Id}");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__jeton" },
                { new StringContent("1"), "lignes" },
                { new StringContent("Envoi interrompu"), "titre_0" },
                { new StringContent(nameof(DocumentKind.Autre)), "nature_0" },
            };
            var big = TestFiles.Pdf(Enumerable.Range(1, 400).Select(i => $"Page {i}, jamais reçue en entier.").ToArray());
            var file = new StreamContent(new StallingStream(big, halfSent));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"fichier_0\"; filename=\"interrompu.pdf\"");
            form.Add(file);
            using var stall = new CancellationTokenSource();
            var stalled = client.PostAsync(new Uri($"/documents/ajouter?dossier={draft.Id}", UriKind.Relative), form, stall.Token);
            await halfSent.Task.WaitAsync(TimeSpan.FromMinutes(1));
            while (Volatile.Read(ref acknowledged) < 3)
            {
                await Task.Yield();
            }

            app.Kill();
            var seen = Volatile.Read(ref acknowledged);
            await Assert.ThrowsAnyAsync<Exception>(() => edits);
            stall.Cancel();
            await Assert.ThrowsAnyAsync<Exception>(() => stalled);

            await using var db = factory.CreateDbContext();
            Assert.True(await db.Invitations.CountAsync(i => i.Email!.StartsWith("invite-")) >= seen, "an acknowledged invitation was lost");
        }

        using (var app = await StartAsync())
        {
            await using var db = factory.CreateDbContext();
            Assert.Equal(documentsBefore + 1, await db.Documents.CountAsync());
            Assert.False(await db.Documents.AnyAsync(d => d.Title == "Envoi interrompu"));
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await db.StoredFiles.AnyAsync(f => f.Status == ProcessingStatus.Pending))
            {
                Assert.True(DateTime.UtcNow < deadline, "the processing queue did not resume within 90 s");
                await Task.Delay(200);
            }
            var complete = await db.Documents.Include(d => d.File).SingleAsync(d => d.Title == "Marché complet");
            Assert.Equal(ProcessingStatus.Done, complete.File!.Status);
            Assert.Equal(200, complete.File.PageCount);
            using var anonymous = new HttpClient { BaseAddress = app.Url };
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        }
    }
}
