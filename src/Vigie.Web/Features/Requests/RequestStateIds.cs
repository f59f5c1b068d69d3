using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Requests;

/// <summary>
/// The public identifiers of a request's state: French slugs, the words of the label a reader sees (« Refus implicite »
/// is <c>refus-implicite</c>), used wherever a state leaves the application: the <c>etat</c> parameter of every page, file
/// and API route, the API's <c>state</c> fields, the open-data <c>etat</c> column and the search facets. They are written
/// out here rather than derived from the labels, so that rewording a label never breaks a link. The enum's names are what
/// the database stores; before these identifiers they were also the public codes, so they stay accepted as aliases, and so
/// is a label typed as it reads (« Close »).
/// </summary>
public static class RequestStateIds
{
    private static readonly (RequestState State, string Id)[] Table =
    [
        (RequestState.Draft, "brouillon"),
        (RequestState.Sent, "envoyee"),
        (RequestState.ImpliedRefusal, "refus-implicite"),
        (RequestState.ExplicitRefusal, "refus-expres"),
        (RequestState.PartialReply, "reponse-partielle"),
        (RequestState.Satisfied, "satisfaite"),
        (RequestState.ReferralDue, "saisine-cada-a-faire"),
        (RequestState.ReferredToCada, "cada-saisie"),
        (RequestState.CadaOpinionGiven, "avis-cada-rendu"),
        (RequestState.CommunicationAnnounced, "communication-annoncee"),
        (RequestState.RefusalConfirmed, "refus-confirme"),
        (RequestState.CourtAppealPossible, "recours-possible"),
        (RequestState.CourtCaseOpen, "recours-en-cours"),
        (RequestState.Closed, "close"),
    ];

    private static readonly Dictionary<string, RequestState> Accepted = BuildAccepted();

    /// <summary>Every state, in the order of the enum (the order of a request's life).</summary>
    public static IReadOnlyList<RequestState> All { get; } = Table.Select(t => t.State).ToList();

    /// <summary>The states a public request can be in: a draft is never sent, so never public in practice, and no filter offers it.</summary>
    public static IReadOnlyList<RequestState> Filterable { get; } = All.Where(s => s != RequestState.Draft).ToList();

    public static string Of(RequestState state) => Table.First(t => t.State == state).Id;

    /// <summary>The identifier of a state stored by its enum name (the search's SQL reads them so), or the text unchanged.</summary>
    public static string FromStoredName(string name) => Enum.TryParse<RequestState>(name, out var state) ? Of(state) : name;

    /// <summary>An identifier, an old English name or a label, whatever the case and accents; nothing else (not a number).</summary>
    public static bool TryParse(string? text, out RequestState state)
    {
        state = default;
        return !string.IsNullOrWhiteSpace(text) && Accepted.TryGetValue(Slugs.From(text), out state);
    }

    public static string Unknown(string value) =>
        FrenchTypography.Apply($"État de demande inconnu : « {value} ». Valeurs possibles : {string.Join(", ", Filterable.Select(Of))}.");

    private static Dictionary<string, RequestState> BuildAccepted()
    {
        var accepted = new Dictionary<string, RequestState>(StringComparer.Ordinal);
        foreach (var (state, id) in Table)
        {
            accepted[id] = state;
            accepted.TryAdd(Slugs.From(state.Label()), state);
            accepted.TryAdd(Slugs.From(state.ToString()), state);
        }
        return accepted;
    }
}

/// <summary>Binds a <see cref="RequestState"/> from the query string or a form with <see cref="RequestStateIds.TryParse"/>.</summary>
public sealed class RequestStateBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // "etat=" is no filter, as an empty select option sends it.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            return Task.CompletedTask;
        }
        if (RequestStateIds.TryParse(text, out var state))
        {
            bindingContext.Result = ModelBindingResult.Success(state);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, RequestStateIds.Unknown(text));
            bindingContext.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }
}

public sealed class RequestStateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(RequestState) ? new RequestStateBinder() : null;
}
