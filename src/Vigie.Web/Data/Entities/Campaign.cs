namespace Vigie.Web.Data.Entities;

public enum CampaignStatus
{
    Preparing,
    Running,
    Closed,
}

/// <summary>
/// One request sent to many public bodies: the documents and the wording every request carries, the targets, and the
/// organisers (editors) who share the work out. Each target gets its own <see cref="CadaRequest"/>, whose requester is
/// whoever claims it.
/// </summary>
public sealed class Campaign
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown, rendered by NarrativeMarkdown.</summary>
    public string Description { get; set; } = "";
    /// <summary>The subject of every request ("Contrats de vidéoprotection et leurs annexes").</summary>
    public required string Subject { get; set; }
    /// <summary>A paragraph added to the default request letter, after the list of documents; null for the default letter.</summary>
    public string? LetterParagraph { get; set; }
    public RequestMode Mode { get; set; }
    public RequestChannel Channel { get; set; }
    /// <summary>Context for the CADA referrals, copied to each request.</summary>
    public string? Context { get; set; }
    /// <summary>Whether the requests are public (their state on the campaign page, the commune pages and the API).</summary>
    public bool RequestsArePublic { get; set; }
    public CampaignStatus Status { get; set; }
    /// <summary>Seeded to show the feature: invented events about real communes, so never shown outside the team.</summary>
    public bool IsDemonstration { get; set; }
    public int? CreatedById { get; set; }
    public User? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public List<CampaignDocument> Documents { get; set; } = [];
    public List<CampaignOrganiser> Organisers { get; set; } = [];
    public List<CampaignTarget> Targets { get; set; } = [];
}

/// <summary>A document every request of the campaign asks for; <see cref="Position"/> is its number in the letters.</summary>
public sealed class CampaignDocument
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
}

/// <summary>An editor who runs the campaign: edits it, chooses its targets, assigns them and acts on many requests at once.</summary>
public sealed class CampaignOrganiser
{
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
}

/// <summary>A public body the campaign writes to; its request is created in the background (null until then).</summary>
public sealed class CampaignTarget
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int PublicBodyId { get; set; }
    public PublicBody? PublicBody { get; set; }
    public int? CadaRequestId { get; set; }
    public CadaRequest? CadaRequest { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public enum CampaignJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>The creation of a campaign's missing requests, queued for the background worker.</summary>
public sealed class CampaignJob
{
    public Guid Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public CampaignJobStatus Status { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
