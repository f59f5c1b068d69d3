using CsCheck;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Security.Canary;

/// <summary>
/// A random world, as plain data (CsCheck generates and shrinks it). References between rows are indices taken
/// modulo the length of the list they point into when the world is built, so that any combination is valid;
/// a negative index means "none".
/// </summary>
public sealed record WorldSpec(
    int Volunteers,
    IReadOnlyList<CampaignSpec> Campaigns,
    IReadOnlyList<CaseSpec> Cases,
    IReadOnlyList<RequestSpec> Requests,
    IReadOnlyList<DocumentSpec> Documents)
{
    public override string ToString() =>
        $"{Volunteers} volunteers; campaigns [{string.Join(", ", Campaigns)}]; cases [{string.Join(", ", Cases)}]; " +
        $"requests [{string.Join(", ", Requests)}]; documents [{string.Join(", ", Documents)}]";
}

public sealed record CampaignSpec(CampaignStatus Status, bool IsDemonstration, bool RequestsArePublic);

/// <summary><see cref="Creator"/>: a volunteer's index, or negative for the editor.</summary>
public sealed record CaseSpec(CaseStatus Status, int Commune, int Creator, int Sources, int Contracts, int Fundings, int TimelineEvents, int Quotes);

/// <summary><see cref="Events"/>: how far along the usual path the request went (0: not sent yet).</summary>
public sealed record RequestSpec(bool IsPublic, int Case, int Campaign, int Requester, int Events, bool Note, int RequestedDocuments);

/// <summary>A document on a request goes on the request's case; otherwise on <see cref="Case"/> or on none.</summary>
public sealed record DocumentSpec(bool IsPublic, int Case, int Request, int Uploader, bool WithFile, bool OnReply);

public static class WorldGen
{
    private static readonly Gen<int> Maybe = Gen.Int[-1, 5];

    /// <summary>Leaks live where the public meets the private: published cases and public flags come more often.</summary>
    private static readonly Gen<CaseStatus> Status = Gen.Frequency(
        (2, CaseStatus.Draft), (1, CaseStatus.Proposed), (4, CaseStatus.Published), (1, CaseStatus.Unpublished));

    private static readonly Gen<bool> MostlyPublic = Gen.Int[0, 2].Select(i => i > 0);

    private static readonly Gen<bool> Sometimes = Gen.Int[0, 2].Select(i => i == 0);

    public static readonly Gen<CampaignSpec> Campaign =
        Gen.Select(Gen.Enum<CampaignStatus>(), Sometimes, Gen.Bool, (status, demonstration, requestsArePublic) =>
            new CampaignSpec(status, demonstration, requestsArePublic));

    public static readonly Gen<CaseSpec> Case =
        Gen.Select(Status, Gen.Int[0, 999], Gen.Int[-1, 3], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 2], Gen.Int[0, 1],
            (status, commune, creator, sources, contracts, fundings, timeline, quotes) =>
                new CaseSpec(status, commune, creator, sources, contracts, fundings, timeline, quotes));

    public static readonly Gen<RequestSpec> Request =
        Gen.Select(Gen.Bool, Maybe, Maybe, Gen.Int[-1, 3], Gen.Int[0, RequestPaths.Longest], Gen.Bool, Gen.Int[1, 3],
            (isPublic, c, campaign, requester, events, note, documents) => new RequestSpec(isPublic, c, campaign, requester, events, note, documents));

    public static readonly Gen<DocumentSpec> Document =
        Gen.Select(MostlyPublic, Maybe, Maybe, Gen.Int[-1, 3], Gen.Bool, Gen.Bool,
            (isPublic, c, request, uploader, withFile, onReply) => new DocumentSpec(isPublic, c, request, uploader, withFile, onReply));

    public static readonly Gen<WorldSpec> World =
        Gen.Select(Gen.Int[2, 3], Campaign.Array[0, 3], Case.Array[1, 4], Request.Array[1, 6], Document.Array[1, 8],
            (volunteers, campaigns, cases, requests, documents) => new WorldSpec(volunteers, campaigns, cases, requests, documents));

    /// <summary>Picks <paramref name="index"/> in a list of <paramref name="count"/>, or none.</summary>
    public static int? Pick(int index, int count) => index < 0 || count == 0 ? null : index % count;
}

/// <summary>The usual path of a request, in order; a request's events are the first few steps.</summary>
public static class RequestPaths
{
    public static readonly Vigie.Web.Features.Requests.Deadlines.RequestEventKind[] Usual =
    [
        Vigie.Web.Features.Requests.Deadlines.RequestEventKind.Sent,
        Vigie.Web.Features.Requests.Deadlines.RequestEventKind.ReceivedByBody,
        Vigie.Web.Features.Requests.Deadlines.RequestEventKind.ReplyReceived,
        Vigie.Web.Features.Requests.Deadlines.RequestEventKind.ReferralSent,
        Vigie.Web.Features.Requests.Deadlines.RequestEventKind.ReferralRegistered,
        Vigie.Web.Features.Requests.Deadlines.RequestEventKind.CadaOpinion,
        Vigie.Web.Features.Requests.Deadlines.RequestEventKind.DecisionAfterOpinion,
    ];

    public static int Longest => Usual.Length;
}
