using static Vigie.Web.Features.Requests.Deadlines.FrenchDates;

namespace Vigie.Web.Features.Requests.Deadlines;

// From the referral to the court: the CADA's deadlines, the body's decision and the court window.
internal sealed partial class RequestWalk
{
    void OnReferral(DateOnly date)
    {
        // A second copy of a referral changes nothing; a new referral replaces a premature one.
        if (referralSentOn is not null)
        {
            if (prematureReferral is null)
                return;
            ResetReferral();
        }
        referralSentOn = date;
        if (refusal is null)
        {
            // CADA practice: a referral before the one-month silence has run is inadmissible.
            prematureReferralOn = date;
            prematureReferral = new Warning(WarningKind.PrematureReferral,
                $"Saisine de la CADA envoyée le {Long(date)}, avant la naissance du refus implicite le "
                + $"{Long(impliedRefusal.Date)} : la CADA la juge irrecevable ; la renouveler à partir de cette date.");
        }
        else if (referralDue is not null)
        {
            if (date > referralDue.LastDay)
            {
                Warn(WarningKind.LateReferral,
                    $"Saisine de la CADA envoyée le {Long(date)}, après l'expiration du délai le {Long(referralDue.LastDay)} : "
                    + "la CADA peut la juger tardive.");
            }
            referralDue = referralDue with { MetOn = date };
        }
        if (registeredOn is null)
            ProjectCadaDeadlines(new StartingPoint(date, "l'envoi de la saisine", "date d'enregistrement inconnue", IsEstimate: true));
    }

    void ResetReferral()
    {
        referralSentOn = null;
        registeredOn = null;
        prematureReferral = null;
        prematureReferralOn = null;
        opinionExpected = null;
        confirmedRefusal = null;
        if (bodyDecidedOn is null)
            courtDue = null;
        if (referralDue is not null)
            referralDue = referralDue with { MetOn = null };
    }

    void OnRegistration(ReferralRegistered registration)
    {
        if (referralSentOn is null)
            OnReferral(registration.Date);
        registeredOn = registration.Date;
        // A court window opened by a confirmed refusal estimated from the sending date is recomputed from registration.
        if (courtDue is { IsEstimate: true } && bodyDecidedOn is null)
            courtDue = null;
        ProjectCadaDeadlines(new StartingPoint(registration.Date, "l'enregistrement de la saisine"));
        AdvanceTo(registration.Date);
    }

    void ProjectCadaDeadlines(StartingPoint from)
    {
        if (opinion is null)
            opinionExpected = make.CadaOpinionExpected(from);
        if (bodyDecidedOn is null)
            confirmedRefusal = make.ConfirmedRefusal(from);
    }

    void OnOpinion(CadaOpinion cadaOpinion)
    {
        var motivation = cadaOpinion.Motivation is null ? "" : $", {cadaOpinion.Motivation}";
        var what = $"Avis n° {cadaOpinion.OpinionNumber} du {Long(cadaOpinion.Date)} ({cadaOpinion.Sens.Label()}{motivation})";
        if (referralSentOn is null)
        {
            Warn(WarningKind.OpinionWithoutReferral,
                $"{what} : aucune saisine n'est enregistrée ; l'ajouter avec son enregistrement pour calculer les délais.");
        }
        if (cadaOpinion.Sens == OpinionSens.Irrecevable)
        {
            Warn(WarningKind.OpinionIrrecevable,
                $"{what} : la saisine n'a pas été examinée ; saisir de nouveau la CADA tant que le délai le permet.");
            ResetReferral();
            return;
        }
        opinion = cadaOpinion;
        if (opinionExpected is { MetOn: null })
            opinionExpected = opinionExpected with { MetOn = cadaOpinion.Date };
        bodyDecision = make.BodyDecisionAfterOpinion(
            new StartingPoint(cadaOpinion.Date, "l'avis de la CADA", "pris pour date de réception", IsEstimate: true));
        if (cadaOpinion.Sens == OpinionSens.Incompetence)
            Warn(WarningKind.OpinionIncompetence, $"{what} : la CADA s'estime incompétente ; ces documents relèvent d'une autre voie.");
        if (cadaOpinion.Sens == OpinionSens.SansObjet)
        {
            Warn(WarningKind.OpinionSansObjet,
                $"{what} : enregistrer la réponse de l'administration si les documents ont été communiqués.");
        }
    }

    void OnDecision(DecisionAfterOpinion decision)
    {
        if (decision.Decision == BodyDecision.Refuses)
        {
            OnRefusalAfterOpinion(
                new StartingPoint(decision.Date, "la décision de refus après l'avis"),
                AppealRoutes.FromDecision("la décision", decision.Date, decision.StatesAppealRoutes));
            return;
        }
        RecordBodyDecision(decision.Date);
        communicationAnnouncedOn = decision.Date;
    }

    void OnRefusalAfterOpinion(StartingPoint from, AppealRoutes routes)
    {
        RecordBodyDecision(from.Date);
        communicationAnnouncedOn = null;
        if (courtDue is null)
            courtDue = make.CourtDue(from, routes);
        else if (from.Date <= courtDue.Date)
            courtDue = make.CourtDue(from, routes, CourtRestart);
        else
        {
            Warn(WarningKind.ConfirmatoryRefusal,
                $"La décision du {Long(from.Date)}, intervenue après l'expiration du délai de recours le "
                + $"{Long(courtDue.Date)}, ne fait que confirmer le refus : elle ne rouvre pas le délai.");
        }
    }

    void RecordBodyDecision(DateOnly date)
    {
        bodyDecidedOn ??= date;
        if (bodyDecision is { MetOn: null })
            bodyDecision = bodyDecision with { MetOn = date };
        // Deciding before the silence has run leaves no confirmation by silence to be born.
        if (confirmedRefusal is not null && confirmedRefusal.Date > date)
            confirmedRefusal = null;
    }

    void OnCourtCase(DateOnly date)
    {
        // CRPA L342-1: the referral to the CADA must come before any court case.
        if (referralSentOn is null && opinion is null)
        {
            Warn(WarningKind.CourtCaseWithoutReferral,
                $"Recours déposé le {Long(date)} sans saisine préalable de la CADA : il est irrecevable (art. L342-1 CRPA).");
        }
        else if (courtDue is not null && date > courtDue.LastDay)
        {
            Warn(WarningKind.LateCourtCase,
                $"Recours déposé le {Long(date)}, après l'expiration du délai le {Long(courtDue.LastDay)} : il risque d'être jugé tardif.");
        }
        courtCaseFiledOn ??= date;
        if (courtDue is { MetOn: null })
            courtDue = courtDue with { MetOn = date };
    }
}
