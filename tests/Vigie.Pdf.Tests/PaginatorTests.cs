namespace Vigie.Pdf.Tests;

/// <summary>The pagination rules on synthetic units, without fonts or PDF.</summary>
public class PaginatorTests
{
    static Unit Line(double height = 10, bool keep = false, double space = 0) => new() { Height = height, KeepWithNext = keep, SpaceBefore = space };

    static List<int> PageOf(IReadOnlyList<Unit> units, double pageHeight)
    {
        var pages = Paginator.Paginate(units, pageHeight);
        return [.. units.Select(u => pages.FindIndex(p => p.Any(placed => placed.Unit == u && !placed.Repeated)))];
    }

    [Theory]
    // 9 lines of 10 pt fill 90 of 100 pt; then a unit kept with the next one cannot take the last 10 pt alone.
    [InlineData(9, new[] { 1, 1 })]
    [InlineData(8, new[] { 0, 0 })]
    public void A_unit_kept_with_the_next_moves_with_it(int fillers, int[] expectedPages)
    {
        var units = Enumerable.Range(0, fillers).Select(_ => Line()).ToList();
        var heading = Line(keep: true);
        var next = Line();
        units.AddRange([heading, next]);

        var pages = PageOf(units, 100);

        Assert.Equal(expectedPages, new[] { pages[^2], pages[^1] });
    }

    [Fact]
    public void A_chain_longer_than_a_page_is_broken_instead_of_looping()
    {
        var units = Enumerable.Range(0, 30).Select(_ => Line(keep: true)).ToList();

        var pages = PageOf(units, 100);

        Assert.Equal(Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 10)).Concat(Enumerable.Repeat(2, 10)), pages);
    }

    [Fact]
    public void Space_before_collapses_at_the_top_of_a_page_and_spacers_vanish_there()
    {
        var units = new List<Unit> { Line(95), new() { Height = 30, Discardable = true }, Line(10, space: 20) };

        var pages = Paginator.Paginate(units, 100);

        Assert.Equal(2, pages.Count);
        var top = Assert.Single(pages[1]);
        Assert.Equal(0, top.Y);
    }

    [Fact]
    public void Table_rows_get_the_header_again_and_oversize_rows_are_split()
    {
        var header = new List<Unit> { Line(12, keep: true) };
        Unit Row(double height) => new()
        {
            Height = height,
            RepeatedHeader = header,
            Split = available => available < 10 ? null : (new Unit { Height = available, RepeatedHeader = header }, Row(height - available)),
        };
        var units = new List<Unit> { header[0], Row(50), Row(250) };

        var pages = Paginator.Paginate(units, 100);

        Assert.Equal(4, pages.Count);
        Assert.All(pages, page => Assert.Same(header[0], page[0].Unit));
        Assert.All(pages.Skip(1), page => Assert.True(page[0].Repeated));
        Assert.All(pages, page => Assert.True(page.Sum(p => p.Unit.Height) <= 100.01));
        Assert.Equal(12 + 50 + 250, pages.SelectMany(p => p).Where(p => !p.Repeated).Sum(p => p.Unit.Height));
    }

    [Fact]
    public void An_explicit_page_break_starts_a_page_but_never_an_empty_one()
    {
        var units = new List<Unit> { new() { IsPageBreak = true }, Line(), new() { IsPageBreak = true }, new() { IsPageBreak = true }, Line() };

        var pages = Paginator.Paginate(units, 100);

        Assert.Equal([1, 1], pages.Select(p => p.Count));
    }
}
