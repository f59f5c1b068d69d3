using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Tests.Security;

/// <summary>
/// The visibility rules on every combination of flags, judged by an oracle written here from the policy in
/// docs/security.md: the EF Core rules, their SQL twins (the search), their in-memory form and the case-facet trigger
/// must all agree with it, for the public and for each kind of member.
/// </summary>
public sealed class VisibilityRulesTests(VisibilityRulesTests.World world) : IClassFixture<VisibilityRulesTests.World>
{
    public sealed class World : VigieFactory, IAsyncLifetime
    {
        public int Owner { get; private set; }
        public int Other { get; private set; }
        public List<Case> Cases { get; } = [];
        public List<Campaign> Campaigns { get; } = [];
        public List<CadaRequest> Requests { get; } = [];
        public List<Document> Documents { get; } = [];

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            Owner = (await this.CreateAsync("regles-proprietaire@example.org", Roles.Volunteer)).Id;
            Other = (await this.CreateAsync("regles-autre@example.org", Roles.Volunteer)).Id;
            await using var db = CreateDbContext();
            var commune = await db.Municipalities.SingleAsync(m => m.InseeCode == "78208");
            var body = await db.PublicBodies.SingleAsync(b => b.Kind == PublicBodyKind.Commune && b.MunicipalityId == commune.Id);
            var n = 0;
            foreach (var status in Enum.GetValues<CaseStatus>())
            {
                Cases.Add(new Case { Slug = $"regles-{++n}", Title = $"Règles {n}", MunicipalityId = commune.Id, Status = status, CreatedById = n % 2 == 0 ? Owner : Other });
            }
            foreach (var demo in new[] { false, true })
            {
                foreach (var status in Enum.GetValues<CampaignStatus>())
                {
                    Campaigns.Add(new Campaign { Slug = $"regles-campagne-{++n}", Title = "Campagne", Subject = "Objet", Status = status, IsDemonstration = demo });
                }
            }
            db.AddRange(Cases);
            db.AddRange(Campaigns);
            await db.SaveChangesAsync();
            var states = Enum.GetValues<RequestState>();
            foreach (var flag in new[] { false, true })
            {
                foreach (var c in Cases.Cast<Case?>().Prepend(null))
                {
                    foreach (var k in Campaigns.Cast<Campaign?>().Prepend(null))
                    {
                        // One request per body and campaign: each campaign request gets a body of its own.
                        var bodyId = k is null ? body.Id : (await db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune).OrderBy(b => b.Id)
                            .Skip(Requests.Count).Select(b => b.Id).FirstAsync());
                        Requests.Add(new CadaRequest
                        {
                            Subject = "Règles", PublicBodyId = bodyId, CaseId = c?.Id, CampaignId = k?.Id, IsPublic = flag,
                            State = states[Requests.Count % states.Length], RequesterId = Requests.Count % 3 == 0 ? Owner : Other,
                        });
                    }
                }
            }
            db.AddRange(Requests);
            await db.SaveChangesAsync();
            foreach (var flag in new[] { false, true })
            {
                foreach (var c in Cases.Cast<Case?>().Prepend(null))
                {
                    Documents.Add(new Document { Title = "Pièce", CaseId = c?.Id, IsPublic = flag, UploadedById = Documents.Count % 4 == 0 ? Owner : Other });
                }
                foreach (var r in Requests)
                {
                    Documents.Add(new Document { Title = "Pièce", CaseId = r.CaseId, CadaRequestId = r.Id, IsPublic = flag, UploadedById = Documents.Count % 4 == 0 ? Owner : null });
                }
            }
            db.AddRange(Documents);
            await db.SaveChangesAsync();
        }

        public bool Public(Case c) => c.Status == CaseStatus.Published;

        public bool Public(Campaign k) => !k.IsDemonstration && k.Status != CampaignStatus.Preparing;

        public bool Public(CadaRequest r) => r.IsPublic && (r.CaseId is not int c || Public(Cases.Single(x => x.Id == c)))
            && (r.CampaignId is not int k || Public(Campaigns.Single(x => x.Id == k)));

        public bool Public(Document d) => d.IsPublic && (d.CaseId is not int c || Public(Cases.Single(x => x.Id == c)))
            && (d.CadaRequestId is not int r || Public(Requests.Single(x => x.Id == r)));
    }

    private HashSet<int> Ids<T>(IEnumerable<T> rows, Func<T, int> id) => rows.Select(id).ToHashSet();

    private async Task<HashSet<int>> SqlIdsAsync(string table, string alias, string rule)
    {
        await using var connection = new NpgsqlConnection(world.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {alias}.id FROM {table} {alias} WHERE {rule}", connection);
        var ids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    [Fact]
    public async Task The_public_rules_agree_with_the_policy_in_EF_Core_in_SQL_and_in_memory()
    {
        await using var db = world.CreateDbContext();
        var mine = (HashSet<int> ids, IEnumerable<int> all) => ids.Intersect(all).ToHashSet();
        var caseIds = Ids(world.Cases, c => c.Id);
        var campaignIds = Ids(world.Campaigns, k => k.Id);
        var requestIds = Ids(world.Requests, r => r.Id);
        var documentIds = Ids(world.Documents, d => d.Id);

        var expectedCases = Ids(world.Cases.Where(world.Public), c => c.Id);
        var expectedCampaigns = Ids(world.Campaigns.Where(world.Public), k => k.Id);
        var expectedRequests = Ids(world.Requests.Where(world.Public), r => r.Id);
        var expectedDocuments = Ids(world.Documents.Where(world.Public), d => d.Id);
        Assert.NotEmpty(expectedRequests);
        Assert.NotEmpty(expectedDocuments);
        Assert.True(expectedRequests.Count < requestIds.Count / 4, "most combinations hide a request");

        Assert.Equal(expectedCases, mine(await db.Cases.Public().Select(c => c.Id).ToHashSetAsync(), caseIds));
        Assert.Equal(expectedCampaigns, mine(await db.Campaigns.Public().Select(k => k.Id).ToHashSetAsync(), campaignIds));
        Assert.Equal(expectedRequests, mine(await db.CadaRequests.Public().Select(r => r.Id).ToHashSetAsync(), requestIds));
        Assert.Equal(expectedDocuments, mine(await db.Documents.Public().Select(d => d.Id).ToHashSetAsync(), documentIds));

        Assert.Equal(expectedCases, mine(await SqlIdsAsync("cases", "c", VisibilitySql.PublicCase("c")), caseIds));
        Assert.Equal(expectedCampaigns, mine(await SqlIdsAsync("campaigns", "k", VisibilitySql.PublicCampaign("k")), campaignIds));
        Assert.Equal(expectedRequests, mine(await SqlIdsAsync("cada_requests", "r", VisibilitySql.PublicRequest("r")), requestIds));
        Assert.Equal(expectedDocuments, mine(await SqlIdsAsync("documents", "d", VisibilitySql.PublicDocument("d")), documentIds));

        var loaded = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).Include(d => d.Case)
            .Include(d => d.CadaRequest).ThenInclude(r => r!.Case).Include(d => d.CadaRequest).ThenInclude(r => r!.Campaign).ToListAsync();
        Assert.Equal(expectedDocuments, Ids(loaded.Where(Visibility.IsPublic), d => d.Id));
        var requests = await db.CadaRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).Include(r => r.Case).Include(r => r.Campaign).ToListAsync();
        Assert.Equal(expectedRequests, Ids(requests.Where(Visibility.IsPublic), r => r.Id));

        // Inside another query's lambda, through the query interceptor.
        var counted = await db.Cases.Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, Requests = c.CadaRequests.Count(r => Visibility.IsPublic(r)), Documents = c.Documents.Count(d => Visibility.IsPublic(d)) })
            .ToListAsync();
        foreach (var row in counted)
        {
            Assert.Equal(world.Requests.Count(r => r.CaseId == row.Id && world.Public(r)), row.Requests);
            Assert.Equal(world.Documents.Count(d => d.CaseId == row.Id && world.Public(d)), row.Documents);
        }
    }

    [Fact]
    public async Task Members_see_their_own_rows_besides_the_public_ones_and_editors_see_everything()
    {
        await using var db = world.CreateDbContext();
        var owner = new Viewer(world.Owner, ViewerKind.Volunteer);
        var editor = new Viewer(-1, ViewerKind.Editor);
        var requestIds = Ids(world.Requests, r => r.Id);
        var documentIds = Ids(world.Documents, d => d.Id);
        var caseIds = Ids(world.Cases, c => c.Id);

        Assert.Equal(Ids(world.Cases.Where(c => world.Public(c) || c.CreatedById == world.Owner), c => c.Id),
            (await db.Cases.VisibleTo(owner).Select(c => c.Id).ToListAsync()).Where(caseIds.Contains).ToHashSet());
        Assert.Equal(Ids(world.Requests.Where(r => world.Public(r) || r.RequesterId == world.Owner), r => r.Id),
            (await db.CadaRequests.VisibleTo(owner).Select(r => r.Id).ToListAsync()).Where(requestIds.Contains).ToHashSet());
        // A document: public, uploaded by the member, or of the member's request; never through the case they created.
        Assert.Equal(Ids(world.Documents.Where(d => world.Public(d) || d.UploadedById == world.Owner
                || (d.CadaRequestId is int r && world.Requests.Single(x => x.Id == r).RequesterId == world.Owner)), d => d.Id),
            (await db.Documents.VisibleTo(owner).Select(d => d.Id).ToListAsync()).Where(documentIds.Contains).ToHashSet());
        Assert.Equal(documentIds, (await db.Documents.VisibleTo(editor).Select(d => d.Id).ToListAsync()).Where(documentIds.Contains).ToHashSet());
        Assert.Equal(Ids(world.Documents.Where(world.Public), d => d.Id),
            (await db.Documents.VisibleTo(Viewer.Anonymous).Select(d => d.Id).ToListAsync()).Where(documentIds.Contains).ToHashSet());
    }

    [Fact]
    public async Task The_case_facets_count_the_states_of_public_requests_only_and_follow_a_campaign_that_goes_public()
    {
        async Task<Dictionary<int, HashSet<string>>> FacetsAsync()
        {
            await using var connection = new NpgsqlConnection(world.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT case_id, states FROM case_facets", connection);
            var facets = new Dictionary<int, HashSet<string>>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                facets[reader.GetInt32(0)] = reader.GetFieldValue<string[]>(1).ToHashSet();
            }
            return facets;
        }

        HashSet<string> Expected(Case c) => world.Requests.Where(r => r.CaseId == c.Id && world.Public(r)).Select(r => r.State.ToString()).ToHashSet();

        // Search reads the facets of published cases only; those of the others are not a public figure.
        var facets = await FacetsAsync();
        foreach (var c in world.Cases.Where(world.Public))
        {
            Assert.Equal(Expected(c), facets[c.Id]);
        }

        var preparing = world.Campaigns.First(k => !k.IsDemonstration && k.Status == CampaignStatus.Preparing);
        await using (var db = world.CreateDbContext())
        {
            await db.Campaigns.Where(k => k.Id == preparing.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.Status, CampaignStatus.Running));
        }
        preparing.Status = CampaignStatus.Running;
        var published = world.Cases.Single(c => c.Status == CaseStatus.Published);
        var now = await FacetsAsync();
        Assert.Equal(Expected(published), now[published.Id]);
        Assert.Contains(world.Requests.First(r => r.CampaignId == preparing.Id && r.CaseId == published.Id && r.IsPublic).State.ToString(), now[published.Id]);
        preparing.Status = CampaignStatus.Preparing;
        await using (var db = world.CreateDbContext())
        {
            await db.Campaigns.Where(k => k.Id == preparing.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.Status, CampaignStatus.Preparing));
        }
    }
}
