using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Tests.Infrastructure;

public class FrenchDateInputTests
{
    [Theory]
    [InlineData("2/9/2019", "2019-09-02", DatePrecision.Day)]
    [InlineData("02/09/2019", "2019-09-02", DatePrecision.Day)]
    [InlineData("2019-09-02", "2019-09-02", DatePrecision.Day)]
    [InlineData("2 septembre 2019", "2019-09-02", DatePrecision.Day)]
    [InlineData("1er octobre 2019", "2019-10-01", DatePrecision.Day)]
    [InlineData(" 15 AOÛT 2019 ", "2019-08-15", DatePrecision.Day)]
    [InlineData("29/02/2020", "2020-02-29", DatePrecision.Day)]
    [InlineData("octobre 2019", "2019-10-01", DatePrecision.Month)]
    [InlineData("10/2019", "2019-10-01", DatePrecision.Month)]
    [InlineData("2019-10", "2019-10-01", DatePrecision.Month)]
    public void Reads_french_and_iso_dates(string text, string iso, DatePrecision precision)
    {
        Assert.True(FrenchDateInput.TryParse(text, out var date, out var read));
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(precision, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("31/02/2019")]
    [InlineData("29/02/2019")]
    [InlineData("2019")]
    [InlineData("hier")]
    [InlineData("13/13/2019")]
    [InlineData("2 brumaire 2019")]
    public void Refuses_what_is_not_a_date(string text) =>
        Assert.False(FrenchDateInput.TryParse(text, out _, out _));

    [Fact]
    public void A_date_shown_back_in_a_form_reads_the_same() =>
        Assert.Equal("02/09/2019", FrenchDateInput.Format(new DateOnly(2019, 9, 2), DatePrecision.Day));
}
