using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Cases;
using Vigie.Web.Features.Documents;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Features.Search;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Api;

// The actions' <param> tags document the API's parameters; the filter documents its own (PublicFilter's properties) and a
// cancellation token is not one.
#pragma warning disable CS1573

/// <summary>
/// The read-only public API. Everything here is what an anonymous visitor may read, whoever calls: published cases,
/// public requests and documents, never a team member. Lists are ordered by a stable key and paged with opaque cursors.
/// Filters are the site's (departement, region, technologie, prestataire, etat, annee). The actions' XML comments are the
/// OpenAPI document's French text (summary: the operation's title; remarks: its description; param and response), so
/// they are written in French, for the API's users; ApiSetup checks and completes them.
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1")]
[ApiExplorerSettings(GroupName = ApiSetup.Version)]
[EnableCors(ApiSetup.Cors)]
[EnableRateLimiting(ApiSetup.RateLimit)]
[OutputCache(PolicyName = CachePolicies.Public)]
[ProducesResponseType(StatusCodes.Status200OK)]
public sealed class ApiV1Controller(VigieDbContext db, TimeProvider clock) : ControllerBase
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Liste des dossiers publiés</summary>
    /// <remarks>Les dossiers publiés, du plus ancien au plus récent (par identifiant interne), avec les filtres du site.</remarks>
    /// <param name="cursor">Curseur de la page suivante : la valeur « next » de la réponse précédente, telle quelle, avec les mêmes filtres. Absent : première page.</param>
    /// <param name="limit">Nombre d'éléments par page, de 1 à 200 (50 par défaut).</param>
    /// <response code="200">Une page de dossiers.</response>
    /// <response code="400">Paramètre invalide (filtre, curseur ou limite) : problème JSON dont le titre explique l'erreur en français.</response>
    [HttpGet("cases")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ApiPage<ApiCaseItem>>> Cases([FromQuery] PublicFilter filter, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (Check(cursor, "cases", limit, out var after, out var take) is { } bad)
        {
            return bad;
        }
        var cases = filter.Normalized().Apply(db.Cases.AsNoTracking());
        if (after is not null)
        {
            var id = int.Parse(after, CultureInfo.InvariantCulture);
            cases = cases.Where(c => c.Id > id);
        }
        var rows = await cases.OrderBy(c => c.Id).Take(take + 1)
            .Select(c => new
            {
                c.Id,
                Item = new ApiCaseItem(c.Slug, c.Title, c.Summary,
                    new ApiCommuneRef(c.Municipality!.InseeCode, c.Municipality.Name, c.Municipality.DepartmentCode, c.Municipality.RegionCode),
                    c.Technologies.OrderBy(t => t.Position).Select(t => t.Slug).ToList(), c.Vendors.OrderBy(v => v.Slug).Select(v => v.Slug).ToList(),
                    c.PublishedAt, c.UpdatedAt, "/dossiers/" + c.Slug),
            })
            // Two lists per case: one query each rather than their cartesian product.
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return Page(rows.Select(r => r.Item).ToList(), rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList(), take, "cases");
    }

    /// <summary>Un dossier publié</summary>
    /// <remarks>Un dossier publié avec ses marchés, financements, chronologie, citations et sources, et les identifiants de ses demandes CADA et documents publics.</remarks>
    /// <param name="slug">Identifiant du dossier (celui de son adresse /dossiers/…), par exemple elancourt.</param>
    /// <response code="200">Le dossier.</response>
    /// <response code="404">Aucun dossier publié sous cet identifiant (un brouillon répond comme un dossier inexistant).</response>
    [HttpGet("cases/{slug}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ApiCase>> Case(string slug, CancellationToken cancellationToken)
    {
        var page = await CaseQueries.LoadPublishedPageAsync(db, slug, clock.TodayInParis(), cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        var c = page.Case;
        var m = c.Municipality!;
        return new ApiCase(c.Slug, c.Title, c.Summary, c.Body, new ApiCommuneRef(m.InseeCode, m.Name, m.DepartmentCode, m.RegionCode),
            c.Technologies.Select(t => t.Slug).ToList(), c.Vendors.Select(v => v.Slug).ToList(), c.PublishedAt, c.UpdatedAt, "/dossiers/" + c.Slug,
            page.Contracts.Select(k => new ApiContract(k.Id, c.Slug, k.Object, k.BuyerMunicipalityId is null ? m.InseeCode : null, null,
                k.Vendor?.Slug, k.SignedOn is { } d ? Fr.IsoDate(d, k.SignedOnPrecision) : null, k.SignedOn is null ? null : k.SignedOnPrecision.ToString(),
                k.AmountEuros, k.Reference, k.Missing, page.SourceNumber(k.SourceId))).ToList(),
            page.Fundings.Select(f => new ApiFunding(f.Id, f.Label, f.Funder, f.AmountEuros, f.Year, f.IsEstimate, page.SourceNumber(f.SourceId))).ToList(),
            page.Timeline.Select(e => new ApiTimelineEvent(Fr.IsoDate(e.OccurredOn, e.OccurredOnPrecision), e.OccurredOnPrecision.ToString(), e.Title,
                e.Description, page.SourceNumber(e.SourceId))).ToList(),
            page.Quotes.Select(q => new ApiQuote(q.Speaker, q.SpeakerRole, q.Text, q.SaidOn is { } d ? Fr.IsoDate(d, q.SaidOnPrecision) : null,
                page.SourceNumber(q.SourceId))).ToList(),
            page.Sources.Select(s => new ApiSource(s.Number, s.Url, s.Title, s.Publisher, s.PublishedOn is { } d ? Fr.IsoDate(d, s.PublishedOnPrecision) : null,
                s.ArchiveUrl)).ToList(),
            page.Requests.Select(r => r.Request.Id).ToList(),
            page.Documents.Select(d => d.Id).ToList());
    }

    /// <summary>Liste des communes</summary>
    /// <remarks>Toutes les communes actuelles de France, par code INSEE, avec leur nombre de dossiers publiés.</remarks>
    /// <param name="departement">Code du département (par exemple 78, 2A ou 971).</param>
    /// <param name="region">Code de la région (par exemple 11 pour l'Île-de-France).</param>
    /// <param name="cursor">Curseur de la page suivante : la valeur « next » de la réponse précédente, telle quelle, avec les mêmes filtres. Absent : première page.</param>
    /// <param name="limit">Nombre d'éléments par page, de 1 à 200 (50 par défaut).</param>
    /// <response code="200">Une page de communes.</response>
    /// <response code="400">Paramètre invalide (filtre, curseur ou limite) : problème JSON dont le titre explique l'erreur en français.</response>
    [HttpGet("communes")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ApiPage<ApiCommune>>> Communes([FromQuery(Name = "departement")] string? departement,
        [FromQuery(Name = "region")] string? region, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (Check(cursor, "communes", limit, out var after, out var take) is { } bad)
        {
            return bad;
        }
        var communes = db.Municipalities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(departement))
        {
            communes = communes.Where(m => m.DepartmentCode == departement.Trim().ToUpperInvariant());
        }
        if (!string.IsNullOrWhiteSpace(region))
        {
            communes = communes.Where(m => m.RegionCode == region.Trim());
        }
        if (after is not null)
        {
            communes = communes.Where(m => string.Compare(m.InseeCode, after) > 0);
        }
        var rows = await communes.OrderBy(m => m.InseeCode).Take(take + 1)
            .Select(m => new ApiCommune(m.InseeCode, m.Name, m.DepartmentCode, m.RegionCode, m.Population, m.PostalCodes,
                db.Cases.Count(c => c.MunicipalityId == m.Id && Visibility.IsPublic(c)), "/communes/" + m.InseeCode))
            .ToListAsync(cancellationToken);
        return Page(rows, rows.Select(r => r.InseeCode).ToList(), take, "communes");
    }

    /// <summary>Une commune</summary>
    /// <remarks>Une commune : ses dossiers publiés et les chiffres de transparence des demandes CADA publiques qu'elle a reçues.</remarks>
    /// <param name="code">Code INSEE de la commune (5 caractères), par exemple 78208.</param>
    /// <response code="200">La commune.</response>
    /// <response code="404">Aucune commune sous ce code INSEE.</response>
    [HttpGet("communes/{code}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ApiCommuneDetail>> Commune(string code, CancellationToken cancellationToken)
    {
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(x => x.InseeCode == code.ToUpperInvariant(), cancellationToken);
        if (m is null)
        {
            return NotFound();
        }
        var cases = await db.Cases.AsNoTracking().Public().Where(c => c.MunicipalityId == m.Id).OrderBy(c => c.Id).Select(c => c.Slug)
            .ToListAsync(cancellationToken);
        var requests = await PublicRequests.LoadAsync(db, db.CadaRequests
            .Where(r => r.PublicBody!.Kind == PublicBodyKind.Commune && r.PublicBody.MunicipalityId == m.Id), clock.TodayInParis(), cancellationToken);
        var t = TransparencySummary.Of(requests);
        return new ApiCommuneDetail(m.InseeCode, m.Name, m.DepartmentCode, m.RegionCode, m.Population, m.PostalCodes, m.IntercommunalitySiren, cases,
            new ApiTransparency(t.Made, t.Full, t.Partial, t.Refused, t.Silent, t.MedianDaysToFirstReply, t.RepliesMeasured, t.Referrals, t.Opinions.Count),
            "/communes/" + m.InseeCode);
    }

    /// <summary>Liste des prestataires</summary>
    /// <remarks>Les prestataires (entreprises et éditeurs), par identifiant, avec leur nombre de dossiers publiés.</remarks>
    /// <param name="cursor">Curseur de la page suivante : la valeur « next » de la réponse précédente, telle quelle, avec les mêmes filtres. Absent : première page.</param>
    /// <param name="limit">Nombre d'éléments par page, de 1 à 200 (50 par défaut).</param>
    /// <response code="200">Une page de prestataires.</response>
    /// <response code="400">Paramètre invalide (filtre, curseur ou limite) : problème JSON dont le titre explique l'erreur en français.</response>
    [HttpGet("vendors")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ApiPage<ApiVendor>>> Vendors(string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (Check(cursor, "vendors", limit, out var after, out var take) is { } bad)
        {
            return bad;
        }
        var vendors = db.Vendors.AsNoTracking();
        if (after is not null)
        {
            vendors = vendors.Where(v => string.Compare(v.Slug, after) > 0);
        }
        var rows = await vendors.OrderBy(v => v.Slug).Take(take + 1)
            .Select(v => new ApiVendor(v.Slug, v.Name, v.Country, v.Website, v.Description, v.Cases.Count(c => Visibility.IsPublic(c)),
                "/prestataires/" + v.Slug))
            .ToListAsync(cancellationToken);
        return Page(rows, rows.Select(r => r.Slug).ToList(), take, "vendors");
    }

    /// <summary>Un prestataire</summary>
    /// <remarks>Un prestataire et son nombre de dossiers publiés.</remarks>
    /// <param name="slug">Identifiant du prestataire, par exemple genetec.</param>
    /// <response code="200">Le prestataire.</response>
    /// <response code="404">Aucun prestataire sous cet identifiant.</response>
    [HttpGet("vendors/{slug}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ApiVendor>> Vendor(string slug, CancellationToken cancellationToken)
    {
        var vendor = await db.Vendors.AsNoTracking().Where(v => v.Slug == slug)
            .Select(v => new ApiVendor(v.Slug, v.Name, v.Country, v.Website, v.Description, v.Cases.Count(c => Visibility.IsPublic(c)),
                "/prestataires/" + v.Slug))
            .FirstOrDefaultAsync(cancellationToken);
        return vendor is null ? NotFound() : vendor;
    }

    /// <summary>Liste des technologies</summary>
    /// <remarks>La classification des technologies, dans l'ordre d'affichage du site (une liste courte, sans curseur).</remarks>
    /// <response code="200">Toutes les technologies.</response>
    [HttpGet("technologies")]
    public async Task<ActionResult<ApiPage<ApiTechnology>>> Technologies(CancellationToken cancellationToken) =>
        new ApiPage<ApiTechnology>(await db.Technologies.AsNoTracking().OrderBy(t => t.Position)
            .Select(t => new ApiTechnology(t.Slug, t.Name, t.Description, t.Cases.Count(c => Visibility.IsPublic(c)), "/technologies/" + t.Slug))
            .ToListAsync(cancellationToken), null, null);

    /// <summary>Liste des marchés</summary>
    /// <remarks>Les marchés et conventions des dossiers publiés, par identifiant, avec les filtres du site (le lieu d'un marché est celui de l'acheteur, à défaut la commune du dossier).</remarks>
    /// <param name="cursor">Curseur de la page suivante : la valeur « next » de la réponse précédente, telle quelle, avec les mêmes filtres. Absent : première page.</param>
    /// <param name="limit">Nombre d'éléments par page, de 1 à 200 (50 par défaut).</param>
    /// <response code="200">Une page de marchés.</response>
    /// <response code="400">Paramètre invalide (filtre, curseur ou limite) : problème JSON dont le titre explique l'erreur en français.</response>
    [HttpGet("contracts")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ApiPage<ApiContract>>> Contracts([FromQuery] PublicFilter filter, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        if (Check(cursor, "contracts", limit, out var after, out var take) is { } bad)
        {
            return bad;
        }
        var contracts = filter.Normalized().Apply(db.Contracts.AsNoTracking());
        if (after is not null)
        {
            var id = int.Parse(after, CultureInfo.InvariantCulture);
            contracts = contracts.Where(k => k.Id > id);
        }
        var rows = await contracts.OrderBy(k => k.Id).Take(take + 1)
            .Select(k => new
            {
                k.Id,
                CaseSlug = k.Case!.Slug,
                k.Object,
                BuyerInsee = k.BuyerMunicipality != null ? k.BuyerMunicipality.InseeCode : k.Case.Municipality!.InseeCode,
                Buyer = k.BuyerMunicipality != null ? k.BuyerMunicipality.Name : k.Case.Municipality!.Name,
                Vendor = k.Vendor != null ? k.Vendor.Slug : null,
                k.SignedOn,
                k.SignedOnPrecision,
                k.AmountEuros,
                k.Reference,
                k.Missing,
                SourceNumber = k.Source != null ? (int?)k.Source.Number : null,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(k => new ApiContract(k.Id, k.CaseSlug, k.Object, k.BuyerInsee, k.Buyer, k.Vendor,
            k.SignedOn is { } d ? Fr.IsoDate(d, k.SignedOnPrecision) : null, k.SignedOn is null ? null : k.SignedOnPrecision.ToString(),
            k.AmountEuros, k.Reference, k.Missing, k.SourceNumber)).ToList();
        return Page(items, rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList(), take, "contracts");
    }

    /// <summary>Liste des demandes CADA publiques</summary>
    /// <remarks>Les demandes CADA publiques, par identifiant, avec leur état et leur prochaine échéance calculés pour aujourd'hui, et les filtres du site.</remarks>
    /// <param name="cursor">Curseur de la page suivante : la valeur « next » de la réponse précédente, telle quelle, avec les mêmes filtres. Absent : première page.</param>
    /// <param name="limit">Nombre d'éléments par page, de 1 à 200 (50 par défaut).</param>
    /// <response code="200">Une page de demandes.</response>
    /// <response code="400">Paramètre invalide (filtre, curseur ou limite) : problème JSON dont le titre explique l'erreur en français.</response>
    [HttpGet("requests")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ApiPage<ApiRequestItem>>> Requests([FromQuery] PublicFilter filter, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        if (Check(cursor, "requests", limit, out var after, out var take) is { } bad)
        {
            return bad;
        }
        var requests = filter.Normalized().Apply(db.CadaRequests.AsNoTracking());
        if (after is not null)
        {
            var id = int.Parse(after, CultureInfo.InvariantCulture);
            requests = requests.Where(r => r.Id > id);
        }
        var rows = await requests.OrderBy(r => r.Id).Take(take + 1)
            .Select(r => new
            {
                r.Id,
                r.Subject,
                Body = r.PublicBody!.Name,
                r.PublicBody.Kind,
                r.PublicBody.DepartmentCode,
                Case = r.Case != null ? r.Case.Slug : null,
                r.State,
                r.StateLabel,
                r.SentOn,
                r.NextDeadlineOn,
                r.NextDeadlineKind,
                r.IsClosed,
                r.ClosingOutcome,
                r.AnalysedOn,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ApiRequestItem(r.Id, r.Subject, r.Body, r.Kind.ToString(), r.DepartmentCode, r.Case, RequestStateIds.Of(r.State),
            r.StateLabel, r.SentOn, r.NextDeadlineOn, r.NextDeadlineKind?.ToString(), r.IsClosed, r.ClosingOutcome?.ToString(), r.AnalysedOn)).ToList();
        return Page(items, rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList(), take, "requests");
    }

    /// <summary>Une demande CADA publique</summary>
    /// <remarks>Une demande CADA publique : les documents demandés et ce qu'il en est advenu, ses étapes datées et ses délais, calculés pour aujourd'hui. Jamais le nom du demandeur ni les commentaires de l'équipe.</remarks>
    /// <param name="id">Identifiant numérique de la demande.</param>
    /// <response code="200">La demande.</response>
    /// <response code="404">Aucune demande publique sous cet identifiant (une demande privée répond comme une demande inexistante).</response>
    [HttpGet("requests/{id:int}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ApiRequest>> RequestById(int id, CancellationToken cancellationToken)
    {
        var found = await PublicRequests.LoadAsync(db, db.CadaRequests.Where(r => r.Id == id), clock.TodayInParis(), cancellationToken);
        if (found.Count == 0)
        {
            return NotFound();
        }
        var view = found[0];
        var r = view.Request;
        var body = r.PublicBody!;
        return new ApiRequest(
            r.Id,
            r.Subject,
            new ApiBody(body.Name, body.Kind.ToString(), body.DepartmentCode),
            r.Case is { } c ? new ApiCaseRef(c.Slug, c.Title) : null,
            RequestStateIds.Of(view.Analysis.State),
            view.Analysis.StateLabel,
            view.Documents.Select((d, i) => new ApiRequestedDocument(i + 1, d.Title,
                i < view.Analysis.DocumentOutcomes.Count && view.Sent is not null ? view.Analysis.DocumentOutcomes[i].Status.Label() : "non demandé encore")).ToList(),
            view.Events.Where(e => e.Kind != RequestEventKind.Note).Select(e => new ApiEvent(
                e.Kind.ToString(), e.Kind.Label(), Fr.IsoDate(e.OccurredOn, e.OccurredOnPrecision), e.IsApproximate,
                EventRules.Details(e, view.Documents, withComment: false) is { Length: > 0 } details ? details : null)).ToList(),
            view.Analysis.Deadlines.Select(d => new ApiDeadline(d.Kind.ToString(), d.Kind.Label(), d.Date, d.MetOn)).ToList(),
            r.OutcomeSummary);
    }

    /// <summary>Liste des documents publics (métadonnées)</summary>
    /// <remarks>Les métadonnées des documents publics (ni rattachés à un dossier non publié, ni à une demande privée), par identifiant.</remarks>
    /// <param name="cursor">Curseur de la page suivante : la valeur « next » de la réponse précédente, telle quelle, avec les mêmes filtres. Absent : première page.</param>
    /// <param name="limit">Nombre d'éléments par page, de 1 à 200 (50 par défaut).</param>
    /// <response code="200">Une page de documents.</response>
    /// <response code="400">Paramètre invalide (filtre, curseur ou limite) : problème JSON dont le titre explique l'erreur en français.</response>
    [HttpGet("documents")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ApiPage<ApiDocument>>> Documents(string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (Check(cursor, "documents", limit, out var after, out var take) is { } bad)
        {
            return bad;
        }
        var documents = PublicDocuments();
        if (after is not null)
        {
            var id = int.Parse(after, CultureInfo.InvariantCulture);
            documents = documents.Where(d => d.Id > id);
        }
        var rows = await documents.OrderBy(d => d.Id).Take(take + 1).Include(d => d.File).Include(d => d.Case).ToListAsync(cancellationToken);
        return Page(rows.Select(ToApi).ToList(), rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList(), take, "documents");
    }

    /// <summary>Un document public (métadonnées)</summary>
    /// <remarks>Les métadonnées d'un document public et l'adresse de son fichier.</remarks>
    /// <param name="id">Identifiant numérique du document.</param>
    /// <response code="200">Le document.</response>
    /// <response code="404">Aucun document public sous cet identifiant (un document privé répond comme un document inexistant).</response>
    [HttpGet("documents/{id:int}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ApiDocument>> DocumentById(int id, CancellationToken cancellationToken)
    {
        var d = await PublicDocuments().Include(x => x.File).Include(x => x.Case).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return d is null ? NotFound() : ToApi(d);
    }

    /// <summary>Recherche dans tout le site</summary>
    /// <remarks>
    /// La recherche du site, en texte intégral (français, sans tenir compte des accents ni des majuscules ; « expression exacte »
    /// entre guillemets, OR entre deux mots, un tiret devant un mot pour l'exclure) dans les dossiers, documents, marchés,
    /// demandes CADA, prestataires et communes, avec le nombre de résultats par type et par valeur de filtre. Sans type, les
    /// meilleurs résultats de chaque type ; avec un type, une page de ce type (curseur pour la suivante).
    /// </remarks>
    /// <param name="q">Les mots cherchés (200 caractères au plus), obligatoire.</param>
    /// <param name="type">Un seul type de résultat : dossiers, documents, marches, demandes, prestataires ou communes.</param>
    /// <param name="cursor">Curseur de la page suivante : la valeur « next » de la réponse précédente, avec les mêmes q, type et filtres (type obligatoire).</param>
    /// <response code="200">Les résultats.</response>
    /// <response code="400">Paramètre invalide ou absent (q, type, filtre ou curseur) : problème JSON dont le titre explique l'erreur en français.</response>
    [HttpGet("search")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ApiSearch>> Search(string? q, string? type, [FromQuery] PublicFilter filter, string? cursor, CancellationToken cancellationToken)
    {
        q = q?.Trim();
        if (!ModelState.IsValid)
        {
            return Invalid(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }
        if (string.IsNullOrEmpty(q) || q.Length > SiteSearch.MaxQueryLength)
        {
            return Invalid($"Paramètre q obligatoire ({SiteSearch.MaxQueryLength} caractères au plus).");
        }
        var kind = SearchPage.ParseKind(type);
        if (type is not null && kind is null)
        {
            return Invalid("Type inconnu : dossiers, documents, marches, demandes, prestataires ou communes.");
        }
        var page = 1;
        if (!ApiCursor.TryDecode(cursor, "search", out var pageText) || (cursor is not null && kind is null)
            || (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > 10_000)))
        {
            return Invalid("Curseur invalide.");
        }
        filter.Normalized();
        var results = await SiteSearch.RunAsync(db, q, filter, kind, page, withFacets: true, cancellationToken);
        var labels = await FacetLabels.LoadAsync(db, results.Facets, filter, cancellationToken);
        var hasMore = kind is { } k && results.CountOf(k) > page * SiteSearch.PageSize;
        var next = hasMore ? ApiCursor.Encode("search", (page + 1).ToString(CultureInfo.InvariantCulture)) : null;
        return new ApiSearch(q, results.Total, results.Capped,
            results.Kinds.ToDictionary(x => SearchPage.Names[x.Kind].Slug, x => x.Count),
            results.Facets.Select(f => new ApiFacet(f.Facet, f.Value, labels.Label(f.Facet, f.Value), f.Count)).ToList(),
            results.Hits.Select(h => new ApiSearchHit(SearchPage.Names[h.Kind].Slug, h.Key, h.Title, h.Place, SearchViews.Detail(h), h.Rank,
                h.Snippet is null ? null : DocumentSearch.ToPlainText(h.Snippet), SearchViews.Url(h))).ToList(),
            next, next is null ? null : NextUrl(next));
    }

    private IQueryable<Document> PublicDocuments() => db.Documents.AsNoTracking().Public();

    private static ApiDocument ToApi(Document d)
    {
        var f = d.File;
        return new ApiDocument(d.Id, d.Title, d.Kind.ToString(), d.Date, d.ReceivedOn, d.Description, d.Case?.Slug, d.CadaRequestId,
            d.IsRedacted, d.RedactionNote, d.RedactionGround, f is null ? null : FileFormats.SafeName(d.FileName, f.Format),
            f is null ? null : FileFormats.ContentType(f.Format), f?.Length, f?.Sha256, f?.PageCount, $"/documents/{d.Id}",
            f is null ? null : $"/documents/{d.Id}/telecharger");
    }

    private ActionResult? Check(string? cursor, string list, int? limit, out string? after, out int take)
    {
        take = limit ?? DefaultLimit;
        if (!ModelState.IsValid)
        {
            after = null;
            return Invalid(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }
        // Lists ordered by id carry an id in their cursor; a forged one must be a 400, not a failed int.Parse.
        if (!ApiCursor.TryDecode(cursor, list, out after)
            || (after is not null && list is "cases" or "contracts" or "requests" or "documents"
                && !int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return Invalid("Curseur invalide : reprenez la valeur « next » d'une réponse de cette liste.");
        }
        if (take is < 1 or > MaxLimit)
        {
            return Invalid($"limit doit être compris entre 1 et {MaxLimit}.");
        }
        return null;
    }

    private ObjectResult Invalid(string message) => Problem(title: message, statusCode: StatusCodes.Status400BadRequest);

    private ApiPage<T> Page<T>(List<T> rows, IReadOnlyList<string> keys, int take, string list)
    {
        if (rows.Count <= take)
        {
            return new ApiPage<T>(rows, null, null);
        }
        var next = ApiCursor.Encode(list, keys[take - 1]);
        return new ApiPage<T>(rows.Take(take).ToList(), next, NextUrl(next));
    }

    private string NextUrl(string next)
    {
        var query = QueryString.Create(Request.Query.Where(p => p.Key != "cursor").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", next)));
        return Request.Path + query.ToUriComponent();
    }
}
