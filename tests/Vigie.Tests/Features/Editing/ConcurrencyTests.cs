using System.Globalization;
using System.Net;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Vigie.Tests.Features.Editing.EditingScenario;

namespace Vigie.Tests.Features.Editing;

/// <summary>Nothing saved is silently overwritten: a save from a stale version is refused with 409, what changed, and the input kept.</summary>
public sealed class ConcurrencyTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Two_edits_of_the_case_from_the_same_version_the_second_is_refused_with_the_other_change_and_its_own_text()
    {
        using var marie = await factory.MemberAsync(Roles.Editor, "Marie");
        using var bruno = await factory.MemberAsync(Roles.Editor, "Bruno");
        var caseId = await marie.CreateCaseAsync("Dossier disputé", summary: "Résumé d'origine", body: "Récit d'origine.");
        var mariesForm = await marie.GetAsync($"/edition/dossiers/{caseId}");
        var brunosForm = await bruno.GetAsync($"/edition/dossiers/{caseId}");
        Assert.Equal(mariesForm.Value("Form.Version"), brunosForm.Value("Form.Version"));

        var saved = await marie.SubmitAsync(mariesForm, CaseForm, f => f.Set("Form.Summary", "Résumé corrigé par Marie"), "enregistrer");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var refused = await bruno.SubmitAsync(brunosForm, CaseForm, f => f.Set("Form.Body", "Le récit réécrit par Bruno, à ne pas perdre."), "enregistrer");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        var stored = await factory.LoadCaseAsync(caseId);
        Assert.Equal("Résumé corrigé par Marie", stored.Summary);
        Assert.Equal("Récit d'origine.", stored.Body);

        var panel = refused.Text(".conflict");
        Assert.Contains("par Marie", panel);
        Assert.Contains("Résumé :", panel);
        Assert.Contains("« Résumé d'origine »", panel);
        Assert.Contains("« Résumé corrigé par Marie »", panel);
        Assert.Equal("Résumé d'origine", refused.Find(".conflict del")!.TextContent.Replace("avant : ", "", StringComparison.Ordinal).Trim('«', '»', ' ', '\u00a0'));
        Assert.Equal("Le récit réécrit par Bruno, à ne pas perdre.", refused.Value("Form.Body"));
        Assert.Equal(stored.Version.ToString(CultureInfo.InvariantCulture), refused.Value("Form.Version"));

        // Bruno takes Marie's summary into his form and saves again: both changes are kept.
        var merged = await bruno.SubmitAsync(refused, CaseForm, f => f.Set("Form.Summary", "Résumé corrigé par Marie"), "enregistrer");
        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        stored = await factory.LoadCaseAsync(caseId);
        Assert.Equal("Résumé corrigé par Marie", stored.Summary);
        Assert.Equal("Le récit réécrit par Bruno, à ne pas perdre.", stored.Body);
    }

    [Fact]
    public async Task Two_edits_of_a_contract_from_the_same_version_the_second_is_refused_with_the_other_change_and_its_own_input()
    {
        using var marie = await factory.MemberAsync(Roles.Editor, "Marie");
        using var bruno = await factory.MemberAsync(Roles.Editor, "Bruno");
        var caseId = await marie.CreateCaseAsync("Dossier aux marchés disputés");
        await marie.FollowAsync(await marie.SubmitAsync($"/edition/dossiers/{caseId}/marches/nouveau", PartForm, f => f
            .Set("Form.Object", "Maintenance des caméras").Set("Form.Amount", "100 000")));
        var contractId = Assert.Single((await factory.LoadCaseAsync(caseId)).Contracts).Id;
        var path = $"/edition/dossiers/{caseId}/marches/{contractId}";
        var mariesForm = await marie.GetAsync(path);
        var brunosForm = await bruno.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, (await marie.SubmitAsync(mariesForm, PartForm, f => f.Set("Form.Amount", "150 000"))).Status);
        var refused = await bruno.SubmitAsync(brunosForm, PartForm, f => f.Set("Form.Notes", "Les annexes manquent, selon Bruno."));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        var stored = Assert.Single((await factory.LoadCaseAsync(caseId)).Contracts);
        Assert.Equal(150_000m, stored.AmountEuros);
        Assert.Null(stored.Notes);
        var panel = refused.Text(".conflict");
        Assert.Contains("par Marie", panel);
        Assert.Contains("Montant :", panel);
        Assert.Contains("« 100 000 € »", panel);
        Assert.Contains("« 150 000 € »", panel);
        Assert.Equal("Les annexes manquent, selon Bruno.", refused.Value("Form.Notes"));
        Assert.Equal(stored.Version.ToString(CultureInfo.InvariantCulture), refused.Value("Form.Version"));

        var merged = await bruno.SubmitAsync(refused, PartForm, f => f.Set("Form.Amount", "150 000"));
        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        stored = Assert.Single((await factory.LoadCaseAsync(caseId)).Contracts);
        Assert.Equal(150_000m, stored.AmountEuros);
        Assert.Equal("Les annexes manquent, selon Bruno.", stored.Notes);
    }

    [Fact]
    public async Task Saving_a_part_someone_deleted_meanwhile_is_refused_and_offers_to_create_it_again()
    {
        using var marie = await factory.MemberAsync(Roles.Editor, "Marie");
        using var bruno = await factory.MemberAsync(Roles.Editor, "Bruno");
        var caseId = await marie.CreateCaseAsync("Dossier à l'événement supprimé");
        await marie.FollowAsync(await marie.SubmitAsync($"/edition/dossiers/{caseId}/chronologie/nouveau", PartForm, f => f
            .Set("Form.OccurredOn", "2 juillet 2019").Set("Form.Title", "Signature")));
        await using var db = factory.CreateDbContext();
        var eventId = db.TimelineEvents.Single(e => e.CaseId == caseId).Id;
        var brunosForm = await bruno.GetAsync($"/edition/dossiers/{caseId}/chronologie/{eventId}");

        await marie.FollowAsync(await marie.SubmitAsync($"/edition/dossiers/{caseId}/chronologie/{eventId}/supprimer", ".form-page form"));
        var refused = await bruno.SubmitAsync(brunosForm, PartForm, f => f.Set("Form.Description", "Signée en mairie."));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("supprimé", refused.Text(".conflict"));
        Assert.Contains("par Marie", refused.Text(".conflict"));
        Assert.Equal("Signée en mairie.", refused.Value("Form.Description"));
        Assert.EndsWith("/chronologie/nouveau", refused.Find(PartForm)!.GetAttribute("action"), StringComparison.Ordinal);
        await bruno.FollowAsync(await bruno.SubmitAsync(refused, PartForm));
        Assert.Equal("Signée en mairie.", db.TimelineEvents.Single(e => e.CaseId == caseId).Description);
    }

    [Fact]
    public async Task Changes_to_a_part_do_not_block_the_case_form_but_do_block_a_stale_publication()
    {
        using var editor = await factory.MemberAsync(Roles.Editor, "Éditrice");
        using var volunteer = await factory.MemberAsync(Roles.Volunteer, "Bénévole");
        var caseId = await volunteer.CreateCaseAsync("Dossier à publier", body: "Récit.");
        await volunteer.FollowAsync(await volunteer.SubmitAsync(FormBrowser.StatusForm(await volunteer.GetAsync($"/edition/dossiers/{caseId}"), "Proposed")));
        var editorsPage = await editor.GetAsync($"/edition/dossiers/{caseId}");

        await volunteer.AddSourceAsync(caseId, "https://example.org/ajout", "Ajoutée pendant la relecture");

        // The case form shows no part: saving it is not a conflict.
        var saved = await editor.SubmitAsync(editorsPage, CaseForm, f => f.Set("Form.Summary", "Résumé de l'éditrice."), "enregistrer");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        // Publishing is: the editor has not seen the new source.
        var stale = await editor.SubmitAsync(FormBrowser.StatusForm(editorsPage, "Published"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Ajoutée pendant la relecture", stale.Text(".conflict"));
        Assert.Equal(CaseStatus.Proposed, (await factory.LoadCaseAsync(caseId)).Status);
        var published = await editor.SubmitAsync(FormBrowser.StatusForm(stale, "Published"));
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        Assert.Equal(CaseStatus.Published, (await factory.LoadCaseAsync(caseId)).Status);
    }
}
