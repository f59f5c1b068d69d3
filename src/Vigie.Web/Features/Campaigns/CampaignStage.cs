using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Web.Features.Campaigns;

/// <summary>Where a target stands, in the few steps a campaign is followed by: the map's colours and the progress bar.</summary>
public enum CampaignStage
{
    NotCreated,
    ToSend,
    Waiting,
    Refused,
    AtCada,
    Done,
    /// <summary>A private request, on the public page: its state is not shown.</summary>
    Private,
}

public static class CampaignStages
{
    /// <summary>From the least to the most advanced, as the legend lists them.</summary>
    public static readonly CampaignStage[] Ordered =
        [CampaignStage.NotCreated, CampaignStage.ToSend, CampaignStage.Waiting, CampaignStage.Refused, CampaignStage.AtCada, CampaignStage.Done, CampaignStage.Private];

    public static CampaignStage Of(RequestState? state) => state switch
    {
        null => CampaignStage.NotCreated,
        RequestState.Draft => CampaignStage.ToSend,
        RequestState.Sent or RequestState.CommunicationAnnounced => CampaignStage.Waiting,
        RequestState.ImpliedRefusal or RequestState.ExplicitRefusal or RequestState.PartialReply or RequestState.ReferralDue
            or RequestState.RefusalConfirmed or RequestState.CourtAppealPossible => CampaignStage.Refused,
        RequestState.ReferredToCada or RequestState.CadaOpinionGiven or RequestState.CourtCaseOpen => CampaignStage.AtCada,
        _ => CampaignStage.Done,
    };

    public static string Label(this CampaignStage stage) => stage switch
    {
        CampaignStage.NotCreated => "Demande à créer",
        CampaignStage.ToSend => "À envoyer",
        CampaignStage.Waiting => "En attente de réponse",
        CampaignStage.Refused => "Refus : suite à donner",
        CampaignStage.AtCada => "Devant la CADA ou le juge",
        CampaignStage.Done => "Terminée",
        _ => "Suivi non public",
    };

    public static string Slug(this CampaignStage stage) => stage switch
    {
        CampaignStage.NotCreated => "a-creer",
        CampaignStage.ToSend => "a-envoyer",
        CampaignStage.Waiting => "en-attente",
        CampaignStage.Refused => "refus",
        CampaignStage.AtCada => "cada",
        CampaignStage.Done => "terminee",
        _ => "non-public",
    };

    public static CampaignStage? FromSlug(string? slug) => Ordered.Cast<CampaignStage?>().FirstOrDefault(s => s!.Value.Slug() == slug);
}
