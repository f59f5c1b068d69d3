using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Municipalities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Editing.Parts;

public sealed class ContractForm : PartForm
{
    [Required(ErrorMessage = "Indiquez l'objet du marché.")]
    [StringLength(1000, ErrorMessage = "L'objet fait au plus 1 000 caractères.")]
    [Display(Name = "Objet")]
    public string? Object { get; set; }

    /// <summary>Vendor slug.</summary>
    [Display(Name = "Prestataire")]
    public string? Vendor { get; set; }

    [StringLength(250, ErrorMessage = "250 caractères au plus.")]
    [Display(Name = "Acheteur (si ce n'est pas la commune du dossier)")]
    public string? Buyer { get; set; }

    public string? BuyerCode { get; set; }

    [StringLength(40, ErrorMessage = "40 caractères au plus.")]
    [Display(Name = "Date de signature")]
    public string? SignedOn { get; set; }

    [StringLength(40, ErrorMessage = "40 caractères au plus.")]
    [Display(Name = "Montant en euros")]
    public string? Amount { get; set; }

    [StringLength(200, ErrorMessage = "La référence fait au plus 200 caractères.")]
    [Display(Name = "Référence")]
    public string? Reference { get; set; }

    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [Display(Name = "Ce qui manque")]
    public string? Missing { get; set; }

    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }
}

[Route("edition/dossiers/{caseId:int}/marches")]
public sealed class ContractsController(VigieDbContext db, CaseChanges changes, MunicipalityResolver municipalities)
    : CasePartController<Contract, ContractForm>(db, changes)
{
    public static readonly PartKind Words = new(RevisionEntity.Contract, "marches", "Marchés et contrats", "Nouveau marché", "Modifier le marché",
        "Ajouter un marché", "Marché ajouté", "Marché modifié", "Marché supprimé", "Aucun marché pour l'instant.", "Supprimer ce marché ?", "ContractForm");

    private int? _buyerId;

    protected override PartKind Kind => Words;

    protected override bool ShowsVendors => true;

    protected override IQueryable<Contract> WithReferences(IQueryable<Contract> parts) =>
        parts.Include(k => k.Vendor).Include(k => k.BuyerMunicipality);

    protected override IOrderedQueryable<Contract> Ordered(IQueryable<Contract> parts) =>
        parts.OrderBy(k => k.SignedOn).ThenBy(k => k.Position).ThenBy(k => k.Id);

    protected override PartRow Row(Contract k, Func<int?, int?> sourceNumber) => new(k.Id, k.Object,
        string.Join(" · ", new[]
        {
            k.SignedOn is null ? "date inconnue" : "signé " + Fr.Date(k.SignedOn, k.SignedOnPrecision),
            k.Vendor?.Name,
            k.AmountEuros is decimal a ? Fr.Euros(a) : "montant non communiqué",
        }.OfType<string>()),
        sourceNumber(k.SourceId));

    protected override string Describe(Contract k) => $"« {(k.Object.Length > 80 ? k.Object[..77] + "…" : k.Object)} »";

    protected override ContractForm ToForm(Contract k, Func<int?, int?> sourceNumber) => new()
    {
        Object = k.Object,
        Vendor = k.Vendor?.Slug,
        Buyer = k.BuyerMunicipality is { } m ? new MunicipalityOption(m.Id, m.InseeCode, m.Name, m.DepartmentCode, m.Population).FieldValue : null,
        SignedOn = Fr.DateInput(k.SignedOn, k.SignedOnPrecision),
        Amount = Fr.EurosInput(k.AmountEuros),
        Reference = k.Reference,
        Missing = k.Missing,
        Notes = k.Notes,
        Source = sourceNumber(k.SourceId),
    };

    protected override async Task ValidateAsync(ContractForm form, PartEditContext context, CancellationToken cancellationToken)
    {
        PartInput.CheckDate(context, nameof(form.SignedOn), form.SignedOn, required: false);
        PartInput.CheckAmount(context, nameof(form.Amount), form.Amount, required: false);
        context.CheckSource(form.Source);
        if (!string.IsNullOrWhiteSpace(form.Vendor) && !await Db.Vendors.AnyAsync(v => v.Slug == form.Vendor, cancellationToken))
        {
            context.Error(nameof(form.Vendor), "Ce prestataire n'existe plus : rechargez la page.");
        }
        var buyer = await municipalities.ResolveAsync(form.Buyer, form.BuyerCode, cancellationToken);
        switch (buyer.Match)
        {
            case MunicipalityMatch.Found:
                _buyerId = buyer.Municipality!.Id;
                form.Buyer = buyer.Municipality.FieldValue;
                form.BuyerCode = null;
                context.Normalized(nameof(form.Buyer));
                context.Normalized(nameof(form.BuyerCode));
                break;
            case MunicipalityMatch.Ambiguous:
                context.MunicipalityCandidates = buyer.Candidates;
                context.Error(nameof(form.Buyer), "Plusieurs communes correspondent : choisissez-la ci-dessous.");
                break;
            case MunicipalityMatch.NotFound:
                context.Error(nameof(form.Buyer), $"Aucune commune ne correspond à « {form.Buyer?.Trim()} ». Vérifiez l'orthographe ou indiquez le code INSEE.");
                break;
        }
    }

    protected override async Task ApplyAsync(ContractForm form, Contract k, PartEditContext context, CancellationToken cancellationToken)
    {
        k.Object = PartInput.Required(form.Object);
        k.Vendor = string.IsNullOrWhiteSpace(form.Vendor) ? null : await Db.Vendors.SingleAsync(v => v.Slug == form.Vendor, cancellationToken);
        k.VendorId = k.Vendor?.Id;
        k.BuyerMunicipality = _buyerId is int buyer ? await Db.Municipalities.FindAsync([buyer], cancellationToken) : null;
        k.BuyerMunicipalityId = _buyerId;
        (k.SignedOn, k.SignedOnPrecision) = PartInput.Date(form.SignedOn);
        k.AmountEuros = PartInput.Amount(form.Amount);
        k.Reference = PartInput.Plain(form.Reference);
        k.Missing = PartInput.Text(form.Missing);
        k.Notes = PartInput.Text(form.Notes);
        k.SourceId = context.SourceId(form.Source);
    }

    protected override async Task<Contract> NewAsync(PartEditContext context, CancellationToken cancellationToken) => new()
    {
        CaseId = context.Case.Id,
        Object = "",
        Position = (await Db.Contracts.Where(k => k.CaseId == context.Case.Id).MaxAsync(k => (int?)k.Position, cancellationToken) ?? 0) + 1,
    };
}
