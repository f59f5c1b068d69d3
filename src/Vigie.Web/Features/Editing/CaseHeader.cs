using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Editing;

/// <summary>The title bar and tabs shown on every editing page of a case.</summary>
public sealed record CaseHeader(int Id, string Title, string Slug, CaseStatus Status, int? CreatedById, bool CanEdit)
{
    public static CaseHeader From(Case c, System.Security.Claims.ClaimsPrincipal user) =>
        new(c.Id, c.Title, c.Slug, c.Status, c.CreatedById, CaseAccess.CanEdit(user, c));
}

/// <summary>The tabs of the case editor, for the shared navigation partial.</summary>
public sealed record CaseTab(string Key, string Label, string Path);

public static class CaseTabs
{
    public const string Case = "dossier";
    public const string History = "historique";

    public static IReadOnlyList<CaseTab> For(int caseId) =>
    [
        new(Case, "Dossier", $"/edition/dossiers/{caseId}"),
        new("sources", "Sources", $"/edition/dossiers/{caseId}/sources"),
        new("marches", "Marchés", $"/edition/dossiers/{caseId}/marches"),
        new("financements", "Financements", $"/edition/dossiers/{caseId}/financements"),
        new("chronologie", "Chronologie", $"/edition/dossiers/{caseId}/chronologie"),
        new("citations", "Citations", $"/edition/dossiers/{caseId}/citations"),
        new(History, "Historique", $"/edition/dossiers/{caseId}/historique"),
    ];
}

/// <summary>A source as the narrative editor offers it: the exact text to paste and what it is.</summary>
public sealed record SourceHint(int Number, string Description)
{
    public string Citation => $"[@{Number}]";

    public static IReadOnlyList<SourceHint> From(IEnumerable<Source> sources) =>
        [.. sources.OrderBy(s => s.Number).Select(s => new SourceHint(s.Number,
            (s.Publisher is null ? "" : s.Publisher + ", ") + $"« {s.Title} »"))];
}

/// <summary>Model of the shared title bar: the case and the active tab.</summary>
public sealed record CaseNav(CaseHeader Header, string Active);
