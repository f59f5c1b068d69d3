using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Api;

public sealed record ApiBody(string Name, string Kind, string? DepartmentCode);

public sealed record ApiCase(string Slug, string Title);

public sealed record ApiDocument(int Number, string Title, string Outcome);

public sealed record ApiEvent(string Kind, string Label, string Date, bool Approximate, string? Details);

/// <summary>A public request for researchers: no requester, no team comments.</summary>
public sealed record ApiRequest(int Id, string Subject, ApiBody Body, ApiCase? Case, string State, string StateLabel,
    IReadOnlyList<ApiDocument> Documents, IReadOnlyList<ApiEvent> Events, string? Outcome);

/// <summary>Read-only JSON of the public requests (those of unpublished cases excluded), as the public pages show them.</summary>
[AllowAnonymous]
[Route("api/demandes")]
public sealed class RequestsApiController(VigieDbContext db, TimeProvider clock) : ControllerBase
{
    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IReadOnlyList<ApiRequest>> Index(CancellationToken cancellationToken) =>
        (await PublicRequests.LoadAsync(db, Listed(), clock.TodayInParis(), cancellationToken)).Select(ToApi).ToList();

    [HttpGet("{id:int}")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<ActionResult<ApiRequest>> Show(int id, CancellationToken cancellationToken)
    {
        var found = await PublicRequests.LoadAsync(db, Listed().Where(r => r.Id == id), clock.TodayInParis(), cancellationToken);
        return found.Count == 0 ? NotFound() : ToApi(found[0]);
    }

    private IQueryable<CadaRequest> Listed() =>
        db.CadaRequests.Where(r => r.IsPublic && (r.CaseId == null || r.Case!.Status == CaseStatus.Published));

    private static ApiRequest ToApi(PublicRequestView view)
    {
        var r = view.Request;
        var body = r.PublicBody!;
        return new ApiRequest(
            r.Id,
            r.Subject,
            new ApiBody(body.Name, body.Kind.ToString(), body.DepartmentCode),
            r.Case is { Status: CaseStatus.Published } c ? new ApiCase(c.Slug, c.Title) : null,
            view.Analysis.State.ToString(),
            view.Analysis.StateLabel,
            view.Documents.Select((d, i) => new ApiDocument(i + 1, d.Title,
                i < view.Analysis.DocumentOutcomes.Count && view.Sent is not null ? view.Analysis.DocumentOutcomes[i].Status.Label() : "non demandé encore")).ToList(),
            view.Events.Where(e => e.Kind != RequestEventKind.Note).Select(e => new ApiEvent(
                e.Kind.ToString(), e.Kind.Label(), Infrastructure.Formatting.Fr.IsoDate(e.OccurredOn, e.OccurredOnPrecision), e.IsApproximate,
                EventRules.Details(e, view.Documents, withComment: false) is { Length: > 0 } details ? details : null)).ToList(),
            r.OutcomeSummary);
    }
}
