using System.Globalization;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Documents.Upload;

/// <summary>One line of the upload form: a file and what it is. Field names end with the line's index.</summary>
public sealed class UploadRow
{
    public int Index { get; init; }
    public string Title { get; set; } = "";
    public DocumentKind Kind { get; set; } = DocumentKind.Autre;
    public string Date { get; set; } = "";
    public bool IsPublic { get; set; }
    public string Description { get; set; } = "";
    public bool IsRedacted { get; set; }
    public string RedactionNote { get; set; } = "";
    public string RedactionGround { get; set; } = "";
    /// <summary>A file kept from the previous submission of the form.</summary>
    public UploadHold? Held { get; set; }
    public Dictionary<string, string> Errors { get; } = [];

    public string Name(string field) => $"{field}_{Index}";

    public string? Error(string field) => Errors.GetValueOrDefault(field);
}

public sealed class UploadForm
{
    public required ResolvedTarget Target { get; init; }
    public string ReceivedOn { get; set; } = "";
    public string? ReceivedOnError { get; set; }
    public List<UploadRow> Rows { get; init; } = [];
    public List<string> Errors { get; } = [];
    public long MaxBytes { get; init; }
    public int MaxRows { get; init; }

    public bool HasErrors => Errors.Count > 0 || ReceivedOnError is not null || Rows.Any(r => r.Errors.Count > 0);

    /// <summary>The query string that carries the target, so that it is known (and checked) before the body is read.</summary>
    public string TargetQuery(int? rows = null)
    {
        var parts = new List<string> { $"dossier={Target.CaseId}" };
        if (Target.RequestId is int request)
        {
            parts.Add($"demande={request}");
        }
        if (Target.RequestEventId is int requestEvent)
        {
            parts.Add($"evenement={requestEvent}");
        }
        if (rows is int count)
        {
            parts.Add($"lignes={count}");
        }
        return "?" + string.Join('&', parts);
    }

    public static string MegaBytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR")) + " Mo";
}
