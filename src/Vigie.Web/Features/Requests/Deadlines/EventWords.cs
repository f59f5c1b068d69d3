namespace Vigie.Web.Features.Requests.Deadlines;

// How a warning names an event whatever the gender of its label: « Événement « Réponse de l'administration » daté du… »
// agrees with "événement", where "Réponse de l'administration daté du…" did not.
internal static class EventWords
{
    public static string Named(RequestEvent e) => $"Événement « {e.Kind.Label()} »";
}
