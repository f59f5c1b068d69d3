using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.CaseFiles;

[AllowAnonymous]
public sealed class CaseFilesController(CaseFileService caseFiles, SiteAddress address) : Controller
{
    [HttpGet("dossiers/{slug}.pdf")]
    public async Task<IActionResult> Download(string slug, CancellationToken cancellationToken)
    {
        var file = await caseFiles.GetAsync(slug, address.For(Request), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        if (Request.Headers.IfNoneMatch.Contains(file.ETag))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        Response.Headers.ETag = file.ETag;
        Response.Headers.CacheControl = "public, max-age=300";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName, FileName = file.FileName }.ToString();
        return File(file.Pdf, "application/pdf");
    }
}
