using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Editing;

/// <summary>Team members of an editing test and the steps they repeat.</summary>
public static class EditingScenario
{
    public const string CaseForm = "form.editor-main";
    public const string PartForm = ".part-form form";

    private static int _counter;

    /// <summary>A new member with this role, signed in, with a unique address.</summary>
    public static async Task<FormBrowser> MemberAsync(this VigieFactory factory, string role, string displayName)
    {
        var email = $"{Slug(displayName)}-{Interlocked.Increment(ref _counter)}@example.org";
        await factory.CreateAsync(email, role, displayName);
        return new FormBrowser(await factory.SignedInClientAsync(email));
    }

    /// <summary>Creates a case through the form; returns its id.</summary>
    public static async Task<int> CreateCaseAsync(this FormBrowser browser, string title, string commune = "78208", string body = "", string summary = "")
    {
        var created = await browser.SubmitAsync("/edition/dossiers/nouveau", CaseForm, f => f
            .Set("Form.Title", title).Set("Form.Municipality", commune).Set("Form.Body", body).Set("Form.Summary", summary), "enregistrer");
        await browser.FollowAsync(created);
        return int.Parse(created.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task AddSourceAsync(this FormBrowser browser, int caseId, string url, string title, string? publisher = null)
    {
        var added = await browser.SubmitAsync($"/edition/dossiers/{caseId}/sources/nouveau", PartForm, f =>
        {
            f.Set("Form.Url", url).Set("Form.Title", title);
            if (publisher is not null)
            {
                f.Set("Form.Publisher", publisher);
            }
        });
        await browser.FollowAsync(added);
    }

    public static async Task<Case> LoadCaseAsync(this VigieFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Cases.AsNoTracking().Include(c => c.Sources).Include(c => c.Contracts).SingleAsync(c => c.Id == id);
    }

    public static async Task<List<Revision>> RevisionsAsync(this VigieFactory factory, int caseId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Revisions.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.Number).ToListAsync();
    }

    private static string Slug(string name) => Vigie.Web.Infrastructure.Text.Slugs.From(name);
}
