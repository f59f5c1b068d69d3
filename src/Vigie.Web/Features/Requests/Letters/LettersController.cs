using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Pdf;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Requests.Letters;

/// <summary>A letter as its page shows it; <c>Unclaimed</c>: a campaign request nobody has claimed yet (placeholders only).</summary>
public sealed record LetterPage(CadaRequest Request, Letter Letter, bool ShowsIdentity, bool IdentityComplete, IReadOnlyList<Warning> Warnings, bool Unclaimed = false);

/// <summary>The request's letters, as text to copy into an email or as a PDF. Identity only in the requester's own letters.</summary>
[Route("demandes/{id:int}/courriers")]
public sealed class LettersController(RequestAnalyser analyser, UserManager<User> users, TimeProvider clock, ILogger<LettersController> logger) : Controller
{
    [HttpGet("{letter}")]
    public async Task<IActionResult> Text(int id, string letter, CancellationToken cancellationToken)
    {
        var draft = await DraftAsync(id, letter, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }
        return View("~/Features/Requests/Letters/Letter.cshtml", draft);
    }

    [HttpGet("{letter}.pdf")]
    public async Task<IActionResult> Pdf(int id, string letter, CancellationToken cancellationToken)
    {
        var draft = await DraftAsync(id, letter, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }
        RenderResult result;
        try
        {
            result = PdfRenderer.Render(draft.Letter.ToPrint(clock.GetUtcNow()));
        }
        catch (FontsMissingException e)
        {
            logger.LogError(e, "Polices DejaVu absentes : impossible de produire le PDF");
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(result.Pdf, "application/pdf", $"{draft.Letter.FileName}.pdf");
    }

    private async Task<LetterPage?> DraftAsync(int id, string letter, CancellationToken cancellationToken)
    {
        var kind = LetterKinds.FromSlug(letter);
        var viewer = Viewer.Of(User);
        var request = kind is null ? null : await analyser.Full().AsNoTracking().VisibleTo(viewer).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var identity = RequesterIdentity.Placeholders;
        var showsIdentity = false;
        if (viewer.IsRequester(request) && await users.GetUserAsync(User) is { } me)
        {
            identity = RequesterIdentity.Of(me);
            showsIdentity = true;
        }
        var today = analyser.Today;
        var analysis = RequestAnalyser.Analyse(request, today);
        var draft = RequestLetters.Draft(kind!.Value, request, analysis, identity, today);
        List<Warning> warnings = kind == LetterKind.Referral
            ? analysis.Warnings.Where(w => w.Kind is WarningKind.PrematureReferral or WarningKind.LateReferral or WarningKind.ReferralWindowExpired).ToList()
            : [];
        if (kind == LetterKind.Referral && analysis.State is RequestState.Sent or RequestState.Draft
            && analysis.Find(DeadlineKind.ImpliedRefusal) is { } implied)
        {
            warnings.Add(new Warning(WarningKind.PrematureReferral,
                $"Pas encore de refus : une saisine envoyée avant le {FrenchDates.Long(implied.Date)} serait jugée prématurée par la CADA."));
        }
        return new LetterPage(request, draft, showsIdentity, identity.IsComplete, warnings, request.RequesterId is null && request.CampaignId is not null);
    }
}
