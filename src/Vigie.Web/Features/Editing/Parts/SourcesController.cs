using System.ComponentModel.DataAnnotations;
using Markdig.Syntax;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Markdown;

namespace Vigie.Web.Features.Editing.Parts;

public sealed class SourceForm : PartForm
{
    [Required(ErrorMessage = "Indiquez l'adresse de la source (https://…).")]
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [Display(Name = "Adresse (URL)")]
    public string? Url { get; set; }

    [Required(ErrorMessage = "Indiquez le titre de l'article ou du document.")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    [Display(Name = "Titre")]
    public string? Title { get; set; }

    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [Display(Name = "Média ou éditeur")]
    public string? Publisher { get; set; }

    [StringLength(40, ErrorMessage = "40 caractères au plus.")]
    [Display(Name = "Date de publication")]
    public string? PublishedOn { get; set; }

    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [Display(Name = "Copie archivée (URL)")]
    public string? ArchiveUrl { get; set; }
}

/// <summary>
/// A new source takes the next number. Numbers never change afterwards, since the narrative cites them:
/// a source still cited by the narrative or by a fact cannot be deleted, and the refusal says where it is cited.
/// </summary>
[Route("edition/dossiers/{caseId:int}/sources")]
public sealed class SourcesController(VigieDbContext db, CaseChanges changes) : CasePartController<Source, SourceForm>(db, changes)
{
    public static readonly PartKind Words = new(RevisionEntity.Source, "sources", "Sources", "Nouvelle source", "Modifier la source",
        "Ajouter une source", "Source ajoutée", "Source modifiée", "Source supprimée", "Aucune source pour l'instant.",
        "Supprimer cette source ?", "SourceForm");

    protected override PartKind Kind => Words;

    protected override IOrderedQueryable<Source> Ordered(IQueryable<Source> parts) => parts.OrderBy(s => s.Number);

    protected override PartRow Row(Source s, Func<int?, int?> sourceNumber) => new(s.Id, $"[{s.Number}] « {s.Title} »",
        string.Join(" · ", new[] { s.Publisher, s.PublishedOn is null ? null : Fr.Date(s.PublishedOn, s.PublishedOnPrecision), s.Url }.OfType<string>()),
        null);

    protected override string Describe(Source s) => $"[{s.Number}] « {s.Title} »";

    protected override SourceForm ToForm(Source s, Func<int?, int?> sourceNumber) => new()
    {
        Url = s.Url,
        Title = s.Title,
        Publisher = s.Publisher,
        PublishedOn = Fr.DateInput(s.PublishedOn, s.PublishedOnPrecision),
        ArchiveUrl = s.ArchiveUrl,
    };

    protected override Task ValidateAsync(SourceForm form, PartEditContext context, CancellationToken cancellationToken)
    {
        PartInput.CheckWebUrl(context, nameof(form.Url), form.Url);
        PartInput.CheckWebUrl(context, nameof(form.ArchiveUrl), form.ArchiveUrl);
        PartInput.CheckDate(context, nameof(form.PublishedOn), form.PublishedOn, required: false);
        var url = form.Url?.Trim();
        var duplicate = context.Case.Sources.FirstOrDefault(s => s.Url == url && s.Id != context.PartId);
        if (url is not null && duplicate is not null)
        {
            context.Error(nameof(form.Url), $"Cette adresse est déjà la source n° {duplicate.Number} du dossier.");
        }
        return Task.CompletedTask;
    }

    protected override Task ApplyAsync(SourceForm form, Source s, PartEditContext context, CancellationToken cancellationToken)
    {
        s.Url = form.Url!.Trim();
        s.Title = PartInput.Required(form.Title);
        s.Publisher = PartInput.Text(form.Publisher);
        (s.PublishedOn, s.PublishedOnPrecision) = PartInput.Date(form.PublishedOn);
        s.ArchiveUrl = PartInput.Plain(form.ArchiveUrl);
        return Task.CompletedTask;
    }

    protected override Task<Source> NewAsync(PartEditContext context, CancellationToken cancellationToken) => Task.FromResult(new Source
    {
        CaseId = context.Case.Id,
        Number = context.Case.Sources.Select(s => s.Number).DefaultIfEmpty(0).Max() + 1,
        Url = "",
        Title = "",
    });

    protected override async Task<IReadOnlyList<string>> CitedInAsync(Source s, Case entity, CancellationToken cancellationToken)
    {
        var citedIn = new List<string>();
        var inNarrative = NarrativeMarkdown.Parse(entity.Body).Descendants<SourceCitation>().Count(c => c.Number == s.Number);
        if (inNarrative > 0)
        {
            citedIn.Add($"le récit ({Fr.Count(inNarrative, "appel", "appels")} [@{s.Number}])");
        }
        citedIn.AddRange(await Db.Contracts.Where(k => k.SourceId == s.Id).Select(k => "le marché « " + k.Object + " »").ToListAsync(cancellationToken));
        citedIn.AddRange(await Db.Fundings.Where(f => f.SourceId == s.Id).Select(f => "le financement « " + f.Label + " »").ToListAsync(cancellationToken));
        citedIn.AddRange(await Db.TimelineEvents.Where(e => e.SourceId == s.Id).Select(e => "l'événement « " + e.Title + " »").ToListAsync(cancellationToken));
        citedIn.AddRange(await Db.Quotes.Where(q => q.SourceId == s.Id).Select(q => "la citation de " + q.Speaker).ToListAsync(cancellationToken));
        return citedIn;
    }
}
