using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Security;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Editing.Catalog;

/// <summary>The shared taxonomy of technologies: editors create and correct entries. A slug is fixed once created.</summary>
[Authorize(Policy = Policies.Editor)]
[Route("edition/technologies")]
public sealed class TechnologiesEditorController(VigieDbContext db, IOutputCacheStore cache) : Controller
{
    private const string Prefix = "Form";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Technologies.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Name)
            .Select(t => new CatalogRow(t.Id, t.Slug, t.Name, "rang " + t.Position, t.Cases.Count))
            .ToListAsync(cancellationToken);
        return View("List", new CatalogListPage("Technologies", "technologies", "technologies", "Nouvelle technologie",
            "La liste partagée des familles de dispositifs, dans l'ordre où les pages publiques les présentent.", rows));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => View("TechnologyForm", new CatalogFormPage<TechnologyForm>
    {
        Form = new TechnologyForm { Position = (await db.Technologies.MaxAsync(t => (int?)t.Position, cancellationToken) ?? 0) + 1 },
    });

    [HttpPost("nouveau")]
    public async Task<IActionResult> Create([Bind(Prefix = Prefix)] TechnologyForm form, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(string.IsNullOrWhiteSpace(form.Slug) ? form.Name ?? "" : form.Slug);
        if (slug.Length == 0 && !string.IsNullOrWhiteSpace(form.Name))
        {
            ModelState.AddModelError($"{Prefix}.{nameof(form.Slug)}", "L'adresse doit contenir au moins une lettre ou un chiffre.");
        }
        else if (slug.Length > 0 && await db.Technologies.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            ModelState.AddModelError($"{Prefix}.{nameof(form.Slug)}", $"L'adresse « {slug} » est déjà celle d'une autre technologie.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("TechnologyForm", new CatalogFormPage<TechnologyForm> { Form = form });
        }
        var technology = new Technology { Slug = slug, Name = "" };
        Apply(form, technology);
        db.Technologies.Add(technology);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(CachePolicies.Public, cancellationToken);
        TempData["Notice"] = $"Technologie « {technology.Name} » ajoutée.";
        return Redirect("/edition/technologies");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var technology = await db.Technologies.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return technology is null ? NotFound()
            : View("TechnologyForm", new CatalogFormPage<TechnologyForm> { Form = ToForm(technology), Id = id, Slug = technology.Slug });
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = Prefix)] TechnologyForm form, CancellationToken cancellationToken)
    {
        var technology = await db.Technologies.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (technology is null)
        {
            return NotFound();
        }
        if (technology.Version != form.Version)
        {
            var current = ToForm(technology);
            form.Version = technology.Version;
            ModelState.Remove($"{Prefix}.{nameof(form.Version)}");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("TechnologyForm", new CatalogFormPage<TechnologyForm>
            {
                Form = form,
                Id = id,
                Slug = technology.Slug,
                Conflict = [.. Differences(current, form)],
            });
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("TechnologyForm", new CatalogFormPage<TechnologyForm> { Form = form, Id = id, Slug = technology.Slug });
        }
        Apply(form, technology);
        db.Entry(technology).Property(t => t.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await Update(id, form, cancellationToken);
        }
        await cache.EvictByTagAsync(CachePolicies.Public, cancellationToken);
        TempData["Notice"] = $"Technologie « {technology.Name} » enregistrée.";
        return Redirect("/edition/technologies");
    }

    private static TechnologyForm ToForm(Technology t) => new()
    {
        Name = t.Name,
        Description = t.Description,
        Position = t.Position,
        Version = t.Version,
    };

    private static IEnumerable<CurrentValue> Differences(TechnologyForm current, TechnologyForm mine)
    {
        if (current.Name != mine.Name?.Trim())
        {
            yield return new("Nom", current.Name);
        }
        if (current.Description != Cleaned(mine.Description))
        {
            yield return new("Description", current.Description);
        }
        if (current.Position != mine.Position)
        {
            yield return new("Rang dans la liste", current.Position.ToString());
        }
    }

    private static string? Cleaned(string? text) => string.IsNullOrWhiteSpace(text) ? null : FrenchTypography.Apply(text.Trim());

    private static void Apply(TechnologyForm form, Technology technology)
    {
        technology.Name = FrenchTypography.Apply(form.Name!.Trim());
        technology.Description = Cleaned(form.Description);
        technology.Position = form.Position;
    }
}
