using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using static Vigie.Tests.Features.Editing.EditingScenario;

namespace Vigie.Tests.Features.Editing;

public sealed class RevisionTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Every_change_is_a_revision_with_its_author_field_changes_and_a_full_snapshot()
    {
        using var editor = await factory.MemberAsync(Roles.Editor, "Claire Historienne");
        var caseId = await editor.CreateCaseAsync("Dossier suivi", summary: "Premier résumé", body: "Un deux trois.\n\nDeuxième paragraphe.");
        await editor.FollowAsync(await editor.SubmitAsync($"/edition/dossiers/{caseId}", CaseForm, f => f
            .Set("Form.Summary", "Second résumé").Set("Form.Body", "Un deux quatre.\n\nDeuxième paragraphe.").Set("Form.Technologies", "lapi"), "enregistrer"));
        await editor.AddSourceAsync(caseId, "https://example.org/article", "Un article", "Le Journal");
        await editor.FollowAsync(await editor.SubmitAsync(FormBrowser.StatusForm(await editor.GetAsync($"/edition/dossiers/{caseId}"), "Proposed")));

        var revisions = await factory.RevisionsAsync(caseId);
        Assert.Equal([1, 2, 3, 4], revisions.Select(r => r.Number));
        Assert.Equal([RevisionKind.Created, RevisionKind.Updated, RevisionKind.PartAdded, RevisionKind.StatusChanged], revisions.Select(r => r.Kind));
        Assert.All(revisions, r => Assert.NotNull(r.AuthorId));

        var update = revisions[1];
        Assert.Contains(update.Changes, c => c is { Entity: RevisionEntity.Case, Field: "summary", Label: "Résumé", Old: "Premier résumé", New: "Second résumé" });
        Assert.Contains(update.Changes, c => c is { Field: "technologies", Old: null } && c.New!.StartsWith("LAPI", StringComparison.Ordinal));
        Assert.Contains(update.Changes, c => c.Field == "body");
        Assert.Equal("Second résumé", update.Snapshot.Summary);
        Assert.Equal(["lapi"], update.Snapshot.Technologies.Select(t => t.Key));

        var source = revisions[2];
        Assert.Equal("Source ajoutée : [1] « Un article »", source.Summary);
        Assert.Contains(source.Changes, c => c is { Entity: RevisionEntity.Source, Field: "url", Old: null, New: "https://example.org/article" });
        Assert.Equal("Le Journal", Assert.Single(source.Snapshot.Sources).Publisher);
        Assert.Contains(revisions[3].Changes, c => c is { Field: "status", Old: "Brouillon", New: "Proposé à la publication" });

        // The snapshot is stored as jsonb.
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT snapshot->>'summary', jsonb_typeof(changes) FROM revisions WHERE case_id = {caseId} AND number = 2", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Second résumé", reader.GetString(0));
        Assert.Equal("array", reader.GetString(1));

        // The history page names the author and marks the narrative's changed words with <del> and <ins>.
        var history = await editor.GetAsync($"/edition/dossiers/{caseId}/historique");
        var second = history.Find("#revision-2")!;
        Assert.Contains("Claire Historienne", second.TextContent, StringComparison.Ordinal);
        Assert.Equal("supprimé : trois", Page.Normalize(second.QuerySelector("pre.diff del")!.TextContent));
        Assert.Equal("ajouté : quatre", Page.Normalize(second.QuerySelector("pre.diff ins")!.TextContent));
        Assert.Contains("« Premier résumé »", Page.Normalize(second.QuerySelector("del")!.ParentElement!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_revision_puts_the_case_and_its_parts_back_and_is_itself_a_revision()
    {
        using var editor = await factory.MemberAsync(Roles.Editor, "Éditeur Restaurateur");
        using var volunteer = await factory.MemberAsync(Roles.Volunteer, "Bénévole Maladroit");
        var caseId = await volunteer.CreateCaseAsync("Dossier à restaurer", summary: "Bon résumé", body: "Bon récit[@1].");
        await volunteer.AddSourceAsync(caseId, "https://example.org/source", "La bonne source");
        await volunteer.FollowAsync(await volunteer.SubmitAsync($"/edition/dossiers/{caseId}/marches/nouveau", PartForm, f => f
            .Set("Form.Object", "Marché à garder").Set("Form.Amount", "42 000").Set("Form.Source", "1")));
        var good = (await factory.RevisionsAsync(caseId)).Last();
        var contract = Assert.Single((await factory.LoadCaseAsync(caseId)).Contracts);

        // Then things go wrong: the summary is blanked and the contract deleted.
        await volunteer.FollowAsync(await volunteer.SubmitAsync($"/edition/dossiers/{caseId}", CaseForm, f => f.Set("Form.Summary", ""), "enregistrer"));
        await volunteer.FollowAsync(await volunteer.SubmitAsync($"/edition/dossiers/{caseId}/marches/{contract.Id}/supprimer", ".form-page form"));

        // Volunteers do not restore.
        var history = await volunteer.GetAsync($"/edition/dossiers/{caseId}/historique");
        Assert.Null(history.Find("form[action$='/restaurer']"));
        using var denied = await volunteer.Client.PostFormAsync($"/edition/dossiers/{caseId}", $"/edition/dossiers/{caseId}/historique/{good.Number}/restaurer", new());
        Assert.Equal("/acces-refuse", denied.Headers.Location!.AbsolutePath);

        var editorsHistory = await editor.GetAsync($"/edition/dossiers/{caseId}/historique");
        var restored = await editor.FollowAsync(await editor.SubmitAsync(editorsHistory, $"form[action='/edition/dossiers/{caseId}/historique/{good.Number}/restaurer']"));
        Assert.Contains($"Révision n° {good.Number} restaurée", restored.Text(".notice"));

        var stored = await factory.LoadCaseAsync(caseId);
        Assert.Equal("Bon résumé", stored.Summary);
        var back = Assert.Single(stored.Contracts);
        Assert.Equal(contract.Id, back.Id);
        Assert.Equal(42_000m, back.AmountEuros);
        Assert.Equal(Assert.Single(stored.Sources).Id, back.SourceId);
        Assert.Equal(CaseStatus.Draft, stored.Status);

        var last = (await factory.RevisionsAsync(caseId)).Last();
        Assert.Equal(RevisionKind.Restored, last.Kind);
        Assert.Equal($"Restauration de la révision n° {good.Number}", last.Summary);
        Assert.Equal(good.Number + 3, last.Number);
        Assert.Contains(last.Changes, c => c is { Field: "summary", Old: null, New: "Bon résumé" });
        Assert.Contains(last.Changes, c => c is { Entity: RevisionEntity.Contract, Field: "object", Old: null, New: "Marché à garder" });
        Assert.Contains($"Restauration de la révision n° {good.Number}", restored.Text($"#revision-{last.Number}"));
    }

    [Fact]
    public async Task The_first_edit_of_a_seeded_case_keeps_its_original_state_as_a_baseline_revision()
    {
        using var editor = await factory.MemberAsync(Roles.Editor, "Éditeur Élancourt");
        await using var db = factory.CreateDbContext();
        var elancourt = await db.Cases.AsNoTracking().SingleAsync(c => c.Slug == "elancourt");
        var saved = await editor.SubmitAsync($"/edition/dossiers/{elancourt.Id}", CaseForm, f => f.Set("Form.Summary", "Résumé remplacé."), "enregistrer");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var revisions = await factory.RevisionsAsync(elancourt.Id);
        Assert.Equal(2, revisions.Count);
        Assert.Equal(RevisionKind.Baseline, revisions[0].Kind);
        Assert.Null(revisions[0].AuthorId);
        Assert.Equal(elancourt.Summary, revisions[0].Snapshot.Summary);
        Assert.Equal(6, revisions[0].Snapshot.Sources.Count);
        Assert.Equal(elancourt.Summary, Assert.Single(revisions[1].Changes).Old);

        await editor.FollowAsync(await editor.SubmitAsync($"/edition/dossiers/{elancourt.Id}/historique", $"form[action$='/historique/1/restaurer']"));
        Assert.Equal(elancourt.Summary, (await factory.LoadCaseAsync(elancourt.Id)).Summary);
        Assert.Contains(elancourt.Summary[..40], Page.Normalize((await factory.GetDocumentAsync("/dossiers/elancourt")).QuerySelector(".case-head .lede")!.TextContent), StringComparison.Ordinal);
    }
}
