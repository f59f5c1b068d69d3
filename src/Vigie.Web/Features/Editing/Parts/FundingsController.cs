using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Editing.Parts;

public sealed class FundingForm : PartForm
{
    [Required(ErrorMessage = "Indiquez ce qui est financé.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    [Display(Name = "Poste")]
    public string? Label { get; set; }

    [Required(ErrorMessage = "Indiquez le montant en euros, par exemple « 20 000 000 » ou « 1 234,50 ».")]
    [StringLength(40, ErrorMessage = "40 caractères au plus.")]
    [Display(Name = "Montant en euros")]
    public string? Amount { get; set; }

    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [Display(Name = "Financeur")]
    public string? Funder { get; set; }

    [Range(1900, 2100, ErrorMessage = "Indiquez une année entre 1900 et 2100.")]
    [Display(Name = "Année")]
    public int? Year { get; set; }

    [Display(Name = "Montant estimé (pas un chiffre officiel)")]
    public bool IsEstimate { get; set; }
}

[Route("edition/dossiers/{caseId:int}/financements")]
public sealed class FundingsController(VigieDbContext db, CaseChanges changes) : CasePartController<Funding, FundingForm>(db, changes)
{
    public static readonly PartKind Words = new(RevisionEntity.Funding, "financements", "Financements", "Nouveau financement",
        "Modifier le financement", "Ajouter un financement", "Financement ajouté", "Financement modifié", "Financement supprimé",
        "Aucun financement pour l'instant.", "Supprimer ce financement ?", "FundingForm");

    protected override PartKind Kind => Words;

    protected override IOrderedQueryable<Funding> Ordered(IQueryable<Funding> parts) => parts.OrderBy(f => f.Position).ThenBy(f => f.Id);

    protected override PartRow Row(Funding f, Func<int?, int?> sourceNumber) => new(f.Id, f.Label,
        string.Join(" · ", new[] { Fr.Euros(f.AmountEuros) + (f.IsEstimate ? " (estimation)" : ""), f.Funder, f.Year?.ToString() }.OfType<string>()),
        sourceNumber(f.SourceId));

    protected override string Describe(Funding f) => $"« {f.Label} »";

    protected override FundingForm ToForm(Funding f, Func<int?, int?> sourceNumber) => new()
    {
        Label = f.Label,
        Amount = Fr.EurosInput(f.AmountEuros),
        Funder = f.Funder,
        Year = f.Year,
        IsEstimate = f.IsEstimate,
        Source = sourceNumber(f.SourceId),
    };

    protected override Task ValidateAsync(FundingForm form, PartEditContext context, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(form.Amount))
        {
            PartInput.CheckAmount(context, nameof(form.Amount), form.Amount, required: true);
        }
        context.CheckSource(form.Source);
        return Task.CompletedTask;
    }

    protected override Task ApplyAsync(FundingForm form, Funding f, PartEditContext context, CancellationToken cancellationToken)
    {
        f.Label = PartInput.Required(form.Label);
        f.AmountEuros = PartInput.Amount(form.Amount) ?? 0;
        f.Funder = PartInput.Text(form.Funder);
        f.Year = form.Year;
        f.IsEstimate = form.IsEstimate;
        f.SourceId = context.SourceId(form.Source);
        return Task.CompletedTask;
    }

    protected override async Task<Funding> NewAsync(PartEditContext context, CancellationToken cancellationToken) => new()
    {
        CaseId = context.Case.Id,
        Label = "",
        Position = (await Db.Fundings.Where(f => f.CaseId == context.Case.Id).MaxAsync(f => (int?)f.Position, cancellationToken) ?? 0) + 1,
    };
}
