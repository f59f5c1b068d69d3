using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Charts;

namespace Vigie.Tests.Features.Charts;

public sealed class PictureTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task The_map_has_one_linked_region_per_department_with_its_case_count()
    {
        var page = await factory.GetDocumentAsync("/carte");
        var regions = page.QuerySelectorAll("svg.france-map a.dept").ToList();
        Assert.Equal(101, regions.Count);
        Assert.Equal(101, regions.Select(r => r.GetAttribute("data-code")).Distinct().Count());
        Assert.All(regions, r => Assert.NotNull(r.QuerySelector("path, rect")));
        var yvelines = Assert.Single(regions, r => r.GetAttribute("data-code") == "78");
        Assert.Equal("1", yvelines.GetAttribute("data-cases"));
        Assert.Equal("/communes?departement=78", yvelines.GetAttribute("href"));
        Assert.Contains("level-1", yvelines.ClassName, StringComparison.Ordinal);
        Assert.Equal("Yvelines (78) : 1 dossier", yvelines.QuerySelector("title")!.TextContent);
        Assert.All(regions.Where(r => r.GetAttribute("data-code") != "78"), r => Assert.Equal("0", r.GetAttribute("data-cases")));
        // The text alternative holds the same figures.
        var row = Assert.Single(page.QuerySelectorAll(".map-table tbody tr"), tr => tr.QuerySelector("td")!.TextContent == "78");
        Assert.Equal("1", row.QuerySelectorAll("td").Last().TextContent);
    }

    [Fact]
    public async Task The_home_page_shows_the_map_and_cases_per_technology_with_a_table()
    {
        var page = await factory.GetDocumentAsync("/");
        Assert.NotNull(page.QuerySelector("svg.france-map"));
        var bars = page.QuerySelectorAll("svg.bar-chart[aria-labelledby=techno-titre] g").ToList();
        Assert.Equal(10, bars.Count);
        Assert.Equal("Drones : 1 dossier", bars.Single(b => b.QuerySelector("title")!.TextContent.StartsWith("Drones", StringComparison.Ordinal)).QuerySelector("title")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("details table td a"), a => a.GetAttribute("href") == "/technologies/vsa");
    }

    [Fact]
    public async Task The_case_page_draws_its_chronology_on_a_dated_line()
    {
        var page = await factory.GetDocumentAsync("/dossiers/elancourt");
        var marks = page.QuerySelectorAll("svg.timeline-chart circle").ToList();
        Assert.Equal(5, marks.Count);
        Assert.Equal(3, marks.Count(m => m.ClassList.Contains("approximate")));
        Assert.Contains(marks, m => m.QuerySelector("title")!.TextContent == "2 juillet 2019 : Signature du contrat avec Genetec");
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 4, 3)]
    [InlineData(1, 40, 1)]
    [InlineData(40, 40, 4)]
    [InlineData(20, 40, 2)]
    public void Colour_levels_keep_small_counts_visible(int cases, int max, int level) =>
        Assert.Equal(level, FranceMap.Level(cases, max));
}
