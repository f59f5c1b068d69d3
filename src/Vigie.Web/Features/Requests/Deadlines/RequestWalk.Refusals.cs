using static Vigie.Web.Features.Requests.Deadlines.FrenchDates;

namespace Vigie.Web.Features.Requests.Deadlines;

// Replies and written refusals before the CADA is seized: the referral window.
internal sealed partial class RequestWalk
{
    void OnReply(ReplyReceived reply)
    {
        foreach (var number in documents.Record(reply.Documents))
        {
            Warn(WarningKind.UnknownDocument,
                $"Réponse du {Long(reply.Date)} : le document n° {number} ne fait pas partie de la demande ({documents.Count} documents).");
        }
        if (documents.AllCommunicated)
        {
            Close(RequestState.Satisfied, ClosingOutcome.Satisfied, keep: false);
            if (documents.AnyRedacted)
            {
                Warn(WarningKind.RedactedDocuments,
                    "Documents communiqués après occultation (art. L311-7 CRPA) : des occultations excessives valent refus "
                    + "partiel, que la CADA peut examiner si elle est saisie dans les deux mois (art. R343-1 CRPA).");
            }
            return;
        }
        var refusesSome = reply.Documents.Any(d => d.Status == DocumentStatus.Refused);
        var communicatesPart = reply.Documents.Any(d => d.IsCommunicated) && documents.AnyUnanswered;
        // A reply that neither refuses nor communicates anything is a holding letter: the silence keeps running.
        if (refusesSome || communicatesPart)
        {
            OnWrittenRefusal(
                new StartingPoint(reply.Date, documents.AnyCommunicated ? "la réponse partielle" : "la notification du refus écrit"),
                AppealRoutes.FromDecision("la réponse", reply.Date, reply.StatesAppealRoutes));
        }
    }

    // A partial reply is a partial refusal: it opens the referral window like a written refusal.
    void OnWrittenRefusal(StartingPoint from, AppealRoutes routes)
    {
        // After the opinion, or once silence has confirmed the refusal, a written refusal opens the court window.
        if (opinion is not null || courtDue is not null)
        {
            OnRefusalAfterOpinion(from, routes);
            return;
        }
        // Once the CADA is seized it hears the refusal as it stands: a later written refusal moves no deadline.
        if (referralSentOn is not null)
            return;
        if (refusal is null)
            OpenReferralWindow(from, routes, note: null);
        else if (from.Date <= referralDue!.Date)
            OpenReferralWindow(from, routes, ReferralRestart);
        else
        {
            Warn(WarningKind.ConfirmatoryRefusal,
                $"Le refus écrit du {Long(from.Date)}, notifié après l'expiration du délai de saisine le "
                + $"{Long(referralDue.Date)}, ne fait que confirmer le refus initial : il ne rouvre pas le délai.");
        }
    }

    void OpenReferralWindow(StartingPoint from, AppealRoutes routes, string? note)
    {
        refusal = new Refusal(IsWritten: true, routes);
        referralDue = make.ReferralDue(from, routes, note);
    }
}
