using System.ComponentModel.DataAnnotations;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Municipalities;
using Vigie.Web.Features.Editing.Revisions;

namespace Vigie.Web.Features.Editing.Parts;

/// <summary>The words and address of one kind of part, for its pages, messages and revisions.</summary>
public sealed record PartKind(
    RevisionEntity Entity,
    string Segment,
    string Title,
    string New,
    string Edit,
    string Add,
    string Added,
    string Updated,
    string Deleted,
    string Empty,
    string DeleteQuestion,
    string FormView);

/// <summary>What every part form carries besides its fields.</summary>
public abstract class PartForm
{
    /// <summary>The part's xmin when the form was loaded (0 for a new part).</summary>
    public uint Version { get; set; }

    /// <summary>The case's last revision number when the form was loaded.</summary>
    public int BaseRevision { get; set; }

    /// <summary>Number of the case's source that supports this fact.</summary>
    [Display(Name = "Source")]
    public int? Source { get; set; }
}

public sealed record SourceOption(int Number, string Label);

public sealed record PartRow(int Id, string Title, string? Details, int? SourceNumber);

public sealed record PartListPage(CaseNav Nav, PartKind Kind, IReadOnlyList<PartRow> Rows);

public abstract class PartFormPage
{
    public required CaseNav Nav { get; init; }

    public required PartKind Kind { get; init; }

    /// <summary>Null for a new part.</summary>
    public int? PartId { get; init; }

    public IReadOnlyList<SourceOption> Sources { get; init; } = [];

    public Conflict? Conflict { get; set; }

    public IReadOnlyList<Vendor> Vendors { get; init; } = [];

    public IReadOnlyList<MunicipalityOption> MunicipalityCandidates { get; set; } = [];

    /// <summary>Sources are numbered when they are added; the form shows the number without changing it.</summary>
    public int? SourceNumber { get; init; }

    public abstract PartForm BaseForm { get; }

    public string ListPath => $"/edition/dossiers/{Nav.Header.Id}/{Kind.Segment}";

    public string Action => PartId is int id ? $"{ListPath}/{id}" : $"{ListPath}/nouveau";
}

public sealed class PartFormPage<TForm> : PartFormPage where TForm : PartForm
{
    public required TForm Form { get; init; }

    public override PartForm BaseForm => Form;
}

public sealed record DeleteForm(uint Version, int BaseRevision);

public sealed record PartDeletePage(CaseNav Nav, PartKind Kind, int PartId, string Description, uint Version, int BaseRevision,
    IReadOnlyList<string> CitedIn, Conflict? Conflict)
{
    public string ListPath => $"/edition/dossiers/{Nav.Header.Id}/{Kind.Segment}";
}
