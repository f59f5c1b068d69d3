using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Security;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Editing.Catalog;

/// <summary>Vendors are shared by every case: editors create and correct them. A slug is fixed once created.</summary>
[Authorize(Policy = Policies.Editor)]
[Route("edition/prestataires")]
public sealed class VendorsEditorController(VigieDbContext db, IOutputCacheStore cache) : Controller
{
    private const string Prefix = "Form";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Vendors.AsNoTracking().OrderBy(v => v.Name)
            .Select(v => new CatalogRow(v.Id, v.Slug, v.Name, v.Country, v.Cases.Count))
            .ToListAsync(cancellationToken);
        return View("List", new CatalogListPage("Prestataires", "prestataires", "prestataires", "Nouveau prestataire",
            "Les entreprises et organismes qui vendent, installent ou exploitent les dispositifs. Ils sont partagés entre tous les dossiers.", rows));
    }

    [HttpGet("nouveau")]
    public IActionResult New() => View("VendorForm", new CatalogFormPage<VendorForm> { Form = new VendorForm() });

    [HttpPost("nouveau")]
    public async Task<IActionResult> Create([Bind(Prefix = Prefix)] VendorForm form, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(string.IsNullOrWhiteSpace(form.Slug) ? form.Name ?? "" : form.Slug);
        await ValidateAsync(form, cancellationToken);
        if (slug.Length == 0 && !string.IsNullOrWhiteSpace(form.Name))
        {
            ModelState.AddModelError($"{Prefix}.{nameof(form.Slug)}", "L'adresse doit contenir au moins une lettre ou un chiffre.");
        }
        else if (slug.Length > 0 && await db.Vendors.AnyAsync(v => v.Slug == slug, cancellationToken))
        {
            ModelState.AddModelError($"{Prefix}.{nameof(form.Slug)}", $"L'adresse « {slug} » est déjà celle d'un autre prestataire.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("VendorForm", new CatalogFormPage<VendorForm> { Form = form });
        }
        var vendor = new Vendor { Slug = slug, Name = "" };
        Apply(form, vendor);
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(CachePolicies.Public, cancellationToken);
        TempData["Notice"] = $"Prestataire « {vendor.Name} » ajouté : il peut maintenant être coché dans les dossiers.";
        return Redirect("/edition/prestataires");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return vendor is null ? NotFound() : View("VendorForm", new CatalogFormPage<VendorForm> { Form = ToForm(vendor), Id = id, Slug = vendor.Slug });
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = Prefix)] VendorForm form, CancellationToken cancellationToken)
    {
        var vendor = await db.Vendors.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (vendor is null)
        {
            return NotFound();
        }
        await ValidateAsync(form, cancellationToken);
        if (vendor.Version != form.Version)
        {
            var current = ToForm(vendor);
            form.Version = vendor.Version;
            ModelState.Remove($"{Prefix}.{nameof(form.Version)}");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("VendorForm", new CatalogFormPage<VendorForm>
            {
                Form = form,
                Id = id,
                Slug = vendor.Slug,
                Conflict = [.. Differences(current, form)],
            });
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("VendorForm", new CatalogFormPage<VendorForm> { Form = form, Id = id, Slug = vendor.Slug });
        }
        Apply(form, vendor);
        db.Entry(vendor).Property(v => v.Version).OriginalValue = form.Version;
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
        TempData["Notice"] = $"Prestataire « {vendor.Name} » enregistré.";
        return Redirect("/edition/prestataires");
    }

    private static VendorForm ToForm(Vendor v) => new()
    {
        Name = v.Name,
        Country = v.Country,
        Website = v.Website,
        Description = v.Description,
        Version = v.Version,
    };

    private static IEnumerable<CurrentValue> Differences(VendorForm current, VendorForm mine)
    {
        if (current.Name != mine.Name?.Trim())
        {
            yield return new("Nom", current.Name);
        }
        if (current.Country != Cleaned(mine.Country))
        {
            yield return new("Pays", current.Country);
        }
        if (current.Website != Cleaned(mine.Website))
        {
            yield return new("Site web", current.Website);
        }
        if (current.Description != Cleaned(mine.Description))
        {
            yield return new("Description", current.Description);
        }
    }

    private static string? Cleaned(string? text) => string.IsNullOrWhiteSpace(text) ? null : FrenchTypography.Apply(text.Trim());

    private Task ValidateAsync(VendorForm form, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(form.Website) && !UrlPolicy.IsWebUrl(form.Website.Trim()))
        {
            ModelState.AddModelError($"{Prefix}.{nameof(form.Website)}", "L'adresse doit commencer par http:// ou https://.");
        }
        return Task.CompletedTask;
    }

    private static void Apply(VendorForm form, Vendor vendor)
    {
        vendor.Name = FrenchTypography.Apply(form.Name!.Trim());
        vendor.Country = Cleaned(form.Country);
        vendor.Website = string.IsNullOrWhiteSpace(form.Website) ? null : form.Website.Trim();
        vendor.Description = Cleaned(form.Description);
    }
}
