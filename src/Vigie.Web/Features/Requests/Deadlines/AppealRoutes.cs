namespace Vigie.Web.Features.Requests.Deadlines;

// Whether the document that opened a period stated the appeal routes and deadlines, and the French clause saying so.
// Without them the two-month periods do not bind the requester (CRPA L112-6 for an acknowledgement, CJA R421-5 for
// a decision); only a one-year reasonable time does (CE, 13 July 2016, Czabaj, n° 387763).
internal sealed record AppealRoutes(bool Stated, string Clause)
{
    public static AppealRoutes FromAcknowledgement(ReceivedByBody? receipt) => receipt switch
    {
        null => new(false, "aucun accusé de réception mentionnant les voies et délais de recours n'est enregistré"),
        { StatesAppealRoutes: true } => new(true, "l'accusé de réception mentionnait les voies et délais de recours"),
        _ => new(false, "l'accusé de réception ne mentionnait pas les voies et délais de recours"),
    };

    public static AppealRoutes FromDecision(string decision, DateOnly date, bool stated) => new(
        stated,
        $"{decision} du {FrenchDates.Long(date)} {(stated ? "mentionnait" : "ne mentionnait pas")} les voies et délais de recours");

    public static readonly AppealRoutes Unknown =
        new(false, "aucune décision mentionnant les voies et délais de recours n'est enregistrée");
}
