using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;

namespace Vigie.Tests.Features.Search;

/// <summary>
/// The seeded database plus words that only one thing contains: published cases (zorglub, ocelot, a quote with pangolin,
/// an HTML-looking summary), and things the public must never find: a draft (clandestinus), a private request
/// (ornithorynque), a private document (wombat), and a team member's name (Discretnom) on a public request.
/// </summary>
public sealed class SearchFixture : VigieFactory
{
    public const string Requester = "Hortense Discretnom";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var volunteer = await this.CreateAsync("recherche-benevole@example.org", Roles.Volunteer, Requester);
        await using var db = CreateDbContext();
        var lyon = await db.Municipalities.SingleAsync(m => m.InseeCode == "69123");
        var lyonBody = await db.PublicBodies.SingleAsync(b => b.Kind == PublicBodyKind.Commune && b.MunicipalityId == lyon.Id);
        var lapi = await db.Technologies.SingleAsync(t => t.Slug == "lapi");
        var genetec = await db.Vendors.SingleAsync(v => v.Slug == "genetec");
        var now = DateTimeOffset.UtcNow;
        var thermal = new Case
        {
            Slug = "recherche-zorglub",
            Title = "Lyon : une caméra thermique à l'école Zorglub",
            MunicipalityId = lyon.Id,
            Summary = "Une caméra thermique surveille la cour de l'école Zorglub. <script>alert('x')</script> & compagnie.",
            Body = "Le marché prévoit aussi un lecteur de badges.",
            Status = CaseStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = now,
            Technologies = [lapi],
            Vendors = [genetec],
            Quotes = [new Quote { Speaker = "Un habitant", Text = "On se croirait chez les pangolins." }],
            Contracts = [new Contract { Object = "Caméra thermique de la cour", SignedOn = new DateOnly(2021, 3, 4), AmountEuros = 12000, VendorId = genetec.Id }],
        };
        var ocelot = new Case
        {
            Slug = "recherche-ocelot",
            Title = "Lyon : la caméra de l'ocelot",
            MunicipalityId = lyon.Id,
            Summary = "Une caméra au zoo.",
            Status = CaseStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = now,
        };
        var draft = new Case
        {
            Slug = "recherche-brouillon",
            Title = "Brouillon clandestinus",
            MunicipalityId = lyon.Id,
            Summary = "Caméra clandestinus jamais publiée.",
            Status = CaseStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = volunteer.Id,
        };
        db.Cases.AddRange(thermal, ocelot, draft);
        await db.SaveChangesAsync();
        db.CadaRequests.AddRange(
            new CadaRequest
            {
                Subject = "Demande ornithorynque",
                PublicBodyId = lyonBody.Id,
                RequesterId = volunteer.Id,
                IsPublic = false,
                State = RequestState.Sent,
                RequestedDocuments = [new RequestedDocument { Title = "Contrat", Position = 1 }],
            },
            new CadaRequest
            {
                Subject = "Demande capybara",
                OutcomeSummary = "Réponse attendue.",
                PublicBodyId = lyonBody.Id,
                CaseId = thermal.Id,
                RequesterId = volunteer.Id,
                IsPublic = true,
                State = RequestState.Sent,
                SentOn = new DateOnly(2026, 1, 5),
                RequestedDocuments = [new RequestedDocument { Title = "Contrat", Position = 1 }],
            });
        db.Documents.Add(new Document { Title = "Note wombat", Kind = DocumentKind.Autre, IsPublic = false, CaseId = thermal.Id, UploadedById = volunteer.Id });
        db.Documents.Add(new Document { Title = "Délibération publique du zorglub", Kind = DocumentKind.Deliberation, IsPublic = true, CaseId = thermal.Id, Date = new DateOnly(2021, 2, 1) });
        await db.SaveChangesAsync();
    }
}
