using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Feeds;

/// <summary>Atom feeds (RFC 4287) of published and updated cases: all of them, or those of a commune, a technology, a vendor.</summary>
[AllowAnonymous]
public sealed class FeedsController(VigieDbContext db, SiteAddress address) : Controller
{
    private const int Size = 50;
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    [HttpGet("flux/dossiers.atom")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public Task<IActionResult> All(CancellationToken cancellationToken) =>
        FeedAsync("Vigie — dossiers", "/dossiers", "/flux/dossiers.atom", db.Cases.Public(), cancellationToken);

    [HttpGet("communes/{code}/flux.atom")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Municipality(string code, CancellationToken cancellationToken)
    {
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(x => x.InseeCode == code, cancellationToken);
        return m is null ? NotFound() : await FeedAsync($"Vigie — {m.Name} ({m.DepartmentCode})", $"/communes/{m.InseeCode}",
            $"/communes/{m.InseeCode}/flux.atom", db.Cases.Public().Where(c => c.MunicipalityId == m.Id), cancellationToken);
    }

    [HttpGet("technologies/{slug}/flux.atom")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Technology(string slug, CancellationToken cancellationToken)
    {
        var t = await db.Technologies.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, cancellationToken);
        return t is null ? NotFound() : await FeedAsync($"Vigie — {t.Name}", $"/technologies/{t.Slug}", $"/technologies/{t.Slug}/flux.atom",
            db.Cases.Public().Where(c => c.Technologies.Any(x => x.Id == t.Id)), cancellationToken);
    }

    [HttpGet("prestataires/{slug}/flux.atom")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Vendor(string slug, CancellationToken cancellationToken)
    {
        var v = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, cancellationToken);
        return v is null ? NotFound() : await FeedAsync($"Vigie — {v.Name}", $"/prestataires/{v.Slug}", $"/prestataires/{v.Slug}/flux.atom",
            db.Cases.Public().Where(c => c.Vendors.Any(x => x.Id == v.Id)), cancellationToken);
    }

    private async Task<IActionResult> FeedAsync(string title, string pagePath, string selfPath, IQueryable<Case> cases, CancellationToken cancellationToken)
    {
        var entries = await cases.AsNoTracking().OrderByDescending(c => c.UpdatedAt).Take(Size)
            .Select(c => new { c.Id, c.Slug, c.Title, c.Summary, c.PublishedAt, c.UpdatedAt, Commune = c.Municipality!.Name, c.Municipality.DepartmentCode,
                Technologies = c.Technologies.OrderBy(t => t.Position).Select(t => t.Name).ToList() })
            .ToListAsync(cancellationToken);
        var site = address.For(Request);
        var host = new Uri(site).Host;
        var updated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.UpdatedAt);

        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNs);
            xml.WriteAttributeString("xml", "lang", null, "fr");
            xml.WriteElementString("id", AtomNs, site + selfPath);
            xml.WriteElementString("title", AtomNs, title);
            xml.WriteElementString("updated", AtomNs, Rfc3339(updated));
            Link(xml, "self", site + selfPath, "application/atom+xml");
            Link(xml, "alternate", site + pagePath, "text/html");
            xml.WriteStartElement("author", AtomNs);
            xml.WriteElementString("name", AtomNs, "Vigie");
            xml.WriteElementString("uri", AtomNs, site);
            xml.WriteEndElement();
            xml.WriteElementString("generator", AtomNs, "Vigie");
            foreach (var e in entries)
            {
                xml.WriteStartElement("entry", AtomNs);
                // tag: URIs stay stable if the slug or the site's address changes (RFC 4151).
                xml.WriteElementString("id", AtomNs, $"tag:{host},2019:dossier:{e.Id}");
                xml.WriteElementString("title", AtomNs, e.Title);
                xml.WriteElementString("updated", AtomNs, Rfc3339(e.UpdatedAt));
                if (e.PublishedAt is { } published)
                {
                    xml.WriteElementString("published", AtomNs, Rfc3339(published));
                }
                Link(xml, "alternate", $"{site}/dossiers/{e.Slug}", "text/html");
                Link(xml, "enclosure", $"{site}/dossiers/{e.Slug}.pdf", "application/pdf");
                foreach (var technology in e.Technologies)
                {
                    xml.WriteStartElement("category", AtomNs);
                    xml.WriteAttributeString("term", technology);
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("summary", AtomNs);
                xml.WriteAttributeString("type", "text");
                xml.WriteString($"{e.Commune} ({e.DepartmentCode}). {e.Summary}");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Content(builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/atom+xml; charset=utf-8");
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNs);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
