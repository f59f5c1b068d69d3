using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Web.Features.Requests;

/// <summary>The events a person can record: their URL names, what each asks for, and which come next in each state.</summary>
public static class EventRules
{
    private static readonly (RequestEventKind Kind, string Slug)[] Slugs =
    [
        (RequestEventKind.Sent, "envoi"),
        (RequestEventKind.ReceivedByBody, "reception"),
        (RequestEventKind.ReminderSent, "relance"),
        (RequestEventKind.ReplyReceived, "reponse"),
        (RequestEventKind.ExplicitRefusal, "refus"),
        (RequestEventKind.ReferralSent, "saisine-cada"),
        (RequestEventKind.ReferralRegistered, "enregistrement-cada"),
        (RequestEventKind.CadaOpinion, "avis-cada"),
        (RequestEventKind.DecisionAfterOpinion, "decision-apres-avis"),
        (RequestEventKind.CourtCaseFiled, "recours"),
        (RequestEventKind.Judgment, "jugement"),
        (RequestEventKind.Withdrawn, "abandon"),
        (RequestEventKind.Note, "note"),
    ];

    public static IEnumerable<RequestEventKind> AllKinds => Slugs.Select(s => s.Kind);

    public static string Slug(this RequestEventKind kind) => Slugs.First(s => s.Kind == kind).Slug;

    public static RequestEventKind? FromSlug(string? slug) =>
        Slugs.FirstOrDefault(s => s.Slug == slug) is { Slug: not null } found ? found.Kind : null;

    public static bool IsOpinionNumber(string? number) =>
        number is { Length: 8 } && number.All(char.IsAsciiDigit) && int.Parse(number.AsSpan(0, 4), Fr.Culture) is >= 1978 and <= 2200;

    public static bool AsksAppealRoutes(RequestEventKind kind) => kind is RequestEventKind.ReceivedByBody or RequestEventKind.ReplyReceived
        or RequestEventKind.ExplicitRefusal or RequestEventKind.DecisionAfterOpinion;

    /// <summary>What the form says about the date and the event.</summary>
    public static string Help(RequestEventKind kind) => kind switch
    {
        RequestEventKind.Sent => "La date d'envoi de la demande (courriel, courrier, formulaire).",
        RequestEventKind.ReceivedByBody => "La date de réception par l'administration : celle de son accusé de réception ou de l'avis de réception postal. Les délais partent de cette date.",
        RequestEventKind.ReminderSent => "Une relance n'a aucun effet sur les délais ; elle est notée pour mémoire et pour la saisine de la CADA.",
        RequestEventKind.ReplyReceived => "La date de la réponse, et pour chaque document ce qui a été communiqué. Un refus, même partiel, ouvre le délai de saisine de la CADA.",
        RequestEventKind.ExplicitRefusal => "Une décision écrite refusant tous les documents non communiqués (art. L311-14 CRPA), avec le motif invoqué.",
        RequestEventKind.ReferralSent => "La date d'envoi de la saisine à la CADA (formulaire en ligne, courriel ou courrier).",
        RequestEventKind.ReferralRegistered => "La date d'enregistrement indiquée par l'accusé de réception de la CADA, et le numéro de dossier. Les délais de la CADA partent de cette date.",
        RequestEventKind.CadaOpinion => "L'avis de la CADA : son numéro à huit chiffres (année puis numéro, par exemple 20191234), sa date, son sens et sa motivation.",
        RequestEventKind.DecisionAfterOpinion => "Ce que l'administration a décidé après l'avis : communiquer ou refuser.",
        RequestEventKind.CourtCaseFiled => "La date d'enregistrement de la requête au tribunal administratif.",
        RequestEventKind.Judgment => "La date et le sens du jugement.",
        RequestEventKind.Withdrawn => "La demande est abandonnée : plus aucun délai n'est suivi.",
        _ => "Une information utile à l'équipe. Les notes ne sont jamais publiées.",
    };

    /// <summary>The events that usually come next, first the most likely.</summary>
    public static IReadOnlyList<RequestEventKind> Suggested(RequestState state, IReadOnlyCollection<RequestEventKind> recorded) => state switch
    {
        RequestState.Draft => [RequestEventKind.Sent],
        RequestState.Sent => recorded.Contains(RequestEventKind.ReceivedByBody)
            ? [RequestEventKind.ReplyReceived, RequestEventKind.ExplicitRefusal, RequestEventKind.ReminderSent]
            : [RequestEventKind.ReceivedByBody, RequestEventKind.ReplyReceived, RequestEventKind.ExplicitRefusal, RequestEventKind.ReminderSent],
        RequestState.ImpliedRefusal or RequestState.ExplicitRefusal or RequestState.PartialReply or RequestState.ReferralDue =>
            [RequestEventKind.ReferralSent, RequestEventKind.ReplyReceived, RequestEventKind.ReminderSent],
        RequestState.ReferredToCada => recorded.Contains(RequestEventKind.ReferralRegistered)
            ? [RequestEventKind.CadaOpinion, RequestEventKind.ReplyReceived]
            : [RequestEventKind.ReferralRegistered, RequestEventKind.CadaOpinion, RequestEventKind.ReplyReceived],
        RequestState.CadaOpinionGiven => [RequestEventKind.DecisionAfterOpinion, RequestEventKind.ReplyReceived, RequestEventKind.CourtCaseFiled],
        RequestState.CommunicationAnnounced => [RequestEventKind.ReplyReceived, RequestEventKind.ReminderSent],
        RequestState.RefusalConfirmed or RequestState.CourtAppealPossible => [RequestEventKind.CourtCaseFiled, RequestEventKind.ReplyReceived],
        RequestState.CourtCaseOpen => [RequestEventKind.Judgment, RequestEventKind.ReplyReceived],
        _ => [RequestEventKind.Note],
    };

    /// <summary>"2 septembre 2019", or "vers octobre 2019 (date approximative)" when only the month is known.</summary>
    public static string DisplayDate(CadaRequestEvent e) => e.IsApproximate
        ? $"vers {Fr.Date(e.OccurredOn, e.OccurredOnPrecision)} (date approximative)"
        : Fr.Date(e.OccurredOn);

    /// <summary>The facts of an event in one French sentence; comments only when <paramref name="withComment"/>.</summary>
    public static string Details(CadaRequestEvent e, IReadOnlyList<RequestedDocument> documents, bool withComment)
    {
        var parts = new List<string>();
        switch (e.Kind)
        {
            case RequestEventKind.ReceivedByBody:
                parts.Add(e.StatesAppealRoutes ? "accusé de réception mentionnant les voies et délais de recours" : "sans mention des voies et délais de recours");
                break;
            case RequestEventKind.ReplyReceived:
                var numbers = documents.OrderBy(d => d.Position).Select((d, i) => (d.Id, Number: i + 1)).ToDictionary(d => d.Id, d => d.Number);
                foreach (var outcome in e.DocumentOutcomes.Where(o => numbers.ContainsKey(o.RequestedDocumentId)).OrderBy(o => numbers[o.RequestedDocumentId]))
                {
                    var ground = outcome.Status == DocumentStatus.Refused && outcome.Ground is { } g ? $" ({g.Label()})" : "";
                    parts.Add($"document {numbers[outcome.RequestedDocumentId]} {outcome.Status.Label()}{ground}");
                }
                if (e.StatesAppealRoutes)
                {
                    parts.Add("mentionnait les voies et délais de recours");
                }
                break;
            case RequestEventKind.ExplicitRefusal:
                parts.Add($"motif : {(e.Ground ?? RefusalGround.Other).Label()}");
                parts.Add(e.StatesAppealRoutes ? "mentionnait les voies et délais de recours" : "sans mention des voies et délais de recours");
                break;
            case RequestEventKind.ReferralRegistered when !string.IsNullOrEmpty(e.FileNumber):
                parts.Add($"dossier n° {e.FileNumber}");
                break;
            case RequestEventKind.CadaOpinion:
                var motivation = string.IsNullOrWhiteSpace(e.OpinionMotivation) ? "" : $", {e.OpinionMotivation}";
                parts.Add($"{(e.OpinionType ?? OpinionType.Avis).Label()} n° {e.OpinionNumber} : {(e.OpinionSens ?? OpinionSens.Favorable).Label()}{motivation}");
                break;
            case RequestEventKind.DecisionAfterOpinion:
                parts.Add((e.Decision ?? BodyDecision.Refuses).Label());
                if (e.StatesAppealRoutes)
                {
                    parts.Add("mentionnait les voies et délais de recours");
                }
                break;
            case RequestEventKind.Judgment:
                parts.Add((e.JudgmentOutcome ?? JudgmentOutcome.Dismissed).Label());
                break;
        }
        if (withComment && !string.IsNullOrWhiteSpace(e.Comment))
        {
            parts.Add($"« {e.Comment.Trim()} »");
        }
        return string.Join(" ; ", parts);
    }

    /// <summary>What the history keeps of an event: kind, date and facts.</summary>
    public static string Summary(CadaRequestEvent e, IReadOnlyList<RequestedDocument> documents)
    {
        var details = Details(e, documents, withComment: true);
        return $"{e.Kind.Label()}, {DisplayDate(e)}" + (details.Length > 0 ? $" : {details}" : "");
    }

    public static string Label(this RequestMode mode) => mode switch
    {
        RequestMode.Email => "par courrier électronique",
        RequestMode.Copy => "copie (papier ou support numérique) aux frais de reproduction",
        RequestMode.Consultation => "consultation sur place",
        _ => mode.ToString(),
    };

    public static string Label(this RequestChannel channel) => channel switch
    {
        RequestChannel.Email => "courrier électronique",
        RequestChannel.Post => "courrier simple",
        RequestChannel.RegisteredLetter => "lettre recommandée avec avis de réception",
        RequestChannel.OnlineForm => "formulaire en ligne",
        RequestChannel.Madada => "MaDada",
        _ => channel.ToString(),
    };

    /// <summary>A CSS modifier for a state's badge: good, partial, bad or pending.</summary>
    public static string Tone(RequestState state, ClosingOutcome? outcome = null) => state switch
    {
        RequestState.Satisfied => "good",
        RequestState.Closed => outcome switch
        {
            ClosingOutcome.Satisfied => "good",
            ClosingOutcome.Partial => "partial",
            _ => "bad",
        },
        RequestState.PartialReply or RequestState.CadaOpinionGiven or RequestState.CommunicationAnnounced => "partial",
        RequestState.ImpliedRefusal or RequestState.ExplicitRefusal or RequestState.RefusalConfirmed
            or RequestState.ReferralDue or RequestState.CourtAppealPossible => "bad",
        _ => "pending",
    };
}
