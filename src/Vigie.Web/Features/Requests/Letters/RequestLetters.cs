using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Web.Features.Requests.Letters;

/// <summary>
/// The requester as a letter names them. Only the requester's own letters carry their identity; anyone else gets
/// placeholders, so a letter never reveals who made a request.
/// </summary>
public sealed record RequesterIdentity(string Name, IReadOnlyList<string> Address, string Email, bool IsComplete)
{
    public static readonly RequesterIdentity Placeholders =
        new("[Nom du demandeur]", ["[Adresse du demandeur]"], "[Courriel du demandeur]", IsComplete: false);

    public static RequesterIdentity Of(User user)
    {
        var name = string.Join(' ', new[] { user.FirstNames, user.Surname }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var address = (user.PostalAddress ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return new RequesterIdentity(
            name.Length > 0 ? name : Placeholders.Name,
            address.Count > 0 ? address : Placeholders.Address,
            user.Email ?? Placeholders.Email,
            IsComplete: !string.IsNullOrWhiteSpace(user.FirstNames) && !string.IsNullOrWhiteSpace(user.Surname) && address.Count > 0);
    }
}

/// <summary>Drafts the request letter (CRPA L311-1 and following) and the referral to the CADA (R343-1) from a request's data.</summary>
public static class RequestLetters
{
    public static readonly IReadOnlyList<string> CadaAddress =
    [
        "Commission d'accès aux documents administratifs",
        "TSA 50730",
        "75334 Paris Cedex 07",
        "cada@cada.fr (ou formulaire de saisine en ligne sur cada.fr)",
    ];

    public static Letter Draft(LetterKind kind, CadaRequest request, RequestAnalysis analysis, RequesterIdentity who, DateOnly today) => kind switch
    {
        LetterKind.Request => Request(request, who, today),
        LetterKind.Reminder => Reminder(request, analysis, who, today),
        _ => Referral(request, analysis, who, today),
    };

    public static Letter Request(CadaRequest request, RequesterIdentity who, DateOnly today)
    {
        var body = request.PublicBody!;
        var events = RequestAnalyser.LiveEvents(request);
        var date = events.FirstOrDefault(e => e.Kind == RequestEventKind.Sent) is { IsApproximate: false } sent ? sent.OccurredOn : today;
        var documents = request.RequestedDocuments.OrderBy(d => d.Position).Select(d => d.Title).ToList();
        var blocks = new List<LetterBlock>
        {
            new LetterLines([who.Name, .. who.Address, who.Email]),
            new LetterLines(Recipient(body), AlignRight: true),
            new LetterLines([$"Le {FrenchDates.Long(date)}"], AlignRight: true),
            new LetterParagraph($"demande de communication de documents administratifs — {request.Subject}", "Objet : "),
            new LetterParagraph("Madame, Monsieur,"),
            new LetterParagraph(
                "En application des articles L311-1 et suivants du code des relations entre le public et l'administration (CRPA), "
                + $"je vous prie de bien vouloir me communiquer {(documents.Count > 1 ? "les documents administratifs suivants" : "le document administratif suivant")} :"),
            new LetterList(documents),
        };
        if (!string.IsNullOrWhiteSpace(request.LetterParagraph))
        {
            blocks.Add(new LetterParagraph(request.LetterParagraph.Trim()));
        }
        blocks.AddRange(
        [
            new LetterParagraph(ModeSentence(request.Mode, who)),
            new LetterParagraph(
                "Si certains de ces documents comportent des mentions qui ne sont pas communicables, je vous remercie de me les "
                + "communiquer après occultation de ces seules mentions, comme le prévoit l'article L311-7 du CRPA."),
            new LetterParagraph(
                "Si votre administration ne détient pas ces documents, je vous remercie de transmettre la présente demande à "
                + "l'autorité administrative qui les détient et de m'en aviser, conformément à l'article L114-2 du CRPA."),
            new LetterParagraph(
                "Je vous remercie de bien vouloir m'adresser un accusé de réception. Je rappelle que le silence gardé pendant un "
                + "mois vaut décision de refus (articles R311-12 et R311-13 du CRPA), décision que je pourrais soumettre à la "
                + "Commission d'accès aux documents administratifs (article L342-1 du CRPA)."),
            new LetterParagraph("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."),
            new LetterLines([who.Name], AlignRight: true),
        ]);
        return new Letter(LetterKind.Request, "Demande de communication de documents administratifs", $"demande-{request.Id}", blocks);
    }

    /// <summary>A reminder: it has no effect on the deadlines, but recalls them, and is attached to a later referral.</summary>
    public static Letter Reminder(CadaRequest request, RequestAnalysis analysis, RequesterIdentity who, DateOnly today)
    {
        var body = request.PublicBody!;
        var events = RequestAnalyser.LiveEvents(request);
        var sent = events.FirstOrDefault(e => e.Kind == RequestEventKind.Sent);
        var documents = request.RequestedDocuments.OrderBy(d => d.Position).Select(d => d.Title).ToList();
        var implied = analysis.Find(DeadlineKind.ImpliedRefusal);
        var silence = implied is null
            ? "Je vous rappelle que le silence gardé pendant un mois vaut décision de refus (articles R311-12 et R311-13 du CRPA)."
            : implied.Date < today
                ? $"Faute de réponse, une décision implicite de refus est née le {FrenchDates.Long(implied.Date)} (articles R311-12 et R311-13 du CRPA) ; "
                    + "je me réserve de saisir la Commission d'accès aux documents administratifs (article L342-1 du CRPA)."
                : $"Je vous rappelle que, sans réponse, une décision implicite de refus naîtra le {FrenchDates.Long(implied.Date)} "
                    + "(articles R311-12 et R311-13 du CRPA).";
        var blocks = new List<LetterBlock>
        {
            new LetterLines([who.Name, .. who.Address, who.Email]),
            new LetterLines(Recipient(body), AlignRight: true),
            new LetterLines([$"Le {FrenchDates.Long(today)}"], AlignRight: true),
            new LetterParagraph($"relance — demande de communication de documents administratifs ({request.Subject})", "Objet : "),
            new LetterParagraph("Madame, Monsieur,"),
            new LetterParagraph(
                $"Par courrier du {(sent is null ? "[date d'envoi de la demande]" : On(sent))}, je vous ai demandé, en application des articles "
                + "L311-1 et suivants du code des relations entre le public et l'administration (CRPA), la communication "
                + $"{(documents.Count > 1 ? "des documents suivants" : "du document suivant")} :"),
            new LetterList(documents),
            new LetterParagraph("Je n'ai pas reçu ces documents à ce jour. Je vous remercie de bien vouloir me les communiquer dans les meilleurs délais, "
                + "le cas échéant après occultation des seules mentions non communicables (article L311-7 du CRPA)."),
            new LetterParagraph(silence),
            new LetterParagraph("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."),
            new LetterLines([who.Name], AlignRight: true),
        };
        return new Letter(LetterKind.Reminder, "Relance d'une demande de communication de documents administratifs", $"relance-{request.Id}", blocks);
    }

    public static Letter Referral(CadaRequest request, RequestAnalysis analysis, RequesterIdentity who, DateOnly today)
    {
        var body = request.PublicBody!;
        var events = RequestAnalyser.LiveEvents(request);
        var documents = request.RequestedDocuments.OrderBy(d => d.Position).ToList();
        var sent = events.FirstOrDefault(e => e.Kind == RequestEventKind.Sent);
        var receipt = events.FirstOrDefault(e => e.Kind == RequestEventKind.ReceivedByBody);
        var replies = events.Where(e => e.Kind is RequestEventKind.ReplyReceived or RequestEventKind.ExplicitRefusal).ToList();
        var reminders = events.Where(e => e.Kind == RequestEventKind.ReminderSent).ToList();
        var referral = events.FirstOrDefault(e => e.Kind == RequestEventKind.ReferralSent);
        var date = referral is { IsApproximate: false } ? referral.OccurredOn : today;
        var sentOn = sent is null ? "[date d'envoi de la demande]" : On(sent);

        var outcomes = analysis.DocumentOutcomes;
        var missing = documents.Select((d, i) => (Document: d, Outcome: i < outcomes.Count ? outcomes[i] : DocumentOutcome.NotAnswered(i + 1)))
            .Where(x => !x.Outcome.IsCommunicated).ToList();
        var redacted = documents.Select((d, i) => (Document: d, Outcome: i < outcomes.Count ? outcomes[i] : null))
            .Where(x => x.Outcome is { Status: DocumentStatus.ReceivedRedacted }).Select(x => x.Document.Title).ToList();
        var listed = missing.Count > 0
            ? missing.Select(x => $"{x.Document.Title} ({Describe(x.Outcome)})").ToList()
            : documents.Select(d => d.Title).ToList();

        var blocks = new List<LetterBlock>
        {
            new LetterLines([who.Name, .. who.Address, who.Email]),
            new LetterLines(CadaAddress, AlignRight: true),
            new LetterLines([$"Le {FrenchDates.Long(date)}"], AlignRight: true),
            new LetterParagraph($"saisine de la CADA — refus de communication de documents administratifs opposé par {body.Name} ({request.Subject})", "Objet : "),
            new LetterParagraph("Madame la Présidente, Monsieur le Président,"),
            new LetterParagraph(
                $"Je soussigné(e) {who.Name}, demeurant {string.Join(", ", who.Address)}, ai l'honneur de solliciter l'avis de la "
                + $"Commission, en application des articles L342-1 et R343-1 du code des relations entre le public et l'administration, "
                + $"sur le refus opposé par {body.Name} à ma demande de communication de documents administratifs."),
            new LetterHeading("1. La demande"),
            new LetterParagraph(
                $"Par courrier du {sentOn}, envoyé par {request.Channel.Label()}, j'ai demandé à {body.Name} la communication des documents "
                + $"suivants ({request.Subject}) :"),
            new LetterList(documents.Select(d => d.Title).ToList()),
        };
        if (receipt is not null)
        {
            blocks.Add(new LetterParagraph($"Cette demande a été reçue par l'administration le {On(receipt)}."));
        }
        if (reminders.Count > 0)
        {
            blocks.Add(new LetterParagraph($"Je l'ai relancée le {string.Join(", le ", reminders.Select(On))}."));
        }
        blocks.Add(new LetterHeading("2. Le refus"));
        blocks.Add(new LetterParagraph(RefusalSentence(analysis, body.Name, replies)));
        if (!string.IsNullOrWhiteSpace(request.Context))
        {
            blocks.Add(new LetterHeading("3. Contexte"));
            blocks.Add(new LetterParagraph(request.Context.Trim()));
        }
        blocks.Add(new LetterHeading($"{(string.IsNullOrWhiteSpace(request.Context) ? 3 : 4)}. Documents dont je demande la communication"));
        blocks.Add(new LetterList(listed));
        if (redacted.Count > 0)
        {
            blocks.Add(new LetterParagraph(
                $"Ont été communiqués après occultation, dont je conteste l'étendue : {string.Join(" ; ", redacted)} (article L311-7 du CRPA)."));
        }
        blocks.Add(new LetterParagraph(
            "Ces documents, achevés, sont des documents administratifs au sens de l'article L300-2 du CRPA. Je sollicite l'avis de "
            + "la Commission sur leur caractère communicable, le cas échéant après occultation des seules mentions protégées (article L311-7)."));
        blocks.Add(new LetterParagraph("Pièces jointes :"));
        blocks.Add(new LetterList(Attachments(sentOn, receipt, replies, reminders), Numbered: false));
        blocks.Add(new LetterParagraph("Je vous prie d'agréer, Madame la Présidente, Monsieur le Président, l'expression de ma haute considération."));
        blocks.Add(new LetterLines([who.Name], AlignRight: true));
        return new Letter(LetterKind.Referral, "Saisine de la Commission d'accès aux documents administratifs", $"saisine-cada-{request.Id}", blocks);
    }

    private static IReadOnlyList<string> Recipient(PublicBody body)
    {
        var lines = new List<string> { body.Name, "À l'attention de la personne responsable de l'accès aux documents administratifs" };
        lines.AddRange((body.PostalAddress ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        if (!string.IsNullOrWhiteSpace(body.PradaEmail))
        {
            lines.Add(body.PradaEmail.Trim());
        }
        return lines;
    }

    private static string ModeSentence(RequestMode mode, RequesterIdentity who) => mode switch
    {
        RequestMode.Copy =>
            "Conformément à l'article L311-9 du CRPA, je souhaite recevoir une copie de ces documents, à mes frais dans la limite du "
            + "coût de reproduction et d'envoi, que je vous remercie de m'indiquer au préalable.",
        RequestMode.Consultation =>
            "Conformément à l'article L311-9 du CRPA, je souhaite consulter gratuitement ces documents sur place ; je vous remercie de "
            + "m'indiquer les dates et heures possibles.",
        _ =>
            "Conformément à l'article L311-9 du CRPA, je souhaite recevoir ces documents par courrier électronique, dans un format "
            + $"ouvert et aisément réutilisable, à l'adresse {who.Email}.",
    };

    private static string RefusalSentence(RequestAnalysis analysis, string body, IReadOnlyList<CadaRequestEvent> replies)
    {
        var refusal = replies.LastOrDefault(e => e.Kind == RequestEventKind.ExplicitRefusal);
        if (refusal is not null)
        {
            return $"Par décision du {On(refusal)}, {body} a refusé la communication des documents, en invoquant le motif suivant : "
                + $"{(refusal.Ground ?? RefusalGround.Other).Label()}.";
        }
        var reply = replies.LastOrDefault();
        if (reply is not null)
        {
            return $"Par réponse du {On(reply)}, {body} n'a communiqué qu'une partie des documents demandés, ou en a refusé la "
                + "communication. Cette réponse vaut refus pour les documents qu'elle ne communique pas.";
        }
        var implied = analysis.Find(DeadlineKind.ImpliedRefusal);
        return implied is null
            ? "Cette demande est restée sans réponse : le silence gardé pendant un mois vaut décision implicite de refus "
                + "(articles R311-12 et R311-13 du CRPA)."
            : $"Cette demande est restée sans réponse. Le silence gardé pendant un mois vaut décision implicite de refus "
                + $"(articles R311-12 et R311-13 du CRPA), née le {FrenchDates.Long(implied.Date)}.";
    }

    private static List<string> Attachments(string sentOn, CadaRequestEvent? receipt, IReadOnlyList<CadaRequestEvent> replies,
        IReadOnlyList<CadaRequestEvent> reminders)
    {
        var list = new List<string> { $"copie de la demande du {sentOn}" };
        if (receipt is not null)
        {
            list.Add($"copie de l'accusé de réception du {On(receipt)}");
        }
        list.AddRange(reminders.Select(r => $"copie de la relance du {On(r)}"));
        list.AddRange(replies.Select(r => r.Kind == RequestEventKind.ExplicitRefusal
            ? $"copie de la décision de refus du {On(r)}"
            : $"copie de la réponse du {On(r)}"));
        if (replies.Count == 0)
        {
            list.Add("(pas de réponse de l'administration : la demande est restée sans réponse)");
        }
        return list;
    }

    private static string Describe(DocumentOutcome outcome) => outcome.Status switch
    {
        DocumentStatus.Refused => $"refusé, motif invoqué : {(outcome.Ground ?? RefusalGround.Other).Label()}",
        _ => "non communiqué, sans réponse",
    };

    private static string On(CadaRequestEvent e) => EventRules.DisplayDate(e);
}
