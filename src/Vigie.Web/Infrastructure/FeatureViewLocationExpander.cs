using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Vigie.Web.Infrastructure;

/// <summary>
/// Views live beside their controller: a controller in namespace Vigie.Web.Features.Accounts finds its
/// views in Features/Accounts/; shared ones are in Features/Shared/.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns
            && ns.Split('.') is [.., "Features", var feature])
        {
            context.Values[Key] = feature;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? [$"/Features/{feature}/{{0}}.cshtml", "/Features/Shared/{0}.cshtml", .. viewLocations]
            : ["/Features/Shared/{0}.cshtml", .. viewLocations];
}
