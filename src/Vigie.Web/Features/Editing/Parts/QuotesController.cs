using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Editing.Parts;

public sealed class QuoteForm : PartForm
{
    [Required(ErrorMessage = "Indiquez qui parle.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [Display(Name = "Personne citée")]
    public string? Speaker { get; set; }

    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    [Display(Name = "Fonction")]
    public string? SpeakerRole { get; set; }

    [Required(ErrorMessage = "Indiquez les mots cités.")]
    [StringLength(5000, ErrorMessage = "5 000 caractères au plus.")]
    [Display(Name = "Texte cité (sans guillemets)")]
    public string? Text { get; set; }

    [StringLength(40, ErrorMessage = "40 caractères au plus.")]
    [Display(Name = "Date")]
    public string? SaidOn { get; set; }
}

[Route("edition/dossiers/{caseId:int}/citations")]
public sealed class QuotesController(VigieDbContext db, CaseChanges changes) : CasePartController<Quote, QuoteForm>(db, changes)
{
    public static readonly PartKind Words = new(RevisionEntity.Quote, "citations", "Citations", "Nouvelle citation", "Modifier la citation",
        "Ajouter une citation", "Citation ajoutée", "Citation modifiée", "Citation supprimée", "Aucune citation pour l'instant.",
        "Supprimer cette citation ?", "QuoteForm");

    protected override PartKind Kind => Words;

    protected override IOrderedQueryable<Quote> Ordered(IQueryable<Quote> parts) => parts.OrderBy(q => q.Position).ThenBy(q => q.Id);

    protected override PartRow Row(Quote q, Func<int?, int?> sourceNumber) => new(q.Id, $"« {Short(q.Text)} »",
        string.Join(", ", new[] { q.Speaker, q.SpeakerRole, q.SaidOn is null ? null : Fr.Date(q.SaidOn, q.SaidOnPrecision) }.OfType<string>()),
        sourceNumber(q.SourceId));

    protected override string Describe(Quote q) => $"{q.Speaker}, « {Short(q.Text)} »";

    protected override QuoteForm ToForm(Quote q, Func<int?, int?> sourceNumber) => new()
    {
        Speaker = q.Speaker,
        SpeakerRole = q.SpeakerRole,
        Text = q.Text,
        SaidOn = Fr.DateInput(q.SaidOn, q.SaidOnPrecision),
        Source = sourceNumber(q.SourceId),
    };

    protected override Task ValidateAsync(QuoteForm form, PartEditContext context, CancellationToken cancellationToken)
    {
        PartInput.CheckDate(context, nameof(form.SaidOn), form.SaidOn, required: false);
        context.CheckSource(form.Source);
        return Task.CompletedTask;
    }

    protected override Task ApplyAsync(QuoteForm form, Quote q, PartEditContext context, CancellationToken cancellationToken)
    {
        q.Speaker = PartInput.Required(form.Speaker);
        q.SpeakerRole = PartInput.Text(form.SpeakerRole);
        // The page adds the guillemets; ones typed around the text would be doubled.
        q.Text = PartInput.Required(form.Text?.Trim().TrimStart('«', '"', ' ', '\u00a0').TrimEnd('»', '"', ' ', '\u00a0'));
        (q.SaidOn, q.SaidOnPrecision) = PartInput.Date(form.SaidOn);
        q.SourceId = context.SourceId(form.Source);
        return Task.CompletedTask;
    }

    protected override async Task<Quote> NewAsync(PartEditContext context, CancellationToken cancellationToken) => new()
    {
        CaseId = context.Case.Id,
        Speaker = "",
        Text = "",
        Position = (await Db.Quotes.Where(q => q.CaseId == context.Case.Id).MaxAsync(q => (int?)q.Position, cancellationToken) ?? 0) + 1,
    };

    private static string Short(string text) => text.Length <= 90 ? text : text[..87] + "…";
}
