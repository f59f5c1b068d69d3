namespace Vigie.Web.Features.Requests.Deadlines;

// "Refus implicite le 2 octobre 2019 : un mois sans réponse après réception le 2 septembre (art. R311-13 CRPA)."
// followed, when they apply, by the move to a working day, a note, the enforceability and the Covid check.
internal static class DeadlineExplanations
{
    public static string Compose(
        DeadlineRule rule,
        DateOnly date,
        StartingPoint from,
        DateOnly? movedFrom,
        string? movedBecause,
        string? force,
        string? note,
        bool needsCovidCheck)
    {
        var estimate = from.IsEstimate ? " (estimation)" : "";
        var caveat = from.Caveat is null ? "" : $", {from.Caveat}";
        var sentences = new List<string>
        {
            $"{rule.Headline} {FrenchDates.Long(date)}{estimate} : {rule.Span} après {from.Event} le "
            + $"{FrenchDates.Relative(from.Date, date)}{caveat} ({rule.Article}).",
        };
        if (movedFrom is { } legalEnd)
            sentences.Add($"Échéance du {FrenchDates.WithWeekday(legalEnd)} reportée au premier jour ouvré ({movedBecause}).");
        if (note is not null)
            sentences.Add(note);
        if (!string.IsNullOrEmpty(force))
            sentences.Add(force);
        if (needsCovidCheck)
            sentences.Add(
                "À faire vérifier par une personne : ce délai court pendant la période du 12 mars au 23 juin 2020 "
                + "(ordonnance n° 2020-306).");
        return string.Join(" ", sentences);
    }
}
