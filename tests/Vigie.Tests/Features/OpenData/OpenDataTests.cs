using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigie.Tests.Features.Search;
using Vigie.Web.Features.OpenData;

namespace Vigie.Tests.Features.OpenData;

public sealed partial class OpenDataTests(SearchFixture factory) : IClassFixture<SearchFixture>
{
    /// <summary>The columns docs/data.md documents for each file, read from its tables.</summary>
    private static Dictionary<string, List<string>> DocumentedColumns()
    {
        var docs = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "data.md"));
        var columns = new Dictionary<string, List<string>>();
        string? current = null;
        foreach (var line in docs)
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                current = heading.Groups[1].Value;
                columns[current] = [];
            }
            else if (current is not null && Row().Match(line) is { Success: true } row)
            {
                columns[current].Add(row.Groups[1].Value);
            }
        }
        return columns;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Vigie.slnx")))
        {
            folder = folder.Parent;
        }
        return folder!.FullName;
    }

    public static TheoryData<string> Sets() => new(OpenDataSets.Names);

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Csv_and_json_have_exactly_the_documented_columns(string name)
    {
        var documented = DocumentedColumns()[name];
        using var client = factory.CreateBrowserlessClient();
        using var csv = await client.GetAsync(new Uri($"/donnees/{name}.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("rel=\"license\"", csv.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal(documented, text.Split("\r\n")[0].Split(',').ToList());
        Assert.True(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1, $"{name}.csv has no row");

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/donnees/{name}.json", UriKind.Relative)));
        Assert.True(json.RootElement.GetArrayLength() > 0);
        foreach (var row in json.RootElement.EnumerateArray())
        {
            Assert.Equal(documented, row.EnumerateObject().Select(p => p.Name).ToList());
        }
    }

    [Fact]
    public async Task Files_hold_public_data_only()
    {
        using var client = factory.CreateBrowserlessClient();
        var all = string.Concat(await Task.WhenAll(OpenDataSets.Names.SelectMany(n => new[] { $"/donnees/{n}.csv", $"/donnees/{n}.json" })
            .Select(p => client.GetStringAsync(new Uri(p, UriKind.Relative)))));
        foreach (var secret in new[] { "clandestinus", "recherche-brouillon", "ornithorynque", "Discretnom", "Hortense", "recherche-benevole@" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
        Assert.Contains("capybara", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_are_filtered_like_the_browse_pages()
    {
        using var client = factory.CreateBrowserlessClient();
        var lyon = JsonDocument.Parse(await client.GetStringAsync(new Uri("/donnees/dossiers.json?departement=69", UriKind.Relative))).RootElement;
        Assert.All(lyon.EnumerateArray(), c => Assert.Equal("69", c.GetProperty("departement").GetString()));
        Assert.Contains(lyon.EnumerateArray(), c => c.GetProperty("id").GetString() == "recherche-zorglub");
        var contracts = JsonDocument.Parse(await client.GetStringAsync(new Uri("/donnees/marches.json?annee=2021&prestataire=genetec", UriKind.Relative))).RootElement;
        var row = Assert.Single(contracts.EnumerateArray());
        Assert.Equal("2021-03-04", row.GetProperty("signe_le").GetString());
        Assert.Equal(12000m, row.GetProperty("montant_euros").GetDecimal());
        using var bad = await client.GetAsync(new Uri("/donnees/dossiers.csv?annee=3000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var unknown = await client.GetAsync(new Uri("/donnees/inconnu.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [GeneratedRegex(@"^### `([a-z]+)`")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\| `([a-z_]+)` \|")]
    private static partial Regex Row();
}
