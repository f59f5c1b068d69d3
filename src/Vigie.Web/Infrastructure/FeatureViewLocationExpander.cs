using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Vigie.Web.Infrastructure;

/// <summary>
/// Views live beside their controller: in the folder of the controller's namespace under Features
/// (Vigie.Web.Features.Editing.Parts → Features/Editing/Parts/, then its parent Features/Editing/ for the
/// feature's partials), or in Features/&lt;Controller&gt;/; shared ones in Features/Shared/.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private const string Root = "Vigie.Web.Features.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var ns = (context.ActionContext.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.Namespace;
        if (ns is not null && ns.StartsWith(Root, StringComparison.Ordinal))
        {
            context.Values[Key] = ns[Root.Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var folders = new List<string>();
        if (context.Values.TryGetValue(Key, out var folder) && folder is not null)
        {
            for (var f = folder; f.Length > 0; f = f.Contains('/', StringComparison.Ordinal) ? f[..f.LastIndexOf('/')] : "")
            {
                folders.Add($"/Features/{f}/{{0}}.cshtml");
            }
        }
        return [.. folders, "/Features/{1}/{0}.cshtml", "/Features/Shared/{0}.cshtml", .. viewLocations];
    }
}
