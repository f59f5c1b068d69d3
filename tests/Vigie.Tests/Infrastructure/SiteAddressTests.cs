using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Exports;

namespace Vigie.Tests.Infrastructure;

/// <summary>
/// Links that leave the page (invitations, emails, the case file PDF, exports) point to the site as it was reached
/// when <c>Vigie:PublicUrl</c> is not set, and to <c>Vigie:PublicUrl</c> when it is; Production requires the setting.
/// </summary>
public sealed class SiteAddressTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private const string Site = "http://vigie.test:8080";

    private HttpClient ClientAt(string address, WebApplicationFactory<Program>? app = null) => (app ?? factory).CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(address),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private async Task<HttpClient> EditorAtAsync(string address, string email, WebApplicationFactory<Program>? app = null)
    {
        var client = ClientAt(address, app);
        using var signedIn = await client.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = email, ["Password"] = TeamMembers.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private static async Task<string> InvitationLinkAsync(HttpClient editor)
    {
        using var created = await editor.PostFormAsync("/equipe/invitations", "/equipe/invitations", new() { ["Role"] = Roles.Volunteer });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await VigieFactory.ParseAsync(await editor.GetAsync(new Uri("/equipe/invitations", UriKind.Relative)));
        return list.QuerySelector("#invitation-link")!.GetAttribute("value")!;
    }

    private static async Task<IReadOnlyList<string>> PdfLinksAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/dossiers/elancourt.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return pdf.GetPages().SelectMany(p => p.GetHyperlinks()).Select(l => l.Uri).OfType<string>().ToList();
    }

    [Fact]
    public async Task An_invitation_made_through_an_address_links_to_that_address_and_so_does_its_confirmation_mail()
    {
        await factory.CreateAsync("lien-editeur@example.org", Roles.Editor);
        using var editor = await EditorAtAsync(Site, "lien-editeur@example.org");
        var link = await InvitationLinkAsync(editor);
        Assert.StartsWith($"{Site}/invitation/", link, StringComparison.Ordinal);

        using var newcomer = ClientAt(Site);
        var path = new Uri(link).AbsolutePath;
        using var asked = await newcomer.PostFormAsync(path, path, new()
        {
            ["Email"] = "lien-invitee@example.org",
            ["DisplayName"] = "Invitée",
            ["NewPassword"] = "une-phrase-de-passe-2024",
            ["ConfirmPassword"] = "une-phrase-de-passe-2024",
        });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"{Site}/invitation/", factory.MailsTo("lien-invitee@example.org").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_file_links_to_the_address_it_was_asked_from()
    {
        using var first = ClientAt(Site);
        Assert.Contains($"{Site}/dossiers/elancourt", await PdfLinksAsync(first));
        // The same case file asked through another address is not the cached one.
        using var other = ClientAt("https://autre.example.org");
        var links = await PdfLinksAsync(other);
        Assert.Contains("https://autre.example.org/dossiers/elancourt", links);
        Assert.DoesNotContain(links, l => l.StartsWith(Site, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_export_points_to_the_address_of_the_request_that_queued_it()
    {
        using var client = ClientAt(Site);
        using var created = await client.PostFormAsync("/export", "/export", []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        await factory.Services.GetRequiredService<ExportSignal>().WhenFinished(id).WaitAsync(TimeSpan.FromMinutes(2));

        using var archive = await client.GetAsync(new Uri($"/export/{id}/archive", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await archive.Content.ReadAsByteArrayAsync()));
        using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open());
        Assert.Contains($"Source : {Site}", await readme.ReadToEndAsync(), StringComparison.Ordinal);
        using var memory = new MemoryStream();
        await using (var entry = zip.GetEntry("dossiers/vigie-dossier-elancourt.pdf")!.Open())
        {
            await entry.CopyToAsync(memory);
        }
        using var pdf = PdfDocument.Open(memory.ToArray());
        Assert.Contains($"{Site}/dossiers/elancourt", pdf.GetPages().SelectMany(p => p.GetHyperlinks()).Select(l => l.Uri));
    }

    [Fact]
    public async Task A_configured_public_url_wins_over_the_request_address()
    {
        await using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Vigie:PublicUrl", "https://vigie.example.org/"));
        await factory.CreateAsync("lien-configure@example.org", Roles.Editor);
        using var editor = await EditorAtAsync(Site, "lien-configure@example.org", configured);
        Assert.StartsWith("https://vigie.example.org/invitation/", await InvitationLinkAsync(editor), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_public_url_and_says_which_setting()
    {
        var data = Path.Combine(Path.GetTempPath(), $"vigie-production-{Guid.NewGuid():N}");
        try
        {
            var (code, output) = await AppProcess.RunCommandAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Vigie"] = factory.ConnectionString,
                ["Vigie__DataDirectory"] = data,
                ["Vigie__MigrateOnStartup"] = "false",
                ["Vigie__SeedOnStartup"] = "false",
            }, "--urls", "http://127.0.0.1:0");
            Assert.Equal(1, code);
            Assert.Contains("Démarrage interrompu : le réglage Vigie:PublicUrl est vide.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        }
        finally
        {
            TestDatabase.DeleteQuietly(data);
        }
    }
}
