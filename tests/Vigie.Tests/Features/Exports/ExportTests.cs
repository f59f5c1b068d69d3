using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Exports;

namespace Vigie.Tests.Features.Exports;

public sealed class ExportTests(VigieFactory factory) : IClassFixture<VigieFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = factory.CreateDbContext();
        if (await db.Cases.AnyAsync(c => c.Slug == "export-lyon"))
        {
            return;
        }
        var drones = await db.Technologies.SingleAsync(t => t.Slug == "drones");
        foreach (var (slug, insee) in new[] { ("export-lyon", "69123"), ("export-nice", "06088"), ("export-lille", "59350") })
        {
            var commune = await db.Municipalities.SingleAsync(m => m.InseeCode == insee);
            db.Cases.Add(new Case
            {
                Slug = slug,
                Title = $"Dossier {commune.Name}",
                Summary = "Un résumé.",
                Body = "Un récit[@1].",
                MunicipalityId = commune.Id,
                Status = CaseStatus.Published,
                PublishedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                Technologies = slug == "export-nice" ? [drones] : [],
                Sources = [new Source { Number = 1, Url = "https://example.org/a", Title = "Article" }],
                Contracts = [new Contract { Object = "Caméras", AmountEuros = 120_000m, SignedOn = new DateOnly(2021, 3, 4), SignedOnPrecision = DatePrecision.Day }],
            });
        }
        db.Cases.Add(new Case { Slug = "export-brouillon", Title = "Brouillon", MunicipalityId = (await db.Municipalities.SingleAsync(m => m.InseeCode == "33063")).Id, Status = CaseStatus.Draft });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Id, HttpClient Client)> ExportAsync(Dictionary<string, string> filter)
    {
        var client = factory.CreateCookieClient();
        using var created = await client.PostFormAsync("/export", "/export", filter);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        await factory.Services.GetRequiredService<ExportSignal>().WhenFinished(id).WaitAsync(TimeSpan.FromMinutes(2));
        return (id, client);
    }

    [Fact]
    public async Task A_bulk_export_holds_one_valid_pdf_per_published_case_and_a_correct_index()
    {
        var (id, client) = await ExportAsync([]);
        var page = await VigieFactory.ParseAsync(await client.GetAsync(new Uri($"/export/{id}", UriKind.Relative)));
        Assert.Equal("Export prêt", page.QuerySelector("h1")!.TextContent);

        using var response = await client.GetAsync(new Uri($"/export/{id}/archive", UriKind.Relative));
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var pdfs = zip.Entries.Where(e => e.FullName.StartsWith("dossiers/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["dossiers/vigie-dossier-elancourt.pdf", "dossiers/vigie-dossier-export-lille.pdf", "dossiers/vigie-dossier-export-lyon.pdf", "dossiers/vigie-dossier-export-nice.pdf"],
            pdfs.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in pdfs)
        {
            using var memory = new MemoryStream();
            await using (var stream = entry.Open())
            {
                await stream.CopyToAsync(memory);
            }
            using var pdf = PdfDocument.Open(memory.ToArray());
            Assert.True(pdf.NumberOfPages >= 1);
        }

        using var reader = new StreamReader(zip.GetEntry("index.csv")!.Open());
        var lines = (await reader.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', IndexRow.Header), lines[0]);
        Assert.Equal(5, lines.Length);
        var elancourt = lines.Single(l => l.StartsWith("elancourt,", StringComparison.Ordinal));
        Assert.Contains(",78208,78,", elancourt, StringComparison.Ordinal);
        Assert.Contains(",genetec,2,,25000000,oui,1,6,", elancourt, StringComparison.Ordinal);
        Assert.EndsWith(",dossiers/vigie-dossier-elancourt.pdf," + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), elancourt, StringComparison.Ordinal);

        using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open());
        var text = await readme.ReadToEndAsync();
        Assert.Contains("tous les dossiers publiés", text, StringComparison.Ordinal);
        Assert.Contains("Nombre de dossiers : 4.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_the_export_and_the_same_filters_reuse_it()
    {
        var (id, client) = await ExportAsync(new() { ["Technologie"] = "drones" });
        using var response = await client.GetAsync(new Uri($"/export/{id}/archive", UriKind.Relative));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".pdf", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["dossiers/vigie-dossier-elancourt.pdf", "dossiers/vigie-dossier-export-nice.pdf"], names);

        using var again = await client.PostFormAsync("/export", "/export", new() { ["Technologie"] = "drones" });
        Assert.EndsWith(id.ToString(), again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_year_gets_a_french_message_and_keeps_the_choices()
    {
        using var client = factory.CreateCookieClient();
        using var response = await client.PostFormAsync("/export", "/export", new() { ["Annee"] = "12", ["Departement"] = "78" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await VigieFactory.ParseAsync(response);
        Assert.Equal("Indiquez une année entre 1990 et 2100.", page.QuerySelector(".field-error")!.TextContent.Trim());
        Assert.Equal("78", page.QuerySelector("#Departement option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_unknown_export_is_a_404()
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri($"/export/{Guid.NewGuid()}/archive", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
