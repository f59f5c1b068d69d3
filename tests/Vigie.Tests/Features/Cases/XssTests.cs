using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Features.Cases;

public sealed class XssTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private const string Payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

    [Fact]
    public async Task Payloads_in_the_narrative_a_quote_and_a_source_render_inert()
    {
        await using (var db = factory.CreateDbContext())
        {
            var commune = db.Municipalities.Single(m => m.InseeCode == "13055");
            db.Cases.Add(new Case
            {
                Slug = "xss",
                Title = "Titre " + Payload,
                Summary = Payload,
                Body = $"Récit {Payload} [clic](javascript:alert(1)) <javascript:alert(2)> [@1]",
                MunicipalityId = commune.Id,
                Status = CaseStatus.Published,
                PublishedAt = DateTimeOffset.UtcNow,
                Quotes = [new Quote { Speaker = "Orateur " + Payload, SpeakerRole = Payload, Text = "Propos " + Payload }],
                Sources = [new Source { Number = 1, Url = "javascript:alert(3)", Title = "Source " + Payload, Publisher = Payload, ArchiveUrl = "javascript:alert(4)" }],
                TimelineEvents = [new TimelineEvent { OccurredOn = new DateOnly(2020, 1, 1), Title = Payload, Description = Payload }],
                Contracts = [new Contract { Object = Payload, Missing = Payload, Notes = Payload }],
            });
            await db.SaveChangesAsync();
        }

        var page = await factory.GetDocumentAsync("/dossiers/xss");

        Assert.Empty(page.QuerySelectorAll("script, iframe, object, embed"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.All(page.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.All(page.QuerySelectorAll("[href]"), a =>
            Assert.DoesNotContain("javascript", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('xss')</script>", page.QuerySelector("#citations blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Source <script>", page.QuerySelector("#source-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>", page.QuerySelector("#description .prose")!.TextContent, StringComparison.Ordinal);
    }
}
