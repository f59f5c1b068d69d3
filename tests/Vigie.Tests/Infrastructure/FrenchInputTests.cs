using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Editing.Revisions;
using Vigie.Web.Infrastructure.Formatting;

namespace Vigie.Tests.Infrastructure;

public sealed class FrenchInputTests
{
    [Theory]
    [InlineData("2019", 2019, 1, 1, DatePrecision.Year)]
    [InlineData("2019-07", 2019, 7, 1, DatePrecision.Month)]
    [InlineData("07/2019", 2019, 7, 1, DatePrecision.Month)]
    [InlineData("juillet 2019", 2019, 7, 1, DatePrecision.Month)]
    [InlineData("Juil. 2019", 2019, 7, 1, DatePrecision.Month)]
    [InlineData("août 2020", 2020, 8, 1, DatePrecision.Month)]
    [InlineData("2019-07-02", 2019, 7, 2, DatePrecision.Day)]
    [InlineData("02/07/2019", 2019, 7, 2, DatePrecision.Day)]
    [InlineData("2 juillet 2019", 2019, 7, 2, DatePrecision.Day)]
    [InlineData("1er octobre 2019", 2019, 10, 1, DatePrecision.Day)]
    [InlineData(" 29 février 2024 ", 2024, 2, 29, DatePrecision.Day)]
    public void Partial_dates_keep_their_precision(string text, int year, int month, int day, DatePrecision precision)
    {
        Assert.True(FrenchInput.TryParseDate(text, out var date, out var read));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(precision, read);
        Assert.True(FrenchInput.TryParseDate(Fr.DateInput(date, read), out var again, out var readAgain), "what the form shows reads back");
        Assert.Equal((date, read), (again, readAgain));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hier")]
    [InlineData("32/13/2019")]
    [InlineData("29 février 2023")]
    [InlineData("juillet")]
    [InlineData("19")]
    public void Other_dates_are_refused(string text) => Assert.False(FrenchInput.TryParseDate(text, out _, out _));

    [Theory]
    [InlineData("20 000 000", "20000000")]
    [InlineData("20\u202f000\u00a0000 €", "20000000")]
    [InlineData("1 234,50", "1234.50")]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1.234,50", "1234.50")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("0", "0")]
    [InlineData("12 euros", "12")]
    public void Amounts_are_read_the_french_way(string text, string expected)
    {
        Assert.True(FrenchInput.TryParseEuros(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1,234")]
    [InlineData("douze")]
    [InlineData("1 234,5,6")]
    public void Other_amounts_are_refused(string text) => Assert.False(FrenchInput.TryParseEuros(text, out _));

    [Fact]
    public void The_narrative_diff_marks_removed_and_added_words_and_shortens_unchanged_paragraphs()
    {
        var html = TextDiff.Render("Un.\n\nDeux trois.\n\nQuatre.\n\nCinq.\n\nSix.", "Un.\n\nDeux quatre.\n\nQuatre.\n\nCinq.\n\nSix.").ToString()!;
        Assert.Contains("<del><span class=\"visually-hidden\">supprimé : </span>trois</del>", html, StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">ajouté : </span>quatre</ins>", html, StringComparison.Ordinal);
        Assert.Contains("[…]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Six", html, StringComparison.Ordinal);
    }
}
