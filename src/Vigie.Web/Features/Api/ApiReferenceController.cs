using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.OpenApi;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Api;

public sealed record ApiReference(string? Description, IReadOnlyList<ApiOperation> Operations, IReadOnlyList<ApiObject> Objects);

public sealed record ApiOperation(string Method, string Path, string? Summary, string? Description, IReadOnlyList<ApiParameterRow> Parameters,
    IReadOnlyList<ApiResponseRow> Responses);

public sealed record ApiParameterRow(string Name, string Where, string Type, bool Required, string? Description, string? Example);

public sealed record ApiResponseRow(string Code, string? Description, string? Type, string? Anchor);

/// <summary>A response object and its fields (<see cref="ApiField.Anchor"/>: the object a field holds, when it is one).</summary>
public sealed record ApiObject(string Name, string? Description, IReadOnlyList<ApiField> Fields);

public sealed record ApiField(string Name, string Type, string? Description, string? Anchor);

/// <summary>
/// The API reference as a plain page, drawn on the server from the OpenAPI document itself (the same transformers, the
/// same French text), so it needs no script (the CSP forbids inline ones) and cannot drift from /openapi/v1.json.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ApiReferenceController([FromKeyedServices(ApiSetup.Version)] IOpenApiDocumentProvider openApi) : Controller
{
    [HttpGet("api")]
    [OutputCache(PolicyName = CachePolicies.Public)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var document = await openApi.GetOpenApiDocumentAsync(cancellationToken);
        var operations = document.Paths
            .SelectMany(p => (p.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).Select(o => (Path: p.Key, Method: o.Key.Method, Operation: o.Value)))
            .OrderBy(o => o.Path, StringComparer.Ordinal)
            .Select(o => new ApiOperation(o.Method, o.Path, o.Operation.Summary, o.Operation.Description,
                (o.Operation.Parameters ?? []).Select(p => new ApiParameterRow(p.Name ?? "", p.In == ParameterLocation.Path ? "chemin" : "requête",
                    TypeName(p.Schema), p.Required, p.Description, p.Example?.ToJsonString() is { } e ? e.Trim('"') : null)).ToList(),
                (o.Operation.Responses ?? new OpenApiResponses()).OrderBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => (Code: r.Key, r.Value.Description, Schema: r.Value.Content?.Values.FirstOrDefault()?.Schema))
                    .Select(r => new ApiResponseRow(r.Code, r.Description, r.Schema is null ? null : TypeName(r.Schema), Anchor(r.Schema))).ToList()))
            .ToList();
        var objects = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .Where(s => s.Value.Properties is { Count: > 0 })
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ApiObject(s.Key, s.Value.Description,
                s.Value.Properties!.Select(f => new ApiField(f.Key, TypeName(f.Value), f.Value.Description, Anchor(f.Value))).ToList()))
            .ToList();
        return View("Reference", new ApiReference(document.Info?.Description, operations, objects));
    }

    /// <summary>The object a schema is, or holds a list of, for a link to its fields.</summary>
    private static string? Anchor(IOpenApiSchema? schema) => schema switch
    {
        OpenApiSchemaReference r => r.Reference.Id,
        { Type: { } t, Items: { } items } when t.HasFlag(JsonSchemaType.Array) => Anchor(items),
        _ => null,
    };

    private static string TypeName(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return "texte";
        }
        if (schema is OpenApiSchemaReference r)
        {
            // A closed list of values (the request states) reads better as its values than as its name.
            return r.Target is { Enum.Count: > 0 } target ? TypeName(target) : r.Reference.Id ?? "objet";
        }
        var type = schema.Type ?? JsonSchemaType.Object;
        var name = schema.Enum is { Count: > 0 } values ? "texte parmi : " + string.Join(", ", values.Select(v => v.ToJsonString().Trim('"')))
            : type.HasFlag(JsonSchemaType.Array) ? "liste de " + TypeName(schema.Items)
            : type.HasFlag(JsonSchemaType.Integer) ? "entier"
            : type.HasFlag(JsonSchemaType.Number) ? "nombre"
            : type.HasFlag(JsonSchemaType.Boolean) ? "booléen"
            : type.HasFlag(JsonSchemaType.String) ? schema.Format switch { "date" => "date", "date-time" => "date et heure", _ => "texte" }
            : schema.AdditionalProperties is { } values2 ? "objet (clé → " + TypeName(values2) + ")"
            : "objet";
        return type.HasFlag(JsonSchemaType.Null) ? name + " ou null" : name;
    }
}
