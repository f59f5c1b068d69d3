using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OutputCaching;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Api;

public sealed record ApiOperation(string Method, string Path, string? Summary, string? Description, IReadOnlyList<ApiParameterRow> Parameters,
    IReadOnlyList<int> Statuses, string? ResponseType);

public sealed record ApiParameterRow(string Name, string Where, string Type, bool Required);

/// <summary>
/// The API reference as a plain page, drawn on the server from the same ApiExplorer metadata as /openapi/v1.json, so it
/// needs no script (the CSP forbids inline ones) and cannot drift from the document.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ApiReferenceController(IApiDescriptionGroupCollectionProvider explorer) : Controller
{
    [HttpGet("api")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public IActionResult Index()
    {
        var operations = explorer.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .Select(d =>
            {
                var method = (d.ActionDescriptor as ControllerActionDescriptor)?.MethodInfo;
                var summary = d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().FirstOrDefault()?.Summary;
                return new ApiOperation(d.HttpMethod ?? "GET", "/" + d.RelativePath, summary, Documentation.Summary(method),
                    d.ParameterDescriptions.Where(p => p.Source.Id is "Query" or "Path" || p.Source == BindingSource.ModelBinding)
                        .Select(p => new ApiParameterRow(p.Name, p.Source.Id == "Path" ? "chemin" : "requête", TypeName(p.Type), p.IsRequired)).ToList(),
                    d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order().ToList(),
                    d.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == 200)?.Type is { } t ? TypeName(t) : null);
            })
            .OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
        return View("Reference", operations);
    }

    private static string TypeName(Type? type)
    {
        if (type is null)
        {
            return "texte";
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "texte";
        }
        if (type == typeof(int))
        {
            return "entier";
        }
        if (type.IsEnum)
        {
            return string.Join(" | ", Enum.GetNames(type));
        }
        return type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>" : type.Name;
    }
}
