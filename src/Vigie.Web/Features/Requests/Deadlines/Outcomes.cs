namespace Vigie.Web.Features.Requests.Deadlines;

// The closed set of "sens" of the CADA's opinions. There is no "partly favourable": partial outcomes are
// qualifiers in the motivation ("Favorable/Sauf secret des affaires").
public enum OpinionSens
{
    Favorable,
    Defavorable,
    Irrecevable,
    Incompetence,
    SansObjet,
}

public enum OpinionType
{
    Avis,
    Conseil,
    Sanction,
}

public enum BodyDecision
{
    Communicates,
    Refuses,
}

public enum JudgmentOutcome
{
    CommunicationOrdered,
    PartlyOrdered,
    Dismissed,
    NoNeedToRule,
}

public enum ClosingOutcome
{
    Satisfied,
    Partial,
    Abandoned,
    TimeBarred,
    Dismissed,
}
