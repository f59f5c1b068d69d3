using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Seeding;

namespace Vigie.Tests.Data;

/// <summary>A copy of seeds/ with one more case, broken in various ways: the whole import must be refused.</summary>
public sealed class MalformedSeedTests : IAsyncLifetime
{
    private string _connectionString = "";
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), $"vigie-seeds-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateDatabaseAsync(nameof(MalformedSeedTests));
        CopyDirectory(TestDatabase.SeedsDirectory, _seeds);
    }

    public async Task DisposeAsync()
    {
        await TestDatabase.DropDatabaseAsync(_connectionString);
        Directory.Delete(_seeds, recursive: true);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private const string ValidCase = """
        ---
        slug: nouveau-dossier
        title: Un nouveau dossier
        municipality: "75056"
        status: published
        technologies:
          - drones
        sources:
          - url: https://example.org/article
            title: Un article
        timeline:
          - date: 2021-03
            title: Un événement
            source: 1
        ---
        Un récit[@1].
        """;

    public static TheoryData<string, string, int, string> Breakages => new()
    {
        { "bad-yaml", ValidCase.Replace("title: Un nouveau dossier", "title: [non fermé", StringComparison.Ordinal), 3, "YAML invalide" },
        { "unknown-technology", ValidCase.Replace("- drones", "- telepathie", StringComparison.Ordinal), 7, "technologie inconnue « telepathie »" },
        { "unknown-commune", ValidCase.Replace("\"75056\"", "\"99999\"", StringComparison.Ordinal), 4, "99999" },
        { "bad-date", ValidCase.Replace("date: 2021-03", "date: mars 2021", StringComparison.Ordinal), 12, "date AAAA" },
        { "missing-source", ValidCase.Replace("source: 1", "source: 4", StringComparison.Ordinal), 12, "ne correspond à aucune source" },
        { "unknown-key", ValidCase.Replace("status: published", "statut: published", StringComparison.Ordinal), 5, "clé inconnue « statut »" },
        { "no-front-matter", "Un récit sans faits.", 1, "doit commencer par une ligne « --- »" },
        { "javascript-source", ValidCase.Replace("https://example.org/article", "javascript:alert(1)", StringComparison.Ordinal), 9, "http(s)" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task A_malformed_case_file_is_rejected_whole_with_file_and_line(string name, string content, int line, string problem)
    {
        File.WriteAllText(Path.Combine(_seeds, "cases", "nouveau.md"), content);
        // A second, valid new case must not be imported either.
        File.WriteAllText(Path.Combine(_seeds, "cases", "autre.md"), ValidCase.Replace("nouveau-dossier", "autre-dossier", StringComparison.Ordinal));
        await using var db = TestDatabase.CreateContext(_connectionString);
        var casesBefore = await db.Cases.CountAsync();

        var error = await Assert.ThrowsAsync<SeedException>(() =>
            new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance).SeedAsync(_seeds));

        Assert.Equal(Path.Combine("seeds", "cases", "nouveau.md"), error.File);
        Assert.True(line == error.Line, $"{name}: expected line {line}, got {error.Line} ({error.Message})");
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"seeds/cases/nouveau.md, ligne {line} : ", error.Message, StringComparison.Ordinal);
        Assert.Equal(casesBefore, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task A_valid_new_case_file_is_imported()
    {
        File.WriteAllText(Path.Combine(_seeds, "cases", "nouveau.md"), ValidCase);
        await using var db = TestDatabase.CreateContext(_connectionString);
        var report = await new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance).SeedAsync(_seeds);
        Assert.Equal(1, report.CasesAdded);
        var added = await db.Cases.Include(c => c.Technologies).Include(c => c.TimelineEvents).SingleAsync(c => c.Slug == "nouveau-dossier");
        Assert.Equal("drones", Assert.Single(added.Technologies).Slug);
        Assert.Equal(Vigie.Web.Data.Entities.DatePrecision.Month, Assert.Single(added.TimelineEvents).OccurredOnPrecision);
    }

    [Fact]
    public async Task A_malformed_commune_file_is_rejected_with_its_line()
    {
        var departments = Path.Combine(_seeds, "geo", "departments.tsv");
        var lines = File.ReadAllLines(departments).ToList();
        lines[5] = "05\tHautes-Alpes";
        File.WriteAllLines(departments, lines);
        await using var db = TestDatabase.CreateContext(_connectionString);
        var error = await Assert.ThrowsAsync<SeedException>(() =>
            new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance).SeedAsync(_seeds));
        Assert.Equal(6, error.Line);
        Assert.Contains("3 colonnes attendues", error.Message, StringComparison.Ordinal);
    }
}
