using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Vigie.Web.Infrastructure;

/// <summary>
/// Views live beside their controller: a controller in namespace Vigie.Web.Features.Accounts finds its
/// views in Features/Accounts/. A feature with sub-folders looks in its own folder, then in its parents
/// (Vigie.Web.Features.Editing.Parts: Features/Editing/Parts/, then Features/Editing/ for the feature's
/// partials). Shared ones are in Features/Shared/.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private const string Root = "Vigie.Web.Features.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns
            && ns.StartsWith(Root, StringComparison.Ordinal))
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
        return [.. folders, "/Features/Shared/{0}.cshtml", .. viewLocations];
    }
}
