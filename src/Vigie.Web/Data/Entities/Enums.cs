namespace Vigie.Web.Data.Entities;

/// <summary>How much of a date is known: a contract "signed in 2014" is not "signed on 1 January 2014".</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

public enum CaseStatus
{
    Draft,
    Proposed,
    Published,
    Unpublished,
}

public enum DocumentKind
{
    Contrat,
    Annexe,
    Cctp,
    Ccap,
    Bpu,
    Deliberation,
    Courrier,
    AvisCada,
    ArticleDePresse,
    Autre,
}
