using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Editing.Parts;

public sealed class TimelineEventForm : PartForm
{
    [Required(ErrorMessage = "Indiquez la date. " + PartInput.DateHelp)]
    [StringLength(40, ErrorMessage = "40 caractères au plus.")]
    [Display(Name = "Date")]
    public string? OccurredOn { get; set; }

    [Required(ErrorMessage = "Indiquez ce qui s'est passé.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    [Display(Name = "Titre")]
    public string? Title { get; set; }

    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }
}

[Route("edition/dossiers/{caseId:int}/chronologie")]
public sealed class TimelineController(VigieDbContext db, CaseChanges changes) : CasePartController<TimelineEvent, TimelineEventForm>(db, changes)
{
    public static readonly PartKind Words = new(RevisionEntity.TimelineEvent, "chronologie", "Chronologie", "Nouvel événement",
        "Modifier l'événement", "Ajouter un événement", "Événement ajouté", "Événement modifié", "Événement supprimé",
        "Aucun événement pour l'instant.", "Supprimer cet événement ?", "TimelineEventForm");

    protected override PartKind Kind => Words;

    protected override IOrderedQueryable<TimelineEvent> Ordered(IQueryable<TimelineEvent> parts) => parts.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id);

    protected override PartRow Row(TimelineEvent e, Func<int?, int?> sourceNumber) =>
        new(e.Id, e.Title, Fr.Date(e.OccurredOn, e.OccurredOnPrecision), sourceNumber(e.SourceId));

    protected override string Describe(TimelineEvent e) => $"« {e.Title} »";

    protected override TimelineEventForm ToForm(TimelineEvent e, Func<int?, int?> sourceNumber) => new()
    {
        OccurredOn = Fr.DateInput(e.OccurredOn, e.OccurredOnPrecision),
        Title = e.Title,
        Description = e.Description,
        Source = sourceNumber(e.SourceId),
    };

    protected override Task ValidateAsync(TimelineEventForm form, PartEditContext context, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(form.OccurredOn))
        {
            PartInput.CheckDate(context, nameof(form.OccurredOn), form.OccurredOn, required: true);
        }
        context.CheckSource(form.Source);
        return Task.CompletedTask;
    }

    protected override Task ApplyAsync(TimelineEventForm form, TimelineEvent e, PartEditContext context, CancellationToken cancellationToken)
    {
        var (date, precision) = PartInput.Date(form.OccurredOn);
        e.OccurredOn = date!.Value;
        e.OccurredOnPrecision = precision;
        e.Title = PartInput.Required(form.Title);
        e.Description = PartInput.Text(form.Description);
        e.SourceId = context.SourceId(form.Source);
        return Task.CompletedTask;
    }

    protected override Task<TimelineEvent> NewAsync(PartEditContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new TimelineEvent { CaseId = context.Case.Id, Title = "" });
}
