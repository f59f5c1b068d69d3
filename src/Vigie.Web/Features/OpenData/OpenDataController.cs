using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Vigie.Web.Data;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Requests;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.OpenData;

public sealed record OpenDataPage(PublicFilter Filter, BrowseChoices Choices, IReadOnlyList<string> Errors);

/// <summary>
/// Open data: every public table as CSV or JSON, filtered like the browse pages, streamed from the database to the
/// response (no file is built in memory or on disk). docs/data.md is the contract for the columns.
/// </summary>
[AllowAnonymous]
[Route("donnees")]
public sealed class OpenDataController(VigieDbContext db, SiteAddress address, RequestAnalyser analyser) : Controller
{
    public const string RateLimit = "open-data";
    public const string Licence = "Licence Ouverte / Open Licence 2.0 (Etalab)";
    public const string LicenceUrl = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index([FromQuery] PublicFilter filter, CancellationToken cancellationToken)
    {
        filter.Normalized();
        var errors = ModelErrors();
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(new OpenDataPage(filter, await BrowseChoices.LoadAsync(db, cancellationToken), errors));
    }

    [HttpGet("{name}.csv")]
    [EnableRateLimiting(RateLimit)]
    public Task<IActionResult> Csv(string name, [FromQuery] PublicFilter filter, CancellationToken cancellationToken) =>
        WriteAsync(name, "csv", filter, cancellationToken);

    [HttpGet("{name}.json")]
    [EnableRateLimiting(RateLimit)]
    public Task<IActionResult> Json(string name, [FromQuery] PublicFilter filter, CancellationToken cancellationToken) =>
        WriteAsync(name, "json", filter, cancellationToken);

    private async Task<IActionResult> WriteAsync(string name, string format, PublicFilter filter, CancellationToken cancellationToken)
    {
        if (!OpenDataSets.Names.Contains(name))
        {
            return NotFound();
        }
        filter.Normalized();
        var errors = ModelErrors();
        if (errors.Count > 0)
        {
            return Problem(title: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest);
        }
        if (name is "demandes" or "transparence")
        {
            // States and deadlines move with the calendar: bring today's analysis to the public requests not yet analysed today.
            var today = analyser.Today;
            await analyser.RefreshAsync(r => Visibility.IsPublic(r) && (r.AnalysedOn == null || (r.AnalysedOn < today && !r.IsClosed)), cancellationToken);
            db.ChangeTracker.Clear();
        }
        var sets = new OpenDataSets(db, address.For(Request));
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"vigie-{name}.{format}\"";
        Response.Headers.Link = $"<{LicenceUrl}>; rel=\"license\", </donnees>; rel=\"describedby\"";
        Response.Headers.CacheControl = "public, max-age=300";
        var body = Response.Body;
        var csv = format == "csv";
        switch (name)
        {
            case "dossiers":
                await (csv ? TableWriter.WriteCsvAsync(body, sets.CaseColumns, sets.Cases(filter), cancellationToken)
                    : TableWriter.WriteJsonAsync(body, sets.CaseColumns, sets.Cases(filter), cancellationToken));
                break;
            case "marches":
                await (csv ? TableWriter.WriteCsvAsync(body, sets.ContractColumns, sets.Contracts(filter), cancellationToken)
                    : TableWriter.WriteJsonAsync(body, sets.ContractColumns, sets.Contracts(filter), cancellationToken));
                break;
            case "financements":
                await (csv ? TableWriter.WriteCsvAsync(body, sets.FundingColumns, sets.Fundings(filter), cancellationToken)
                    : TableWriter.WriteJsonAsync(body, sets.FundingColumns, sets.Fundings(filter), cancellationToken));
                break;
            case "demandes":
                await (csv ? TableWriter.WriteCsvAsync(body, sets.RequestColumns, sets.Requests(filter), cancellationToken)
                    : TableWriter.WriteJsonAsync(body, sets.RequestColumns, sets.Requests(filter), cancellationToken));
                break;
            default:
                var rows = sets.Transparency(filter, analyser.Today, cancellationToken);
                await (csv ? TableWriter.WriteCsvAsync(body, sets.TransparencyColumns, rows, cancellationToken)
                    : TableWriter.WriteJsonAsync(body, sets.TransparencyColumns, rows, cancellationToken));
                break;
        }
        return new EmptyResult();
    }

    private List<string> ModelErrors() =>
        ModelState.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();
}
