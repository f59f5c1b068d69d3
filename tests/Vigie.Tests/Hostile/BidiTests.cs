using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Tests.Hostile;

/// <summary>Right-to-left overrides and other invisible characters: gone from names, isolated in titles.</summary>
public sealed class BidiTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private const string Title = "Caméras de \u202Eecnallievrus\u202C Trappes";
    private const string Subject = "Contrat \u2066\u202Eexe.fdp\u2069 de la commune";

    [Theory]
    [InlineData("passwd\u202Efdp.exe.txt", FileFormat.Text, "passwdfdp.exe.txt")]
    [InlineData("rapport\u2066\u2069\u200E\u200F\u061C\u200B.pdf", FileFormat.Pdf, "rapport.pdf")]
    [InlineData("a\u0000b\u0007c.pdf", FileFormat.Pdf, "abc.pdf")]
    [InlineData("\u202E", FileFormat.Pdf, "document.pdf")]
    public void File_names_lose_their_invisible_characters(string uploaded, FileFormat format, string safe) =>
        Assert.Equal(safe, FileFormats.SafeName(uploaded, format));

    [Theory]
    [InlineData("Vidéo\u202Eprotection", "videoprotection")]
    [InlineData("L'Haÿ-les-Roses\u2066", "l-hay-les-roses")]
    [InlineData("\u200Fa\u200Bb\u00ADc", "abc")]
    public void Slugs_lose_their_invisible_characters_without_splitting_words(string text, string slug) =>
        Assert.Equal(slug, Slugs.From(text));

    /// <summary>Not theory data: xUnit would turn the lone surrogate into U+FFFD on the way.</summary>
    [Fact]
    public void Lone_surrogates_are_dropped_from_names_instead_of_failing_their_normalisation()
    {
        Assert.Equal("xy", Slugs.From("x\uD800y"));
        Assert.Equal("ab.pdf", FileFormats.SafeName("a\uDC00b.pdf", FileFormat.Pdf));
    }

    [Fact]
    public async Task Case_titles_and_request_subjects_are_isolated_where_they_are_shown()
    {
        await using (var db = factory.CreateDbContext())
        {
            if (!await db.Cases.AnyAsync(c => c.Slug == "bidi"))
            {
                var trappes = await db.Municipalities.SingleAsync(m => m.InseeCode == "78621");
                var body = await db.PublicBodies.SingleAsync(b => b.Kind == PublicBodyKind.Commune && b.MunicipalityId == trappes.Id);
                var published = new Case
                {
                    Slug = "bidi", Title = Title, Summary = "Un résumé.", Body = "Un récit.", MunicipalityId = trappes.Id, Status = CaseStatus.Published,
                    PublishedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                };
                db.Cases.Add(published);
                db.CadaRequests.Add(new CadaRequest
                {
                    Subject = Subject, PublicBodyId = body.Id, IsPublic = true, Case = published,
                    RequestedDocuments = [new RequestedDocument { Title = "Acte d'engagement", Position = 1 }],
                    Events = [new CadaRequestEvent { Kind = RequestEventKind.Sent, OccurredOn = new DateOnly(2026, 1, 5) }],
                });
                await db.SaveChangesAsync();
                await factory.EvictCacheAsync();
            }
        }

        var page = await factory.GetDocumentAsync("/dossiers/bidi");
        Assert.Equal(Title, page.QuerySelector("h1 bdi")?.TextContent);
        Assert.Contains(page.QuerySelectorAll("bdi"), b => b.TextContent == Subject);
        var list = await factory.GetDocumentAsync("/dossiers");
        Assert.Contains(list.QuerySelectorAll("h3 bdi"), b => b.TextContent == Title);
        var requests = await factory.GetDocumentAsync("/demandes-cada");
        Assert.Contains(requests.QuerySelectorAll("bdi"), b => b.TextContent == Subject);
    }
}
