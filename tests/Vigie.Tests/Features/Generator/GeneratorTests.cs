using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Generator;
using Vigie.Web.Features.Search;

namespace Vigie.Tests.Features.Generator;

public sealed class GeneratorTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Generates_marked_searchable_data_and_refuses_to_run_twice_without_force()
    {
        await using (var db = factory.CreateDbContext())
        {
            var report = await new SyntheticData(db, TimeProvider.System).GenerateAsync(new GeneratorOptions(40, 2), TextWriter.Null, default);
            Assert.False(report.Refused);
            Assert.Equal(40, report.Cases);
            Assert.Equal(80, report.Documents);
        }
        await using (var db = factory.CreateDbContext())
        {
            var synthetic = await db.Cases.Where(c => c.Slug.StartsWith(SyntheticData.Prefix)).ToListAsync();
            Assert.Equal(40, synthetic.Count);
            Assert.Contains(synthetic, c => c.Status == CaseStatus.Published);
            Assert.Equal(80, await db.Documents.CountAsync(d => d.FileName!.StartsWith(SyntheticData.Prefix)));
            Assert.Equal(80, await db.FilePages.CountAsync(p => db.Documents.Any(d => d.FileId == p.FileId && d.FileName!.StartsWith(SyntheticData.Prefix))));
            var requests = await db.CadaRequests.Where(r => r.Case!.Slug.StartsWith(SyntheticData.Prefix)).ToListAsync();
            Assert.Equal(40, requests.Count);
            Assert.All(requests, r => Assert.False(string.IsNullOrEmpty(r.StateLabel)));
            Assert.Contains(requests, r => r.State != requests[0].State);

            var results = await SiteSearch.RunAsync(db, "vidéoprotection OR caméras OR drones", new PublicFilter(), SearchKind.Documents, 1, withFacets: true, default);
            Assert.True(results.CountOf(SearchKind.Documents) > 0);
        }
        await using (var db = factory.CreateDbContext())
        {
            var again = await new SyntheticData(db, TimeProvider.System).GenerateAsync(new GeneratorOptions(10), TextWriter.Null, default);
            Assert.True(again.Refused);
        }
        await using (var db = factory.CreateDbContext())
        {
            var forced = await new SyntheticData(db, TimeProvider.System).GenerateAsync(new GeneratorOptions(10, Force: true), TextWriter.Null, default);
            Assert.False(forced.Refused);
            Assert.Equal(10, await db.Cases.CountAsync(c => c.Slug.StartsWith(SyntheticData.Prefix)));
            Assert.Equal(10, await db.Documents.CountAsync(d => d.FileName!.StartsWith(SyntheticData.Prefix)));
            Assert.True(await db.Cases.AnyAsync(c => c.Slug == "elancourt"));
        }
    }
}
