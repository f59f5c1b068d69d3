namespace Vigie.Web.Features.Requests.Deadlines;

// "Refus implicite le 2 octobre 2019 : un mois sans réponse après réception le 2 septembre (art. R311-13 CRPA)."
// followed, when they apply, by how the days count (délai franc or not), the move to a working day, the earlier date
// advised where the law is unsettled, a note, the enforceability and the Covid check.
internal static class DeadlineExplanations
{
    public static string Compose(
        DeadlineRule rule,
        DateOnly date,
        StartingPoint from,
        Move move,
        DateOnly? advice,
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
        if (rule.Counting is not null)
            sentences.Add(rule.Counting);
        if (move.From is { } legalEnd)
        {
            var basis = rule.MoveBasis is null ? "" : $" ; {rule.MoveBasis}";
            sentences.Add($"Échéance du {FrenchDates.WithWeekday(legalEnd)} reportée au premier jour ouvré ({move.Because}{basis}).");
        }
        if (advice is { } earlier)
        {
            sentences.Add(
                $"Par prudence, agir au plus tard le {FrenchDates.Long(earlier)} : en fin de mois, une autre lecture compte "
                + "les deux mois à partir du lendemain de la décision, ce qui avance l'échéance.");
        }
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

// The legal end of a period when it fell on a weekend or a holiday, and why it moved.
internal sealed record Move(DateOnly? From, string? Because);
