using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Features.Requests.Tracker;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Campaigns;

/// <summary>Choosing a campaign's targets: each filter, pasted and uploaded INSEE codes, the preview, and the French errors.</summary>
public sealed class TargetSelectionTests(VigieFactory factory) : IClassFixture<VigieFactory>, IAsyncLifetime
{
    private const string Editor = "cibles-editeur@example.org";
    private HttpClient _editor = null!;

    public async Task InitializeAsync()
    {
        await using (var db = factory.CreateDbContext())
        {
            if (!await db.Users.AnyAsync(u => u.Email == Editor))
            {
                await factory.CreateAsync(Editor, Roles.Editor, "Éditrice des cibles");
            }
        }
        _editor = await factory.SignedInClientAsync(Editor);
    }

    public Task DisposeAsync()
    {
        _editor.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The preview's count, read from the page ("N organismes correspondent").</summary>
    private async Task<int> PreviewAsync(string slug, Dictionary<string, string> filter)
    {
        using var response = await _editor.TargetsAsync(slug, filter, intent: "apercu");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"preview answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var page = await VigieFactory.ParseAsync(response);
        var heading = Tracker.Normalize(page.QuerySelector("#h-apercu")!.TextContent);
        return int.Parse(heading.Split(':')[1].Trim().Split(' ')[0].Replace(" ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> CountAsync(Func<IQueryable<Municipality>, IQueryable<Municipality>> which)
    {
        await using var db = factory.CreateDbContext();
        return await which(db.Municipalities).CountAsync();
    }

    [Fact]
    public async Task Each_filter_previews_the_communes_it_selects_and_adds_nothing()
    {
        var slug = await _editor.CreateCampaignAsync("Aperçu des filtres");

        Assert.Equal(await CountAsync(m => m.Where(c => c.DepartmentCode == "90")), await PreviewAsync(slug, new() { ["Departement"] = "90" }));
        Assert.Equal(await CountAsync(m => m.Where(c => c.RegionCode == "94")), await PreviewAsync(slug, new() { ["Region"] = "94" }));
        Assert.Equal(24, await PreviewAsync(slug, new() { ["Departement"] = "78", ["PopulationMin"] = "20 000" }));
        Assert.Equal(18, await PreviewAsync(slug, new() { ["Departement"] = "78", ["PopulationMin"] = "10000", ["PopulationMax"] = "19999" }));
        Assert.Equal(await CountAsync(m => m.Where(c => c.Population >= 100_000)), await PreviewAsync(slug, new() { ["PopulationMin"] = "100000" }));
        var sqy = await CountAsync(m => m.Where(c => c.IntercommunalitySiren == "200058782"));
        Assert.True(sqy > 5);
        Assert.Equal(sqy, await PreviewAsync(slug, new() { ["Intercommunalite"] = "200058782" }));
        Assert.Equal(sqy, await PreviewAsync(slug, new() { ["Intercommunalite"] = "Saint-Quentin-en-Yvelines" }));
        Assert.Equal(3, await PreviewAsync(slug, new() { ["Codes"] = "78208, 78646\n78551;78208" }));
        Assert.Equal(2, await PreviewAsync(slug, new() { ["Codes"] = "78208 78646 2A004", ["Departement"] = "78" }));

        Assert.Empty((await factory.CampaignAsync(slug)).Targets);
    }

    [Fact]
    public async Task Adding_targets_twice_does_not_duplicate_them_and_the_preview_says_which_are_already_there()
    {
        var slug = await _editor.CreateCampaignAsync("Ajouts successifs");
        await _editor.AddTargetsOkAsync(slug, new() { ["Codes"] = "78208 78646" });
        await _editor.AddTargetsOkAsync(slug, new() { ["Codes"] = "78646 78551" });
        var campaign = await factory.CampaignAsync(slug);
        Assert.Equal(["78208", "78551", "78646"], campaign.Targets.Select(t => t.PublicBody!.Municipality!.InseeCode).Order().ToArray());

        using var preview = await _editor.TargetsAsync(slug, new() { ["Codes"] = "78208 78646 78005" }, intent: "apercu");
        var text = Tracker.Normalize((await VigieFactory.ParseAsync(preview)).QuerySelector(".target-preview")!.TextContent);
        Assert.Contains("3 organismes correspondent", text);
        Assert.Contains("1 nouvelle cible ; 2 sont déjà dans la campagne", text);
        Assert.Contains("déjà ciblé", text);
    }

    [Fact]
    public async Task Unknown_and_malformed_insee_codes_are_listed_in_french_next_to_the_field_and_the_list_is_kept()
    {
        var slug = await _editor.CreateCampaignAsync("Codes inconnus");
        const string typed = "78208\n99999\n7820\n78999, ABCDE";
        using var response = await _editor.TargetsAsync(slug, new() { ["Codes"] = typed, ["PopulationMin"] = "dix mille" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        var error = Tracker.Normalize(page.QuerySelector("#Codes ~ .field-error")!.TextContent);
        Assert.Contains("2 codes mal formés : 7820, ABCDE", error);
        Assert.Contains("2 codes INSEE inconnus : 99999, 78999 (", error);
        Assert.Equal(typed, page.QuerySelector("#Codes")!.TextContent.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.StartsWith("Nombre d'habitants non reconnu : « dix mille »", page.QuerySelector("#PopulationMin ~ .field-error")!.TextContent.Trim());
        Assert.Equal("dix mille", page.QuerySelector("#PopulationMin")!.GetAttribute("value"));
        Assert.Empty((await factory.CampaignAsync(slug)).Targets);
    }

    [Fact]
    public async Task An_empty_filter_or_commune_criteria_on_other_bodies_are_refused_with_a_reason()
    {
        var slug = await _editor.CreateCampaignAsync("Filtres invalides");
        using (var empty = await _editor.TargetsAsync(slug, []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Choisissez au moins un critère", (await VigieFactory.ParseAsync(empty)).QuerySelector(".form-errors")!.TextContent);
        }
        using (var mixed = await _editor.TargetsAsync(slug, new() { ["Kind"] = "Intercommunality", ["PopulationMin"] = "1000" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
            Assert.Contains("ne s'appliquent qu'aux communes", (await VigieFactory.ParseAsync(mixed)).QuerySelector("#Kind ~ .field-error")!.TextContent);
        }
        using (var ambiguous = await _editor.TargetsAsync(slug, new() { ["Intercommunalite"] = "Saint" }, intent: "apercu"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
            var error = Tracker.Normalize((await VigieFactory.ParseAsync(ambiguous)).QuerySelector("#Intercommunalite ~ .field-error")!.TextContent);
            Assert.StartsWith("Plusieurs intercommunalités correspondent : ", error);
            Assert.Contains("(SIREN ", error);
        }
        using (var backwards = await _editor.TargetsAsync(slug, new() { ["PopulationMin"] = "5000", ["PopulationMax"] = "1000" }))
        {
            Assert.Equal("Le maximum est inférieur au minimum.", (await VigieFactory.ParseAsync(backwards)).QuerySelector("#PopulationMax ~ .field-error")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task An_uploaded_csv_of_insee_codes_is_read_by_its_column_and_joins_the_pasted_list()
    {
        var slug = await _editor.CreateCampaignAsync("Fichier CSV");
        var csv = "nom;code_insee;population\nÉlancourt;78208;26365\nVersailles;78646;84095\n";
        using var response = await PostMultipartAsync(slug, csv, ("Codes", "78551"), ("intent", "ajouter"), ("Kind", "Commune"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var campaign = await factory.CampaignAsync(slug);
        Assert.Equal(["78208", "78551", "78646"], campaign.Targets.Select(t => t.PublicBody!.Municipality!.InseeCode).Order().ToArray());

        using var headerless = await PostMultipartAsync(slug, "78005,Achères\n99999,Nulle part\n", ("intent", "apercu"), ("Kind", "Commune"));
        Assert.Equal(HttpStatusCode.BadRequest, headerless.StatusCode);
        var page = await VigieFactory.ParseAsync(headerless);
        Assert.Contains("Code INSEE inconnu : 99999", page.QuerySelector("#Codes ~ .field-error")!.TextContent);
        Assert.Contains("78005", page.QuerySelector("#Codes")!.TextContent);

        using var unreadable = await PostMultipartAsync(slug, "commune;habitants\nÉlancourt;26365\n", ("intent", "apercu"), ("Kind", "Commune"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("Colonne des codes INSEE introuvable", (await VigieFactory.ParseAsync(unreadable)).QuerySelector("#fichier ~ .field-error")!.TextContent);
    }

    [Fact]
    public async Task Targets_whose_request_has_started_are_kept_when_removing()
    {
        var slug = await _editor.CreateCampaignAsync("Retrait de cibles");
        await _editor.AddTargetsOkAsync(slug, new() { ["Codes"] = "78208 78646 78551" });
        await factory.CreateRequestsAsync(_editor, slug);
        var (elancourt, started) = await factory.TargetOfAsync(slug, "78208");
        var (versailles, _) = await factory.TargetOfAsync(slug, "78646");
        await _editor.AddEventOkAsync(started, "envoi", new() { ["Date"] = DateTime.Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) });

        var form = new List<KeyValuePair<string, string>> { new("cibles", elancourt.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("cibles", versailles.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        var token = await TeamMembers.AntiforgeryTokenAsync(_editor, $"/campagnes/{slug}/cibles");
        form.Add(new("__jeton", token));
        using var response = await _editor.PostAsync(new Uri($"/campagnes/{slug}/cibles/retirer", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var campaign = await factory.CampaignAsync(slug);
        Assert.Equal(["78208", "78551"], campaign.Targets.Select(t => t.PublicBody!.Municipality!.InseeCode).Order().ToArray());
        Assert.Equal(2, (await factory.CampaignRequestsAsync(slug)).Count);
    }

    private async Task<HttpResponseMessage> PostMultipartAsync(string slug, string csv, params (string Name, string Value)[] fields)
    {
        var token = await TeamMembers.AntiforgeryTokenAsync(_editor, $"/campagnes/{slug}/cibles");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__jeton" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "fichier", "communes.csv");
        return await _editor.PostAsync(new Uri($"/campagnes/{slug}/cibles", UriKind.Relative), content);
    }
}
