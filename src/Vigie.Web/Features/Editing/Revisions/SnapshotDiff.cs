using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Editing.Revisions;

/// <summary>
/// Field-by-field differences between two snapshots of a case, as people read the values. Parts are
/// matched by id: a part only in <c>after</c> was added (every field goes from nothing to its value), a
/// part only in <c>before</c> was deleted.
/// </summary>
public static class SnapshotDiff
{
    private sealed record Field(string Key, string Label, string? Value);

    public static List<FieldChange> Compare(CaseSnapshot? before, CaseSnapshot after)
    {
        var changes = new List<FieldChange>();
        Pair(changes, RevisionEntity.Case, null, null, before is null ? [] : CaseFields(before), CaseFields(after));
        Parts(changes, RevisionEntity.Source, before?.Sources, after.Sources, s => s.Id, SourceLabel, SourceFields);
        Parts(changes, RevisionEntity.Contract, before?.Contracts, after.Contracts, k => k.Id, ContractLabel, ContractFields);
        Parts(changes, RevisionEntity.Funding, before?.Fundings, after.Fundings, f => f.Id, FundingLabel, FundingFields);
        Parts(changes, RevisionEntity.TimelineEvent, before?.TimelineEvents, after.TimelineEvents, e => e.Id, EventLabel, EventFields);
        Parts(changes, RevisionEntity.Quote, before?.Quotes, after.Quotes, q => q.Id, QuoteLabel, QuoteFields);
        return changes;
    }

    private static string SourceLabel(SourceSnapshot s) => $"Source [{s.Number}]";

    private static string ContractLabel(ContractSnapshot k) => $"Marché « {Short(k.Object)} »";

    private static string FundingLabel(FundingSnapshot f) => $"Financement « {Short(f.Label)} »";

    private static string EventLabel(TimelineEventSnapshot e) => $"Événement « {Short(e.Title)} »";

    private static string QuoteLabel(QuoteSnapshot q) => $"Citation de {q.Speaker}";

    private static IEnumerable<Field> CaseFields(CaseSnapshot c) =>
    [
        new("title", "Titre", c.Title),
        new("slug", "Adresse", c.Slug),
        new("municipality", "Commune", c.Municipality.Name),
        new("summary", "Résumé", c.Summary),
        new("body", "Récit", c.Body),
        new("status", "Statut", Labels.Of(c.Status)),
        new("technologies", "Technologies", Join(c.Technologies)),
        new("vendors", "Prestataires", Join(c.Vendors)),
    ];

    private static IEnumerable<Field> SourceFields(SourceSnapshot s) =>
    [
        new("number", "Numéro", $"[{s.Number}]"),
        new("url", "Adresse", s.Url),
        new("title", "Titre", s.Title),
        new("publisher", "Média ou éditeur", s.Publisher),
        new("publishedOn", "Date", Date(s.PublishedOn, s.PublishedOnPrecision)),
        new("archiveUrl", "Copie archivée", s.ArchiveUrl),
    ];

    private static IEnumerable<Field> ContractFields(ContractSnapshot k) =>
    [
        new("object", "Objet", k.Object),
        new("vendor", "Prestataire", k.Vendor?.Name),
        new("buyer", "Acheteur", k.Buyer?.Name),
        new("signedOn", "Signé", Date(k.SignedOn, k.SignedOnPrecision)),
        new("amount", "Montant", k.AmountEuros is decimal a ? Fr.Euros(a) : null),
        new("reference", "Référence", k.Reference),
        new("missing", "Manquant", k.Missing),
        new("notes", "Notes", k.Notes),
        new("source", "Source", Source(k.Source)),
    ];

    private static IEnumerable<Field> FundingFields(FundingSnapshot f) =>
    [
        new("label", "Poste", f.Label),
        new("amount", "Montant", Fr.Euros(f.AmountEuros)),
        new("funder", "Financeur", f.Funder),
        new("year", "Année", f.Year?.ToString()),
        new("estimate", "Estimation", f.IsEstimate ? "oui" : "non"),
        new("source", "Source", Source(f.Source)),
    ];

    private static IEnumerable<Field> EventFields(TimelineEventSnapshot e) =>
    [
        new("occurredOn", "Date", Date(e.OccurredOn, e.OccurredOnPrecision)),
        new("title", "Titre", e.Title),
        new("description", "Description", e.Description),
        new("source", "Source", Source(e.Source)),
    ];

    private static IEnumerable<Field> QuoteFields(QuoteSnapshot q) =>
    [
        new("speaker", "Personne citée", q.Speaker),
        new("speakerRole", "Fonction", q.SpeakerRole),
        new("text", "Texte", q.Text),
        new("saidOn", "Date", Date(q.SaidOn, q.SaidOnPrecision)),
        new("source", "Source", Source(q.Source)),
    ];

    private static void Parts<T>(List<FieldChange> changes, RevisionEntity entity, IReadOnlyList<T>? before, IReadOnlyList<T> after,
        Func<T, int> id, Func<T, string> label, Func<T, IEnumerable<Field>> fields)
    {
        var old = (before ?? []).ToDictionary(id);
        foreach (var part in after)
        {
            Pair(changes, entity, id(part), label(part), old.Remove(id(part), out var previous) ? fields(previous) : [], fields(part));
        }
        foreach (var removed in old.Values)
        {
            Pair(changes, entity, id(removed), label(removed), fields(removed), []);
        }
    }

    private static void Pair(List<FieldChange> changes, RevisionEntity entity, int? entityId, string? entityLabel,
        IEnumerable<Field> before, IEnumerable<Field> after)
    {
        var old = before.ToDictionary(f => f.Key);
        var now = after.ToDictionary(f => f.Key);
        foreach (var key in old.Keys.Union(now.Keys))
        {
            var oldValue = Empty(old.GetValueOrDefault(key)?.Value);
            var newValue = Empty(now.GetValueOrDefault(key)?.Value);
            if (oldValue != newValue)
            {
                var label = (now.GetValueOrDefault(key) ?? old[key]).Label;
                changes.Add(new FieldChange(entity, entityId, entityLabel, key, label, oldValue, newValue));
            }
        }
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? Join(List<SnapshotRef> refs) => refs.Count == 0 ? null : string.Join(", ", refs.Select(r => r.Name));

    private static string? Date(DateOnly? date, DatePrecision precision) => date is null ? null : Fr.Date(date, precision);

    private static string? Source(int? number) => number is int n ? $"[{n}]" : null;

    private static string Short(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57).TrimEnd(), "…");
}
