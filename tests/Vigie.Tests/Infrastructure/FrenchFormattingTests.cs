using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Formatting;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Tests.Infrastructure;

public sealed class FrenchFormattingTests
{
    [Theory]
    [InlineData(2019, 7, 2, DatePrecision.Day, "2 juillet 2019")]
    [InlineData(2019, 10, 1, DatePrecision.Day, "1er octobre 2019")]
    [InlineData(2019, 9, 1, DatePrecision.Month, "septembre 2019")]
    [InlineData(2014, 1, 1, DatePrecision.Year, "2014")]
    public void Dates_read_the_french_way(int year, int month, int day, DatePrecision precision, string expected) =>
        Assert.Equal(expected, Fr.Date(new DateOnly(year, month, day), precision));

    [Theory]
    [InlineData("20000000", "20 000 000 €")]
    [InlineData("5000000", "5 000 000 €")]
    [InlineData("1234.5", "1 234,50 €")]
    [InlineData("0", "0 €")]
    public void Amounts_read_the_french_way(string amount, string expected)
    {
        var formatted = Fr.Euros(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, formatted.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.DoesNotContain(" ", formatted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Élancourt", "elancourt")]
    [InlineData("L'Haÿ-les-Roses", "l-hay-les-roses")]
    [InlineData("Saint-Étienne-du-Rouvray", "saint-etienne-du-rouvray")]
    [InlineData("Œuilly", "oeuilly")]
    [InlineData("  Vidéo  protection ! ", "video-protection")]
    public void Slugs_drop_accents_and_punctuation(string text, string slug) => Assert.Equal(slug, Slugs.From(text));

    [Theory]
    [InlineData("pour combien ?", "pour combien\u202f?")]
    [InlineData("« à la pointe »", "«\u00a0à la pointe\u00a0»")]
    [InlineData("contrat ; les annexes", "contrat\u202f; les annexes")]
    [InlineData("Montant : 10 €", "Montant\u202f: 10 €")]
    [InlineData("https://example.org a;b 10:30", "https://example.org a;b 10:30")]
    public void French_spacing_keeps_punctuation_with_its_word(string text, string expected) =>
        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(expected), FrenchTypography.Apply(text));
}
