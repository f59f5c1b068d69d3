using static Vigie.Web.Features.Requests.Deadlines.FrenchDates;

namespace Vigie.Web.Features.Requests.Deadlines;

// From the referral to the court: the CADA's deadlines, the body's decision and the court window.
internal sealed partial class RequestWalk
{
    void OnReferral(DateOnly date)
    {
        // A second copy of a referral changes nothing.
        if (referralSentOn is not null)
            return;
        if (refusal is null)
        {
            // CADA practice: a referral before the refusal is born is inadmissible. It is no referral, so it opens no CADA
            // deadline and no court window (L342-1); the latest such referral is kept to say so.
            prematureReferralOn = date;
            prematureRegisteredOn = null;
            return;
        }
        prematureReferralOn = null;
        prematureRegisteredOn = null;
        referralSentOn = date;
        if (referralDue is not null)
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
        prematureReferralOn = null;
        prematureRegisteredOn = null;
        opinionExpected = null;
        confirmedRefusal = null;
        if (bodyDecidedOn is null)
            courtDue = null;
        if (referralDue is not null)
            referralDue = referralDue with { MetOn = null };
    }

    void OnRegistration(ReferralRegistered registration)
    {
        // A registration whose sending was not recorded stands for the referral.
        if (referralSentOn is null && prematureReferralOn is null)
            OnReferral(registration.Date);
        if (referralSentOn is null)
        {
            // The CADA registered a premature referral: it may still find it inadmissible, so nothing runs from it yet.
            prematureRegisteredOn = registration.Date;
            return;
        }
        registeredOn = registration.Date;
        // A court window opened by a confirmed refusal estimated from the sending date is recomputed from registration.
        if (courtDue is { IsEstimate: true } && bodyDecidedOn is null)
            courtDue = null;
        ProjectCadaDeadlines(new StartingPoint(registration.Date, "l'enregistrement de la saisine"));
        AdvanceTo(registration.Date);
    }

    // An opinion on the merits shows the CADA heard a premature referral: from then on it counts, from its registration.
    void AdoptPrematureReferral(DateOnly sentOn, DateOnly opinionDate)
    {
        var registered = prematureRegisteredOn;
        Warn(WarningKind.PrematureReferralHeard,
            $"La CADA a rendu un avis sur la saisine prématurée du {Long(sentOn)} : elle l'a donc examinée, et ses délais "
            + (registered is { } day ? $"courent de son enregistrement le {Long(day)}." : "courent de son envoi (estimation)."));
        prematureReferralOn = null;
        prematureRegisteredOn = null;
        referralSentOn = sentOn;
        registeredOn = registered;
        if (referralDue is not null)
            referralDue = referralDue with { MetOn = sentOn };
        ProjectCadaDeadlines(registered is { } on
            ? new StartingPoint(on, "l'enregistrement de la saisine")
            : new StartingPoint(sentOn, "l'envoi de la saisine", "date d'enregistrement inconnue", IsEstimate: true));
        AdvanceTo(opinionDate);
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
        if (referralSentOn is null && prematureReferralOn is null)
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
        if (referralSentOn is null && prematureReferralOn is { } premature)
            AdoptPrematureReferral(premature, cadaOpinion.Date);
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
            var premature = prematureReferralOn is { } on ? $" (la saisine du {Long(on)} était prématurée)" : "";
            Warn(WarningKind.CourtCaseWithoutReferral,
                $"Recours déposé le {Long(date)} sans saisine préalable et recevable de la CADA{premature} : il est irrecevable "
                + "(art. L342-1 CRPA).");
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
