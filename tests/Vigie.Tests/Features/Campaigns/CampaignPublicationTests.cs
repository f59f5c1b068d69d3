using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Features.Requests.Tracker;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Campaigns;

namespace Vigie.Tests.Features.Campaigns;

/// <summary>
/// What a campaign shows and to whom: the public page and CSV (targets and public states, never an identity), the team's
/// view, the letters in bulk, the results, and the draft case a target can start.
/// </summary>
public sealed class CampaignPublicationTests(CampaignPublicationTests.Fixture fixture) : IClassFixture<CampaignPublicationTests.Fixture>
{
    /// <summary>
    /// A running campaign to Élancourt (claimed by Alice, who got one document of two), Versailles (refused, then a CADA
    /// opinion) and Saint-Germain-en-Laye (a request made private); and a campaign still in preparation.
    /// </summary>
    public sealed class Fixture : VigieFactory
    {
        public const string Editor = "publication-editeur@example.org";
        public const string Alice = "publication-alice@example.org";
        public string Slug { get; private set; } = "";
        public string Preparing { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await this.CreateAsync(Editor, Roles.Editor, "Éditeur Publication");
            await this.CreateAsync(Alice, Roles.Volunteer, "Alice Discrète");
            using var editor = await this.SignedInClientAsync(Editor);
            Slug = await editor.CreateCampaignAsync("Campagne publiée");
            await editor.AddTargetsOkAsync(Slug, new() { ["Codes"] = "78208 78646 78551" });
            await this.CreateRequestsAsync(editor, Slug);
            await editor.SetStatusAsync(Slug, "Running");
            Preparing = await editor.CreateCampaignAsync("Campagne en préparation");
            await editor.AddTargetsOkAsync(Preparing, new() { ["Codes"] = "78208" });

            var today = DateTime.Today;
            string Day(int daysAgo) => today.AddDays(-daysAgo).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var requests = (await this.CampaignRequestsAsync(Slug)).ToDictionary(r => r.PublicBody!.Municipality!.InseeCode);
            using var alice = await this.SignedInClientAsync(Alice);
            var (elancourt, _) = await this.TargetOfAsync(Slug, "78208");
            using (await alice.PostAsync(Slug, $"/campagnes/{Slug}/cibles/{elancourt}/reserver"))
            {
            }
            var e = requests["78208"];
            await alice.AddEventOkAsync(e.Id, "envoi", new() { ["Date"] = Day(40), ["Comment"] = "Note privée d'Alice" });
            await alice.AddEventOkAsync(e.Id, "reponse", new()
            {
                ["Date"] = Day(10),
                ["Documents[0].DocumentId"] = e.RequestedDocuments.Single(d => d.Position == 1).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Documents[0].Status"] = "Received",
                ["Documents[1].DocumentId"] = e.RequestedDocuments.Single(d => d.Position == 2).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Documents[1].Status"] = "Refused",
                ["Documents[1].Ground"] = "PublicSecurity",
            });
            var v = requests["78646"].Id;
            await editor.AddEventOkAsync(v, "envoi", new() { ["Date"] = Day(120) });
            await editor.AddEventOkAsync(v, "refus", new() { ["Date"] = Day(100), ["Ground"] = "BusinessSecret" });
            await editor.AddEventOkAsync(v, "saisine-cada", new() { ["Date"] = Day(90) });
            await editor.AddEventOkAsync(v, "avis-cada", new() { ["Date"] = Day(20), ["OpinionNumber"] = "20260042", ["OpinionSens"] = "Favorable", ["OpinionMotivation"] = "Sauf secret des affaires" });
            await using var db = CreateDbContext();
            await db.CadaRequests.Where(r => r.Id == requests["78551"].Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsPublic, false));
        }
    }

    private string Slug => fixture.Slug;

    [Fact]
    public async Task The_public_page_lists_the_targets_and_public_states_but_never_who_makes_the_requests()
    {
        using var anonymous = fixture.CreateBrowserlessClient();
        using var response = await anonymous.GetAsync(new Uri($"/campagnes/{Slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await VigieFactory.ParseAsync(response);
        var text = Tracker.Normalize(page.Body!.TextContent);
        Assert.Contains("Commune d'Élancourt", text);
        Assert.Contains("Commune de Saint-Germain-en-Laye", text);
        Assert.Contains("Suivi non public", Tracker.Normalize(page.QuerySelector("#cibles")!.TextContent));
        foreach (var secret in new[] { "Alice", "publication-alice", "Éditeur Publication", "publication-editeur", "Note privée", "Réserver", "Réservée" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
        Assert.Empty(page.QuerySelectorAll("form[method='post']"));
        Assert.Null(page.QuerySelector("a[href^='/demandes/']"));

        // Results: Élancourt sent one of two documents; Versailles refused and the CADA gave an opinion.
        var results = Tracker.Normalize(page.QuerySelector("#resultats")!.TextContent);
        Assert.Contains("avis n° 20260042", results);
        Assert.Contains("sécurité publique (art. L311-5 CRPA) : 1 organisme", results);
        Assert.Contains("secret des affaires (art. L311-6 CRPA) : 1 organisme", results);
        var stats = page.QuerySelectorAll(".results-stats div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal("2", stats["demandes envoyées"]);
        Assert.Equal("1", stats["une partie des documents"]);
        Assert.Equal("1", stats["refus"]);

        // The map colours Yvelines, links it to the filtered list, and leaves the rest of France as background.
        var yvelines = page.QuerySelector("svg.france-map a.dept[data-code='78']")!;
        Assert.Equal($"/campagnes/{Slug}?departement=78#cibles", yvelines.GetAttribute("href"));
        Assert.Contains("3 cibles", yvelines.QuerySelector("title")!.TextContent);
        Assert.Single(page.QuerySelectorAll("svg.france-map a.dept"));
    }

    [Fact]
    public async Task A_campaign_in_preparation_and_a_demonstration_are_the_teams_only()
    {
        using var anonymous = fixture.CreateBrowserlessClient();
        foreach (var path in new[] { $"/campagnes/{fixture.Preparing}", $"/campagnes/{fixture.Preparing}/export.csv",
                     "/campagnes/demonstration-videoprotection-yvelines", "/campagnes/demonstration-videoprotection-yvelines/export.csv" })
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var list = await anonymous.TextAsync("/campagnes");
        Assert.Contains("Campagne publiée", list);
        Assert.DoesNotContain("Campagne en préparation", list);
        Assert.DoesNotContain("Démonstration", list);

        using var alice = await fixture.SignedInClientAsync(Fixture.Alice);
        Assert.Contains("Campagne en préparation", await alice.TextAsync("/campagnes"));
        var demo = await alice.TextAsync("/campagnes/demonstration-videoprotection-yvelines");
        Assert.Contains("Campagne de démonstration.", demo);
        Assert.Contains("Commune de Versailles", demo);

        // Requests of a campaign in preparation are not announced on the commune pages either.
        var requests = await fixture.CampaignRequestsAsync(fixture.Preparing);
        Assert.All(requests, r => Assert.False(r.IsPublic));
    }

    [Fact]
    public async Task The_csv_has_the_documented_columns_one_line_per_target_and_no_identity()
    {
        using var anonymous = fixture.CreateBrowserlessClient();
        using var response = await anonymous.GetAsync(new Uri($"/campagnes/{Slug}/export.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(string.Join(',', CampaignExports.Header), lines[0]);
        Assert.Equal(CampaignExports.Header, DocumentedColumns());
        Assert.Equal(4, lines.Count);
        Assert.DoesNotContain("Alice", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("publication-", csv, StringComparison.Ordinal);

        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[3]);
        Assert.Equal("partielle", rows["78208"][Array.IndexOf(CampaignExports.Header, "issue")]);
        Assert.Equal("1", rows["78208"][Array.IndexOf(CampaignExports.Header, "documents_refuses")]);
        Assert.Equal("", rows["78208"][Array.IndexOf(CampaignExports.Header, "reservee")]);
        Assert.Equal(DateTime.Today.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rows["78208"][Array.IndexOf(CampaignExports.Header, "envoyee_le")]);
        Assert.StartsWith("20260042 favorable", rows["78646"][Array.IndexOf(CampaignExports.Header, "avis_cada")]);
        Assert.Equal("non-public", rows["78551"][Array.IndexOf(CampaignExports.Header, "etape")]);
        Assert.Equal("", rows["78551"][Array.IndexOf(CampaignExports.Header, "etat")]);

        using var editor = await fixture.SignedInClientAsync(Fixture.Editor);
        var team = await editor.GetStringAsync(new Uri($"/campagnes/{Slug}/export.csv", UriKind.Relative));
        var teamRows = team.TrimEnd().Split('\n').Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToDictionary(f => f[3]);
        Assert.Equal("oui", teamRows["78208"][Array.IndexOf(CampaignExports.Header, "reservee")]);
        Assert.Equal("brouillon", teamRows["78551"][Array.IndexOf(CampaignExports.Header, "etat")]);
        Assert.DoesNotContain("Alice", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_in_bulk_carry_an_identity_only_for_the_organisers_own_requests()
    {
        using var editor = await fixture.SignedInClientAsync(Fixture.Editor);
        using var response = await editor.GetAsync(new Uri($"/campagnes/{Slug}/courriers.zip?type=demande", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(7, zip.Entries.Count);
        var elancourt = zip.Entries.Single(e => e.FullName == "courriers/78208-commune-d-elancourt-demande.txt");
        using var reader = new StreamReader(elancourt.Open());
        var text = await reader.ReadToEndAsync();
        Assert.Contains("[Nom du demandeur]", text);
        Assert.DoesNotContain("Alice", text);
        Assert.Contains("Avenants et bons de commande", text);
        using (var pdf = zip.Entries.Single(e => e.FullName == "courriers/78646-commune-de-versailles-demande.pdf").Open())
        {
            var buffer = new byte[5];
            await pdf.ReadExactlyAsync(buffer);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(buffer));
        }

        using var referrals = await editor.GetAsync(new Uri($"/campagnes/{Slug}/courriers.zip?type=saisine-cada&etape=a-envoyer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, referrals.StatusCode);
        using var bad = await editor.GetAsync(new Uri($"/campagnes/{Slug}/courriers.zip?type=poeme", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var alice = await fixture.SignedInClientAsync(Fixture.Alice);
        using var denied = await alice.GetAsync(new Uri($"/campagnes/{Slug}/courriers.zip?type=demande", UriKind.Relative));
        Assert.Equal("denied", Security.AuthorizationMatrixTests.Outcome(denied));
    }

    [Fact]
    public async Task An_organiser_starts_a_draft_case_from_a_target_pre_filled_with_what_came_back()
    {
        using var editor = await fixture.SignedInClientAsync(Fixture.Editor);
        var (target, request) = await fixture.TargetOfAsync(Slug, "78208");
        using var created = await editor.PostAsync(Slug, $"/campagnes/{Slug}/cibles/{target}/dossier");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var caseId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        await using var db = fixture.CreateDbContext();
        var draft = await db.Cases.Include(c => c.Municipality).SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseStatus.Draft, draft.Status);
        Assert.Equal("78208", draft.Municipality!.InseeCode);
        Assert.StartsWith("Élancourt", draft.Title);
        Assert.Contains("- Marchés de vidéoprotection en cours (acte d'engagement, CCAP, CCTP) : reçu", draft.Body);
        Assert.Contains("refusé (sécurité publique (art. L311-5 CRPA))", draft.Body);
        Assert.DoesNotContain("Note privée", draft.Body);
        Assert.Contains("1 document communiqué sur 2", draft.Summary);
        Assert.Equal(caseId, (await db.CadaRequests.SingleAsync(r => r.Id == request)).CaseId);
        Assert.Equal(1, await db.Revisions.CountAsync(r => r.CaseId == caseId));

        using var again = await editor.PostAsync(Slug, $"/campagnes/{Slug}/cibles/{target}/dossier");
        Assert.Equal($"/edition/dossiers/{caseId}", again.Headers.Location!.OriginalString);

        // Attached to an unpublished case, the request leaves the public's view, on the campaign as everywhere else.
        using var anonymous = fixture.CreateBrowserlessClient();
        var csv = await anonymous.GetStringAsync(new Uri($"/campagnes/{Slug}/export.csv", UriKind.Relative));
        var row = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r').Split(',')).Single(f => f[3] == "78208");
        Assert.Equal("non-public", row[Array.IndexOf(CampaignExports.Header, "etape")]);
        var page = await VigieFactory.ParseAsync(await anonymous.GetAsync(new Uri($"/campagnes/{Slug}", UriKind.Relative)));
        Assert.DoesNotContain("Élancourt", page.QuerySelector("#resultats")!.TextContent, StringComparison.Ordinal);

        // The other tests of this class read the request as public, unattached.
        await db.CadaRequests.Where(r => r.Id == request).ExecuteUpdateAsync(s => s.SetProperty(r => r.CaseId, (int?)null));
    }

    [Fact]
    public async Task An_editor_who_does_not_organise_the_campaign_cannot_manage_it()
    {
        await fixture.CreateAsync("autre-editeur@example.org", Roles.Editor);
        using var other = await fixture.SignedInClientAsync("autre-editeur@example.org");
        foreach (var path in new[] { $"/campagnes/{Slug}/modifier", $"/campagnes/{Slug}/cibles", $"/campagnes/{Slug}/courriers.zip?type=demande" })
        {
            using var response = await other.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal("denied", Security.AuthorizationMatrixTests.Outcome(response));
        }
        var page = await VigieFactory.ParseAsync(await other.GetAsync(new Uri($"/campagnes/{Slug}", UriKind.Relative)));
        Assert.Null(page.QuerySelector("#bulk"));
        Assert.NotNull(page.QuerySelector("form[action$='/reserver']"));
    }

    /// <summary>The column names listed in docs/campaigns.md, section "CSV export", in order.</summary>
    private static string[] DocumentedColumns()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Vigie.slnx")))
        {
            directory = directory.Parent;
        }
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "docs", "campaigns.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## CSV export", StringComparison.Ordinal));
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('`')[1])
            .ToArray();
    }
}
