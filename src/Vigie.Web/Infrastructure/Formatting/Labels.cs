using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Formatting;

/// <summary>French labels for the model's enums.</summary>
public static class Labels
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Draft => "Brouillon",
        CaseStatus.Proposed => "Proposé à la publication",
        CaseStatus.Published => "Publié",
        CaseStatus.Unpublished => "Dépublié",
        _ => status.ToString(),
    };

    public static string Of(PublicBodyKind kind) => kind switch
    {
        PublicBodyKind.Commune => "Commune",
        PublicBodyKind.Intercommunality => "Intercommunalité",
        PublicBodyKind.Department => "Département",
        PublicBodyKind.Prefecture => "Préfecture",
        PublicBodyKind.Ministry => "Ministère",
        PublicBodyKind.Other => "Autre organisme",
        _ => kind.ToString(),
    };

    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Contrat => "Contrat",
        DocumentKind.Annexe => "Annexe",
        DocumentKind.Cctp => "CCTP",
        DocumentKind.Ccap => "CCAP",
        DocumentKind.Bpu => "BPU",
        DocumentKind.Deliberation => "Délibération",
        DocumentKind.Courrier => "Courrier",
        DocumentKind.AvisCada => "Avis CADA",
        DocumentKind.ArticleDePresse => "Article de presse",
        DocumentKind.Autre => "Autre",
        _ => kind.ToString(),
    };

    /// <summary>A CSS modifier for a case's status badge.</summary>
    public static string Tone(CaseStatus status) => status switch
    {
        CaseStatus.Published => "good",
        CaseStatus.Proposed => "partial",
        CaseStatus.Unpublished => "bad",
        _ => "pending",
    };

}
