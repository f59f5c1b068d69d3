using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Privacy;

/// <summary>
/// Who may see what: the one place that decides it. Every surface (pages, case files, letters, exports, the API,
/// open data, search, feeds, CSV, charts, statistics, completion) reads through these rules; an architecture test
/// fails when code elsewhere filters on <c>IsPublic</c>, a case's status or a campaign's flags itself.
/// <para>
/// Public (anyone, and every public surface whoever asks):
/// a case when published, with its parts; a campaign when running or closed and not a demonstration; a request when
/// marked public and neither its case nor its campaign is hidden; its live events, without the team's comments; a
/// document when marked public and neither its case nor its request is hidden. "Public" on a document is therefore a
/// wish that takes effect only once its request and case are public. Team members' identities are never public.
/// </para>
/// <para>
/// Members see, besides: volunteers, the cases they created, the requests they make and the documents of those
/// requests or that they uploaded; editors and admins, everything. Campaigns are the team's shared work: every member
/// sees every campaign and the progress of its requests, but only organisers see who claimed which.
/// </para>
/// The rules are expressions, so that EF Core translates them; <see cref="IsPublic(CadaRequest)"/> and its siblings
/// can be written inside any EF Core query's lambdas (<see cref="VisibilityRules"/> inlines the rule when the query
/// is compiled), and also work in memory on loaded entities. <see cref="VisibilitySql"/> states the same rules for the
/// search's SQL; a test checks that both agree.
/// </summary>
public static class Visibility
{
    public static readonly Expression<Func<Case, bool>> PublicCase = c => c.Status == CaseStatus.Published;

    public static readonly Expression<Func<Campaign, bool>> PublicCampaign = c => !c.IsDemonstration && c.Status != CampaignStatus.Preparing;

    public static readonly Expression<Func<CadaRequest, bool>> PublicRequest = Expand<Func<CadaRequest, bool>>(r =>
        r.IsPublic && (r.CaseId == null || IsPublic(r.Case!)) && (r.CampaignId == null || IsPublic(r.Campaign!)));

    public static readonly Expression<Func<Document, bool>> PublicDocument = Expand<Func<Document, bool>>(d =>
        d.IsPublic && (d.CaseId == null || IsPublic(d.Case!)) && (d.CadaRequestId == null || IsPublic(d.CadaRequest!)));

    public static readonly Expression<Func<CadaRequestEvent, bool>> PublicEvent = Expand<Func<CadaRequestEvent, bool>>(e =>
        e.DeletedAt == null && IsPublic(e.CadaRequest!));

    public static readonly Expression<Func<Contract, bool>> PublicContract = Expand<Func<Contract, bool>>(k => IsPublic(k.Case!));

    private static readonly Func<Case, bool> PublicCaseInMemory = PublicCase.Compile();
    private static readonly Func<Campaign, bool> PublicCampaignInMemory = PublicCampaign.Compile();
    private static readonly Func<CadaRequest, bool> PublicRequestInMemory = PublicRequest.Compile();
    private static readonly Func<Document, bool> PublicDocumentInMemory = PublicDocument.Compile();

    // Markers: inside a query they are replaced by the rule (Expand); in memory they evaluate it, so the navigations
    // the rule reads (a request's case and campaign, a document's case and request) must be loaded.
    public static bool IsPublic(Case c) => PublicCaseInMemory(c);

    public static bool IsPublic(Campaign c) => PublicCampaignInMemory(c);

    public static bool IsPublic(CadaRequest r) => PublicRequestInMemory(r);

    public static bool IsPublic(Document d) => PublicDocumentInMemory(d);

    // What a given viewer may see.
    public static Expression<Func<Case, bool>> CasesFor(Viewer viewer) => viewer.IsEditor ? _ => true
        : viewer.UserId is int id ? Expand<Func<Case, bool>>(c => IsPublic(c) || c.CreatedById == id)
        : PublicCase;

    public static Expression<Func<CadaRequest, bool>> RequestsFor(Viewer viewer) => viewer.IsEditor ? _ => true
        : viewer.UserId is int id ? Expand<Func<CadaRequest, bool>>(r => IsPublic(r) || r.RequesterId == id)
        : PublicRequest;

    public static Expression<Func<Document, bool>> DocumentsFor(Viewer viewer) => viewer.IsEditor ? _ => true
        : viewer.UserId is int id ? Expand<Func<Document, bool>>(d => IsPublic(d) || d.UploadedById == id
            || (d.CadaRequestId != null && d.CadaRequest!.RequesterId == id))
        : PublicDocument;

    public static Expression<Func<Campaign, bool>> CampaignsFor(Viewer viewer) => viewer.IsMember ? _ => true : PublicCampaign;

    /// <summary>
    /// Whose campaign requests' progress (state, deadlines, not their content) a viewer follows on campaign pages:
    /// every one for members, since the team shares the campaign's work out; the public ones for anyone else.
    /// </summary>
    public static Expression<Func<CadaRequest, bool>> CampaignProgressFor(Viewer viewer) => viewer.IsMember ? _ => true : PublicRequest;

    /// <summary>
    /// Whether a campaign's requests are marked public: the campaign says so, and is itself public. A campaign in
    /// preparation does not announce its requests on the commune pages before they are sent; a demonstration never does.
    /// </summary>
    public static bool CampaignPublishesItsRequests(Campaign campaign) => campaign.RequestsArePublic && IsPublic(campaign);

    public static bool CanSee(Viewer viewer, Case c) => viewer.IsEditor || IsPublic(c) || viewer.Owns(c.CreatedById);

    public static bool CanSee(Viewer viewer, CadaRequest request) => viewer.IsEditor || viewer.IsRequester(request) || IsPublic(request);

    public static bool CanSee(Viewer viewer, Campaign campaign) => viewer.IsMember || IsPublic(campaign);

    /// <summary>Who claimed which target of a campaign: its organisers (editors listed on it) and admins.</summary>
    public static bool CanSeeClaimants(Viewer viewer, Campaign campaign) =>
        viewer.IsAdmin || (viewer.IsEditor && campaign.Organisers.Any(o => viewer.Owns(o.UserId)));

    public static IQueryable<Case> Public(this IQueryable<Case> cases) => cases.Where(PublicCase);

    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, Viewer viewer) => cases.Where(CasesFor(viewer));

    public static IQueryable<Campaign> Public(this IQueryable<Campaign> campaigns) => campaigns.Where(PublicCampaign);

    public static IQueryable<Campaign> VisibleTo(this IQueryable<Campaign> campaigns, Viewer viewer) => campaigns.Where(CampaignsFor(viewer));

    public static IQueryable<CadaRequest> Public(this IQueryable<CadaRequest> requests) => requests.Where(PublicRequest);

    public static IQueryable<CadaRequest> VisibleTo(this IQueryable<CadaRequest> requests, Viewer viewer) => requests.Where(RequestsFor(viewer));

    public static IQueryable<CadaRequestEvent> Public(this IQueryable<CadaRequestEvent> events) => events.Where(PublicEvent);

    public static IQueryable<Document> Public(this IQueryable<Document> documents) => documents.Where(PublicDocument);

    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, Viewer viewer) => documents.Where(DocumentsFor(viewer));

    public static IQueryable<Contract> Public(this IQueryable<Contract> contracts) => contracts.Where(PublicContract);

    /// <summary>The lambda with every <c>Visibility.IsPublic(…)</c> call replaced by the rule it names.</summary>
    public static Expression<T> Expand<T>(Expression<T> lambda) => (Expression<T>)Inline(lambda);

    internal static Expression Inline(Expression expression) => new RuleInliner().Visit(expression);

    private sealed class RuleInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(Visibility) && node.Method.Name == nameof(IsPublic))
            {
                LambdaExpression rule = node.Arguments[0].Type switch
                {
                    var t when t == typeof(Case) => PublicCase,
                    var t when t == typeof(Campaign) => PublicCampaign,
                    var t when t == typeof(CadaRequest) => PublicRequest,
                    var t when t == typeof(Document) => PublicDocument,
                    var t => throw new NotSupportedException($"No visibility rule for {t.Name}."),
                };
                var argument = Visit(node.Arguments[0]);
                return new Substitution(rule.Parameters[0], argument).Visit(rule.Body);
            }
            return base.VisitMethodCall(node);
        }
    }

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

/// <summary>
/// Lets every EF Core query write <c>Visibility.IsPublic(x)</c> inside its lambdas: the rule is inlined once, when the
/// query is compiled (EF Core caches the result, so this costs nothing per request).
/// </summary>
public sealed class VisibilityRules : IQueryExpressionInterceptor
{
    public static VisibilityRules Interceptor { get; } = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        Visibility.Inline(queryExpression);
}
