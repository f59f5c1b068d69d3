using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Markdown;
using Vigie.Web.Infrastructure.Security;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.PublicBodies;

public sealed class PublicBodyForm
{
    [Display(Name = "Type")]
    public PublicBodyKind Kind { get; set; } = PublicBodyKind.Intercommunality;

    [Required(ErrorMessage = "Indiquez le nom de l'organisme.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    [Display(Name = "Nom")]
    public string Name { get; set; } = "";

    [Display(Name = "Département (ses jours fériés s'appliquent aux délais)")]
    public string? DepartmentCode { get; set; }

    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    [Display(Name = "Adresse postale")]
    public string? PostalAddress { get; set; }

    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide.")]
    [StringLength(256)]
    [Display(Name = "Courriel de la personne responsable de l'accès aux documents (PRADA)")]
    public string? PradaEmail { get; set; }

    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide.")]
    [StringLength(256)]
    [Display(Name = "Courriel général")]
    public string? Email { get; set; }

    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    [Display(Name = "Site web")]
    public string? Website { get; set; }

    /// <summary>The row version read with the form, to refuse an edit made on a stale copy.</summary>
    public uint Version { get; set; }
}

public sealed record PublicBodyRow(int Id, PublicBodyKind Kind, string Name, string? DepartmentCode, string? InseeCode, string? PradaEmail, bool HasAddress);

public sealed record PublicBodyIndex(string? Query, PublicBodyKind? Kind, string? Department, IReadOnlyList<PublicBodyRow> Bodies, bool Truncated);

public sealed record PublicBodyFormPage(PublicBodyForm Form, int? Id, string? MunicipalityName, IReadOnlyList<Department> Departments, bool Conflict = false);

/// <summary>Public bodies: every member can look them up; editors create and maintain them.</summary>
[Route("organismes")]
public sealed class PublicBodiesController(VigieDbContext db, TimeProvider clock) : Controller
{
    private const int MaxResults = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? query, [FromQuery(Name = "type")] PublicBodyKind? kind,
        [FromQuery(Name = "departement")] string? department, CancellationToken cancellationToken)
    {
        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        department = string.IsNullOrWhiteSpace(department) ? null : department.Trim().ToUpperInvariant();
        // Without a search, the bodies editors added or completed (the 35 000 communes would drown them).
        var bodies = query is null && department is null && kind is null
            ? await db.PublicBodies.AsNoTracking().Include(b => b.Municipality)
                .Where(b => b.Kind != PublicBodyKind.Commune || b.PostalAddress != null || b.PradaEmail != null)
                .OrderBy(b => b.Kind).ThenBy(b => b.Name).Take(MaxResults + 1).ToListAsync(cancellationToken)
            : await PublicBodySearch.FindAsync(db, query, kind, department, MaxResults + 1, cancellationToken);
        var rows = bodies.Take(MaxResults).Select(b => new PublicBodyRow(b.Id, b.Kind, b.Name, b.DepartmentCode, b.Municipality?.InseeCode,
            b.PradaEmail, b.PostalAddress is not null)).ToList();
        return View(new PublicBodyIndex(query, kind, department, rows, bodies.Count > MaxResults));
    }

    [HttpGet("nouveau")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", await FormPageAsync(new PublicBodyForm(), null, null, cancellationToken));

    [HttpPost("nouveau")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Create(PublicBodyForm form, CancellationToken cancellationToken)
    {
        await ValidateAsync(form, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await FormPageAsync(form, null, null, cancellationToken));
        }
        var body = new PublicBody { Name = form.Name.Trim(), Kind = form.Kind };
        Apply(form, body);
        db.PublicBodies.Add(body);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"Organisme « {body.Name} » créé.";
        return Redirect($"/organismes?q={Uri.EscapeDataString(body.Name)}");
    }

    [HttpGet("{id:int}/modifier")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var body = await db.PublicBodies.AsNoTracking().Include(b => b.Municipality).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return NotFound();
        }
        var form = new PublicBodyForm
        {
            Kind = body.Kind,
            Name = body.Name,
            DepartmentCode = body.DepartmentCode,
            PostalAddress = body.PostalAddress,
            PradaEmail = body.PradaEmail,
            Email = body.Email,
            Website = body.Website,
            Version = body.Version,
        };
        return View("Form", await FormPageAsync(form, id, body.Municipality?.Name, cancellationToken));
    }

    [HttpPost("{id:int}/modifier")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Update(int id, PublicBodyForm form, CancellationToken cancellationToken)
    {
        var body = await db.PublicBodies.Include(b => b.Municipality).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return NotFound();
        }
        await ValidateAsync(form, body, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await FormPageAsync(form, id, body.Municipality?.Name, cancellationToken));
        }
        db.Entry(body).Property(b => b.Version).OriginalValue = form.Version;
        if (body.Kind != PublicBodyKind.Commune)
        {
            body.Name = form.Name.Trim();
            body.Kind = form.Kind;
        }
        Apply(form, body);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Quelqu'un a modifié cet organisme pendant que vous l'éditiez. Vérifiez la version actuelle ci-dessous avant d'enregistrer de nouveau.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            db.ChangeTracker.Clear();
            var current = await db.PublicBodies.AsNoTracking().FirstAsync(b => b.Id == id, cancellationToken);
            form.Version = current.Version;
            return View("Form", await FormPageAsync(form, id, body.Municipality?.Name, cancellationToken) with { Conflict = true });
        }
        TempData["Notice"] = $"Organisme « {body.Name} » enregistré.";
        return Redirect($"/organismes?q={Uri.EscapeDataString(body.Name)}");
    }

    private void Apply(PublicBodyForm form, PublicBody body)
    {
        if (body.Kind != PublicBodyKind.Commune)
        {
            body.DepartmentCode = string.IsNullOrWhiteSpace(form.DepartmentCode) ? null : form.DepartmentCode.Trim().ToUpperInvariant();
        }
        body.Slug = Slugs.From(body.Name);
        body.PostalAddress = Clean(form.PostalAddress);
        body.PradaEmail = Clean(form.PradaEmail);
        body.Email = Clean(form.Email);
        body.Website = Clean(form.Website);
        body.UpdatedAt = clock.GetUtcNow();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    private async Task ValidateAsync(PublicBodyForm form, PublicBody? existing, CancellationToken cancellationToken)
    {
        if (existing is null && form.Kind == PublicBodyKind.Commune)
        {
            ModelState.AddModelError(nameof(form.Kind), "Chaque commune a déjà son organisme : cherchez-la plutôt que d'en créer une.");
        }
        if (existing is { Kind: not PublicBodyKind.Commune } && form.Kind == PublicBodyKind.Commune)
        {
            ModelState.AddModelError(nameof(form.Kind), "Un organisme ne peut pas devenir une commune.");
        }
        if (existing is not { Kind: PublicBodyKind.Commune })
        {
            if (string.IsNullOrWhiteSpace(form.DepartmentCode))
            {
                ModelState.AddModelError(nameof(form.DepartmentCode), "Indiquez le département du siège : ses jours fériés décalent les délais.");
            }
            else if (!await db.Departments.AnyAsync(d => d.Code == form.DepartmentCode.Trim().ToUpperInvariant(), cancellationToken))
            {
                ModelState.AddModelError(nameof(form.DepartmentCode), "Ce département n'existe pas.");
            }
        }
        if (!string.IsNullOrWhiteSpace(form.Website) && !UrlPolicy.IsWebUrl(form.Website.Trim()))
        {
            ModelState.AddModelError(nameof(form.Website), "L'adresse doit commencer par https:// ou http://.");
        }
    }

    private async Task<PublicBodyFormPage> FormPageAsync(PublicBodyForm form, int? id, string? municipality, CancellationToken cancellationToken) =>
        new(form, id, municipality, await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken));
}
