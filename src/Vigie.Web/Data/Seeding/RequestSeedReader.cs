using System.Globalization;
using System.Text.RegularExpressions;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Data.Seeding;

/// <summary>Reads a request of a case file with its events (format: docs/seeds.md).</summary>
internal static partial class RequestSeedReader
{
    private static readonly Dictionary<string, RequestEventKind> Kinds = new()
    {
        ["sent"] = RequestEventKind.Sent, ["received"] = RequestEventKind.ReceivedByBody, ["reminder"] = RequestEventKind.ReminderSent,
        ["reply"] = RequestEventKind.ReplyReceived, ["refusal"] = RequestEventKind.ExplicitRefusal, ["referral"] = RequestEventKind.ReferralSent,
        ["registered"] = RequestEventKind.ReferralRegistered, ["opinion"] = RequestEventKind.CadaOpinion,
        ["decision"] = RequestEventKind.DecisionAfterOpinion, ["court-case"] = RequestEventKind.CourtCaseFiled,
        ["judgment"] = RequestEventKind.Judgment, ["withdrawn"] = RequestEventKind.Withdrawn, ["note"] = RequestEventKind.Note,
    };

    private static readonly Dictionary<string, RefusalGround> Grounds = new()
    {
        ["security"] = RefusalGround.PublicSecurity, ["business-secret"] = RefusalGround.BusinessSecret,
        ["preparatory"] = RefusalGround.Preparatory, ["non-existent"] = RefusalGround.NonExistent, ["other"] = RefusalGround.Other,
    };

    private static readonly Dictionary<string, DocumentStatus> Statuses = new()
    {
        ["received"] = DocumentStatus.Received, ["redacted"] = DocumentStatus.ReceivedRedacted,
        ["refused"] = DocumentStatus.Refused, ["not-answered"] = DocumentStatus.NotAnswered,
    };

    private static readonly Dictionary<string, OpinionSens> Sens = new()
    {
        ["favorable"] = OpinionSens.Favorable, ["defavorable"] = OpinionSens.Defavorable, ["irrecevable"] = OpinionSens.Irrecevable,
        ["incompetence"] = OpinionSens.Incompetence, ["sans-objet"] = OpinionSens.SansObjet,
    };

    private static readonly Dictionary<string, OpinionType> OpinionTypes = new()
    {
        ["avis"] = OpinionType.Avis, ["conseil"] = OpinionType.Conseil, ["sanction"] = OpinionType.Sanction,
    };

    private static readonly Dictionary<string, BodyDecision> Decisions = new()
    {
        ["communicates"] = BodyDecision.Communicates, ["refuses"] = BodyDecision.Refuses,
    };

    private static readonly Dictionary<string, JudgmentOutcome> Judgments = new()
    {
        ["communication-ordered"] = JudgmentOutcome.CommunicationOrdered, ["partly-ordered"] = JudgmentOutcome.PartlyOrdered,
        ["dismissed"] = JudgmentOutcome.Dismissed, ["no-need-to-rule"] = JudgmentOutcome.NoNeedToRule,
    };

    public static readonly IReadOnlyDictionary<string, RequestMode> Modes = new Dictionary<string, RequestMode>
    {
        ["email"] = RequestMode.Email, ["copy"] = RequestMode.Copy, ["consultation"] = RequestMode.Consultation,
    };

    public static readonly IReadOnlyDictionary<string, RequestChannel> Channels = new Dictionary<string, RequestChannel>
    {
        ["email"] = RequestChannel.Email, ["post"] = RequestChannel.Post, ["registered-letter"] = RequestChannel.RegisteredLetter,
        ["online-form"] = RequestChannel.OnlineForm, ["madada"] = RequestChannel.Madada,
    };

    public static RequestSeed Read(YamlMap r, IReadOnlySet<string> communes)
    {
        r.OnlyKeys("key", "body", "subject", "documents", "mode", "channel", "url", "context", "outcome", "public", "events");
        var code = r.Text("body", required: true)!;
        if (!communes.Contains(code))
        {
            throw r.Error($"« body » : aucune commune n'a le code INSEE « {code} »");
        }
        var documents = r.Texts("documents").Select((d, i) => new RequestedDocument { Title = d.Value, Position = i + 1 }).ToList();
        if (documents.Count == 0)
        {
            throw r.Error("« documents » : au moins un document demandé");
        }
        var url = r.Text("url", maxLength: 2000);
        if (url is not null && !Infrastructure.Markdown.UrlPolicy.IsWebUrl(url))
        {
            throw r.Error("« url » doit être une adresse http(s)");
        }
        var request = new CadaRequest
        {
            Subject = FrenchTypography.Apply(r.Text("subject", required: true, maxLength: 500)!),
            Mode = r.Choice("mode", Modes) ?? RequestMode.Email,
            Channel = r.Choice("channel", Channels) ?? RequestChannel.Email,
            ChannelUrl = url,
            Context = FrenchTypography.ApplyOrNull(r.Text("context", maxLength: 4000)),
            OutcomeSummary = FrenchTypography.ApplyOrNull(r.Text("outcome", maxLength: 2000)),
            IsPublic = r.Bool("public", fallback: false),
            RequestedDocuments = documents,
        };
        request.Events = r.Maps("events", "événements").Select(e => Event(e, documents, relativeDates: false).Event).ToList();
        return new RequestSeed(r.Text("key", required: true)!, request, code);
    }

    /// <summary>
    /// An event of a request. With <paramref name="relativeDates"/> (demonstration data only), a date may be written
    /// "J-20": twenty days before the import, returned as <c>DaysAgo</c> (the event's date is then set on import).
    /// </summary>
    public static (CadaRequestEvent Event, int? DaysAgo) Event(YamlMap e, IReadOnlyList<RequestedDocument> documents, bool relativeDates)
    {
        e.OnlyKeys("date", "type", "appeal-routes", "documents", "ground", "file-number", "number", "sens", "motivation",
            "opinion-type", "decision", "outcome", "note");
        DateOnly date = default;
        var precision = DatePrecision.Day;
        int? daysAgo = null;
        if (RelativeDate().Match(e.Text("date", required: true)!) is { Success: true } relative)
        {
            if (!relativeDates)
            {
                throw e.Error("« date » : les dates relatives (J-20) sont réservées aux campagnes de démonstration ; écrivez AAAA-MM-JJ");
            }
            daysAgo = int.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            (date, precision) = e.Date("date", required: true)!.Value;
        }
        if (precision == DatePrecision.Year)
        {
            throw e.Error("« date » d'un événement : au moins le mois (AAAA-MM, date approximative) ou le jour (AAAA-MM-JJ)");
        }
        var kind = e.Choice("type", Kinds, required: true)!.Value;
        var result = new CadaRequestEvent
        {
            Kind = kind,
            OccurredOn = date,
            OccurredOnPrecision = precision,
            StatesAppealRoutes = e.Bool("appeal-routes", fallback: false),
            Comment = e.Text("note", maxLength: 4000),
        };
        switch (kind)
        {
            case RequestEventKind.ReplyReceived:
                var outcomes = e.Texts("documents");
                if (outcomes.Count != documents.Count)
                {
                    throw e.Error($"« documents » d'une réponse : une issue par document demandé ({documents.Count}), dans l'ordre");
                }
                result.DocumentOutcomes = outcomes.Select((o, i) =>
                {
                    var parts = o.Value.Split(':', 2);
                    if (!Statuses.TryGetValue(parts[0], out var status))
                    {
                        throw new SeedException(e.Error("").File, o.Line, $"issue inconnue « {o.Value} » (valeurs possibles : {string.Join(", ", Statuses.Keys)}, refused:motif)");
                    }
                    RefusalGround? ground = null;
                    if (status == DocumentStatus.Refused)
                    {
                        ground = parts.Length == 1 ? RefusalGround.Other
                            : Grounds.TryGetValue(parts[1], out var g) ? g
                            : throw new SeedException(e.Error("").File, o.Line, $"motif inconnu « {parts[1]} » (valeurs possibles : {string.Join(", ", Grounds.Keys)})");
                    }
                    return new EventDocumentOutcome { RequestedDocument = documents[i], Status = status, Ground = ground };
                }).ToList();
                break;
            case RequestEventKind.ExplicitRefusal:
                result.Ground = e.Choice("ground", Grounds) ?? RefusalGround.Other;
                break;
            case RequestEventKind.ReferralRegistered:
                result.FileNumber = e.Text("file-number", required: true, maxLength: 50);
                break;
            case RequestEventKind.CadaOpinion:
                var number = e.Text("number", required: true)!;
                if (!Features.Requests.EventRules.IsOpinionNumber(number))
                {
                    throw e.Error($"« number » : un numéro d'avis a huit chiffres, l'année d'abord (20191234), lu « {number} »");
                }
                result.OpinionNumber = number;
                result.OpinionSens = e.Choice("sens", Sens, required: true);
                result.OpinionMotivation = e.Text("motivation", maxLength: 200);
                result.OpinionType = e.Choice("opinion-type", OpinionTypes) ?? OpinionType.Avis;
                break;
            case RequestEventKind.DecisionAfterOpinion:
                result.Decision = e.Choice("decision", Decisions, required: true);
                break;
            case RequestEventKind.Judgment:
                result.JudgmentOutcome = e.Choice("outcome", Judgments, required: true);
                break;
            case RequestEventKind.Note when result.Comment is null:
                throw e.Error("une note a besoin de « note »");
        }
        return (result, daysAgo);
    }

    [GeneratedRegex(@"^J-(\d{1,4})$")]
    private static partial Regex RelativeDate();
}
