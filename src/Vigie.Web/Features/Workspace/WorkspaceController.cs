using Microsoft.AspNetCore.Mvc;

namespace Vigie.Web.Features.Workspace;

/// <summary>The signed-in team member's landing page.</summary>
public sealed class WorkspaceController : Controller
{
    [HttpGet("/espace")]
    public IActionResult Index() => View();
}
