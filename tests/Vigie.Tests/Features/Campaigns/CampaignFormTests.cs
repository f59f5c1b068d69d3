using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Features.Requests.Tracker;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Campaigns;

/// <summary>The campaign form: French messages next to the fields, nothing lost, a friendly conflict, unsent requests updated.</summary>
public sealed class CampaignFormTests(VigieFactory factory) : IClassFixture<VigieFactory>, IAsyncLifetime
{
    private const string Editor = "formulaire-campagne@example.org";

    public async Task InitializeAsync()
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Users.AnyAsync(u => u.Email == Editor))
        {
            await factory.CreateAsync(Editor, Roles.Editor, "Éditeur du formulaire");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_invalid_campaign_comes_back_with_french_messages_next_to_the_fields_and_everything_typed()
    {
        using var editor = await factory.SignedInClientAsync(Editor);
        var description = "# Pourquoi\n\n" + new string('[', 60_000);
        using var response = await editor.PostFormAsync("/campagnes/nouvelle", "/campagnes/nouvelle", new()
        {
            ["Title"] = "",
            ["Slug"] = "Pas Une Adresse",
            ["Subject"] = "Contrats de vidéoprotection",
            ["Documents"] = "\n  \n",
            ["Description"] = description + new string(']', 50_000),
            ["LetterParagraph"] = "Un paragraphe que je ne veux pas retaper.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal("Indiquez un titre.", page.QuerySelector("#Title ~ .field-error")!.TextContent.Trim());
        Assert.Equal("Indiquez au moins un document, un par ligne.", page.QuerySelector("#Documents ~ .field-error")!.TextContent.Trim());
        Assert.StartsWith("Minuscules, chiffres et tirets seulement (par exemple « pas-une-adresse »)", page.QuerySelector("#Slug ~ .field-error")!.TextContent.Trim());
        Assert.StartsWith("Le texte dépasse 100", page.QuerySelector("#Description ~ .field-error")!.TextContent.Trim());
        Assert.Equal("Choisissez au moins un organisateur.", Tracker.Normalize(page.QuerySelector("fieldset.checks .field-error")!.TextContent).Trim());
        Assert.Equal("Contrats de vidéoprotection", page.QuerySelector("#Subject")!.GetAttribute("value"));
        Assert.Equal("Un paragraphe que je ne veux pas retaper.", page.QuerySelector("#LetterParagraph")!.TextContent.Trim());
        Assert.Equal("Pas Une Adresse", page.QuerySelector("#Slug")!.GetAttribute("value"));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Campaigns.AnyAsync(c => c.Subject == "Contrats de vidéoprotection"));
    }

    [Fact]
    public async Task Saving_a_stale_form_is_a_conflict_that_keeps_the_typed_text_and_saves_nothing()
    {
        using var editor = await factory.SignedInClientAsync(Editor);
        var slug = await editor.CreateCampaignAsync("Conflit de campagne");
        using var form = await editor.GetAsync(new Uri($"/campagnes/{slug}/modifier", UriKind.Relative));
        var staleVersion = (await VigieFactory.ParseAsync(form)).QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        await editor.SetStatusAsync(slug, "Running");

        var organiser = (await VigieFactory.ParseAsync(await editor.GetAsync(new Uri($"/campagnes/{slug}/modifier", UriKind.Relative))))
            .QuerySelector("input[name='Organisers'][checked]")!.GetAttribute("value")!;
        using var response = await editor.PostFormAsync($"/campagnes/{slug}/modifier", $"/campagnes/{slug}/modifier", new()
        {
            ["Title"] = "Mon nouveau titre",
            ["Subject"] = "Contrats de vidéoprotection et leurs annexes",
            ["Documents"] = CampaignScenario.Documents,
            ["Organisers"] = organiser,
            ["Status"] = "Preparing",
            ["Version"] = staleVersion,
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Contains("Quelqu'un a modifié cette campagne pendant que vous la modifiiez", page.QuerySelector(".conflict")!.TextContent);
        Assert.Equal("Mon nouveau titre", page.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.NotEqual(staleVersion, page.QuerySelector("input[name='Version']")!.GetAttribute("value"));
        var campaign = await factory.CampaignAsync(slug);
        Assert.Equal(("Conflit de campagne", CampaignStatus.Running), (campaign.Title, campaign.Status));
    }

    [Fact]
    public async Task Editing_the_documents_updates_the_requests_not_yet_sent_and_leaves_the_others()
    {
        using var editor = await factory.SignedInClientAsync(Editor);
        var slug = await editor.CreateCampaignAsync("Documents modifiés");
        await editor.AddTargetsOkAsync(slug, new() { ["Codes"] = "78208 78646" });
        await factory.CreateRequestsAsync(editor, slug);
        var (_, sent) = await factory.TargetOfAsync(slug, "78208");
        await editor.AddEventOkAsync(sent, "envoi", new() { ["Date"] = DateTime.Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) });

        var page = await VigieFactory.ParseAsync(await editor.GetAsync(new Uri($"/campagnes/{slug}/modifier", UriKind.Relative)));
        using var response = await editor.PostFormAsync($"/campagnes/{slug}/modifier", $"/campagnes/{slug}/modifier", new()
        {
            ["Title"] = "Documents modifiés",
            ["Subject"] = "Contrats de vidéoprotection et leurs annexes",
            ["Documents"] = "Marchés en cours\nAvenants\nDélibérations",
            ["LetterParagraph"] = "Nouveau paragraphe.",
            ["Organisers"] = page.QuerySelector("input[name='Organisers'][checked]")!.GetAttribute("value")!,
            ["Status"] = "Preparing",
            ["RequestsArePublic"] = "true",
            ["Version"] = page.QuerySelector("input[name='Version']")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var requests = (await factory.CampaignRequestsAsync(slug)).ToDictionary(r => r.PublicBody!.Municipality!.InseeCode);
        Assert.Equal(["Marchés en cours", "Avenants", "Délibérations"], requests["78646"].RequestedDocuments.OrderBy(d => d.Position).Select(d => d.Title).ToArray());
        Assert.Equal("Nouveau paragraphe.", requests["78646"].LetterParagraph);
        Assert.Equal(2, requests["78208"].RequestedDocuments.Count);
        Assert.Null(requests["78208"].LetterParagraph);
    }
}
