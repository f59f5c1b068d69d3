using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Browse;

public sealed record ContractItem(int Id, string CaseSlug, string CaseTitle, string Object, string? Buyer, string? BuyerInsee, string? Vendor,
    string? VendorSlug, DateOnly? SignedOn, DatePrecision Precision, decimal? Amount);

public sealed record RequestItem(int Id, string Subject, string Body, string? BodyInsee, string? CaseSlug, string? CaseTitle, RequestState State,
    string StateLabel, DateOnly? SentOn, DateOnly? NextDeadline, bool IsClosed);

public sealed record BrowsePage<T>(PublicFilter Filter, BrowseChoices Choices, IReadOnlyList<T> Items, int Total, int Page, string Sort, bool Descending,
    IReadOnlyList<string> Errors)
{
    public const int Size = 30;

    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);
}

/// <summary>Browse pages of the contracts and the public requests, with the filters of the search and the open data.</summary>
[AllowAnonymous]
public sealed class BrowseController(VigieDbContext db) : Controller
{
    [HttpGet("marches")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Contracts([FromQuery] PublicFilter filter, [FromQuery(Name = "tri")] string? sort,
        [FromQuery(Name = "ordre")] string? order, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        filter.Normalized();
        var key = sort is "montant" or "objet" ? sort : "date";
        var descending = order != "croissant";
        var errors = Errors(page);
        if (order is not (null or "croissant" or "decroissant"))
        {
            errors.Add("Ordre de tri inconnu : croissant ou decroissant.");
        }
        var choices = await BrowseChoices.LoadAsync(db, cancellationToken);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new BrowsePage<ContractItem>(filter, choices, [], 0, 1, key, descending, errors));
        }
        var contracts = filter.Apply(db.Contracts.AsNoTracking());
        var total = await contracts.CountAsync(cancellationToken);
        // Unknown amounts and dates go last whichever the direction.
        contracts = (key, descending) switch
        {
            ("montant", true) => contracts.OrderBy(k => k.AmountEuros == null).ThenByDescending(k => k.AmountEuros).ThenBy(k => k.Id),
            ("montant", false) => contracts.OrderBy(k => k.AmountEuros == null).ThenBy(k => k.AmountEuros).ThenBy(k => k.Id),
            ("objet", true) => contracts.OrderByDescending(k => k.Object).ThenBy(k => k.Id),
            ("objet", false) => contracts.OrderBy(k => k.Object).ThenBy(k => k.Id),
            (_, true) => contracts.OrderBy(k => k.SignedOn == null).ThenByDescending(k => k.SignedOn).ThenBy(k => k.Id),
            _ => contracts.OrderBy(k => k.SignedOn == null).ThenBy(k => k.SignedOn).ThenBy(k => k.Id),
        };
        var items = await contracts.Skip((page - 1) * BrowsePage<ContractItem>.Size).Take(BrowsePage<ContractItem>.Size)
            .Select(k => new ContractItem(k.Id, k.Case!.Slug, k.Case.Title, k.Object,
                k.BuyerMunicipality != null ? k.BuyerMunicipality.Name : k.Case.Municipality!.Name,
                k.BuyerMunicipality != null ? k.BuyerMunicipality.InseeCode : k.Case.Municipality!.InseeCode,
                k.Vendor != null ? k.Vendor.Name : null, k.Vendor != null ? k.Vendor.Slug : null, k.SignedOn, k.SignedOnPrecision, k.AmountEuros))
            .ToListAsync(cancellationToken);
        return View(new BrowsePage<ContractItem>(filter, choices, items, total, page, key, descending, []));
    }

    [HttpGet("demandes-cada")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Requests([FromQuery] PublicFilter filter, [FromQuery(Name = "page")] int page = 1,
        CancellationToken cancellationToken = default)
    {
        filter.Normalized();
        var errors = Errors(page);
        var choices = await BrowseChoices.LoadAsync(db, cancellationToken);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new BrowsePage<RequestItem>(filter, choices, [], 0, 1, "envoi", true, errors));
        }
        var requests = filter.Apply(db.CadaRequests.AsNoTracking());
        var total = await requests.CountAsync(cancellationToken);
        var items = await requests.OrderBy(r => r.SentOn == null).ThenByDescending(r => r.SentOn).ThenBy(r => r.Id)
            .Skip((page - 1) * BrowsePage<RequestItem>.Size).Take(BrowsePage<RequestItem>.Size)
            .Select(r => new RequestItem(r.Id, r.Subject, r.PublicBody!.Name, r.PublicBody.Municipality != null ? r.PublicBody.Municipality.InseeCode : null,
                r.Case != null ? r.Case.Slug : null, r.Case != null ? r.Case.Title : null, r.State, r.StateLabel, r.SentOn, r.NextDeadlineOn, r.IsClosed))
            .ToListAsync(cancellationToken);
        return View(new BrowsePage<RequestItem>(filter, choices, items, total, page, "envoi", true, []));
    }

    private List<string> Errors(int page)
    {
        var errors = ModelState.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();
        if (page is < 1 or > 100_000)
        {
            errors.Add("Numéro de page invalide.");
        }
        return errors;
    }
}
