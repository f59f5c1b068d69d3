using System.IO.Compression;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Security;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Exports;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Tests.Hostile;

/// <summary>
/// Text that a spreadsheet would run as a formula, in every CSV the site writes: each file is read back, its text cells
/// start with a single quote, and its numbers (a negative amount) are still numbers.
/// </summary>
public sealed class CsvInjectionTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>, IAsyncLifetime
{
    private const string Formula = "=HYPERLINK(\"https://pirate.example\",\"zorglubien\")";
    private const string Sum = "@SUM(1+1)";
    private const string Minus = "-2+3 cmd";
    private const string Command = "=cmd|' /C calc'!A0";

    public async Task InitializeAsync()
    {
        await using var db = fixture.CreateDbContext();
        if (await db.Cases.AnyAsync(c => c.Slug == "formule"))
        {
            return;
        }
        var lyon = await db.Municipalities.SingleAsync(m => m.InseeCode == "69123");
        var body = await db.PublicBodies.SingleAsync(b => b.Kind == PublicBodyKind.Commune && b.MunicipalityId == lyon.Id);
        var published = new Case
        {
            Slug = "formule", Title = Formula, Summary = "Un résumé.", Body = "Un récit.", MunicipalityId = lyon.Id, Status = CaseStatus.Published,
            PublishedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Contracts = [new Contract { Object = Sum, AmountEuros = -1500.50m, SignedOn = new DateOnly(2021, 3, 4), SignedOnPrecision = DatePrecision.Day }],
            Fundings = [new Funding { Label = Minus, AmountEuros = -250m, Year = 2021 }],
        };
        db.Cases.Add(published);
        db.CadaRequests.Add(new CadaRequest
        {
            Subject = Formula, PublicBodyId = body.Id, IsPublic = true, Case = published,
            RequestedDocuments = [new RequestedDocument { Title = "\tcmd", Position = 1 }],
            Events = [new CadaRequestEvent { Kind = RequestEventKind.Sent, OccurredOn = new DateOnly(2026, 1, 5) }],
        });
        var campaignBody = await db.CampaignTargets.Where(t => t.Campaign!.Slug == "campagne-matrice").Select(t => t.PublicBodyId).FirstAsync();
        await db.PublicBodies.Where(b => b.Id == campaignBody).ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, Command));
        await db.SaveChangesAsync();
        await fixture.EvictCacheAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Open_data_files_neutralise_formulas_but_keep_negative_amounts_as_numbers()
    {
        var cases = await GetCsvAsync("/donnees/dossiers.csv");
        Assert.Equal("'" + Formula, cases.Single(r => r["id"] == "formule")["titre"]);

        var contracts = await GetCsvAsync("/donnees/marches.csv");
        var contract = contracts.Single(r => r["dossier"] == "formule");
        Assert.Equal("'" + Sum, contract["objet"]);
        Assert.Equal(-1500.50m, decimal.Parse(contract["montant_euros"], System.Globalization.CultureInfo.InvariantCulture));

        var fundings = await GetCsvAsync("/donnees/financements.csv");
        var funding = fundings.Single(r => r["dossier"] == "formule");
        Assert.Equal("'" + Minus, funding["libelle"]);
        Assert.StartsWith("-250", funding["montant_euros"], StringComparison.Ordinal);

        var requests = await GetCsvAsync("/donnees/demandes.csv");
        Assert.Equal("'" + Formula, requests.Single(r => r["dossier"] == "formule")["objet"]);
    }

    [Fact]
    public async Task Search_results_csv_neutralises_formulas()
    {
        var rows = await GetCsvAsync("/recherche/resultats.csv?q=zorglubien");
        Assert.Contains(rows, r => r["type"] == "dossiers" && r["titre"] == "'" + Formula);
        Assert.All(rows, r => Assert.DoesNotMatch("^[=+\\-@\t\r]", r["titre"]));
    }

    [Fact]
    public async Task Campaign_csv_neutralises_formulas()
    {
        var rows = await GetCsvAsync("/campagnes/campagne-matrice/export.csv");
        Assert.Contains(rows, r => r["organisme"] == "'" + Command);
        Assert.All(rows, r => Assert.All(r.Values, v => Assert.DoesNotMatch("^[=+@\t\r]", v)));
    }

    [Fact]
    public async Task The_bulk_exports_index_neutralises_formulas()
    {
        var folder = Path.Combine(fixture.DataDirectory, "exports-csv");
        var job = new ExportJob { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow, Status = ExportStatus.Running, FilterKey = "csv", DepartmentCode = "69" };
        string fileName;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            (fileName, _) = await scope.ServiceProvider.GetRequiredService<ExportBuilder>().BuildAsync(job, folder, "https://vigie.example", default);
        }
        using var zip = ZipFile.OpenRead(Path.Combine(folder, fileName));
        using var reader = new StreamReader(zip.GetEntry("index.csv")!.Open(), Encoding.UTF8);
        var rows = await ParseAsync(await reader.ReadToEndAsync());
        Assert.Equal("'" + Formula, rows.Single(r => r["slug"] == "formule")["titre"]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 1 23 45 67 89", "'+33 1 23 45 67 89")]
    [InlineData("-x", "'-x")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("Élancourt = 2", "Élancourt = 2")]
    [InlineData("", "")]
    public void Text_cells_starting_like_a_formula_get_a_quote(string text, string cell) => Assert.Equal(cell, CsvCells.Text(text));

    [Fact]
    public void Numbers_dates_and_booleans_are_not_text()
    {
        Assert.Equal("-1500.50", CsvCells.Of(-1500.50m));
        Assert.Equal("-3", CsvCells.Of(-3));
        Assert.Equal("false", CsvCells.Of(false));
        Assert.Equal("2021-03-04", CsvCells.Of(new DateOnly(2021, 3, 4)));
        Assert.Equal("lapi;'=cmd", CsvCells.Of(new[] { "lapi", "=cmd" }));
    }

    private async Task<List<Dictionary<string, string>>> GetCsvAsync(string path)
    {
        using var client = fixture.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return await ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The file as a spreadsheet would read it: a header line, then one dictionary per line.</summary>
    private static async Task<List<Dictionary<string, string>>> ParseAsync(string text)
    {
        var rows = new List<Dictionary<string, string>>();
        await using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), new CsvReaderOptions { HasHeader = false });
        string[]? header = null;
        while (await reader.ReadAsync())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
            if (header is null)
            {
                header = fields;
                continue;
            }
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }
        Assert.NotNull(header);
        return rows;
    }
}
