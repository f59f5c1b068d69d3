using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Api;

/// <summary>
/// What the OpenAPI document says beyond the actions' XML comments (French, in ApiV1Controller, PublicFilter and
/// ApiModels): the request states' identifiers, a working example for every parameter, the answers every route may give
/// (304, 429) and the problem documents' fields, then French spacing over all its text. The /api page is drawn from the
/// finished document, so both say the same thing.
/// </summary>
public static class ApiDocumentation
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddSchemaTransformer(DescribeSchemaAsync);
        options.AddOperationTransformer(DescribeOperationAsync);
        options.AddDocumentTransformer(DescribeDocumentAsync);
    }

    /// <summary>Examples by parameter name, with the path's own where the same name means different things.</summary>
    private static JsonNode? Example(string path, string parameter) => (path, parameter) switch
    {
        (_, "departement") => "78",
        (_, "region") => "11",
        (_, "technologie") => "videoprotection",
        (_, "prestataire") => "genetec",
        (_, "etat") => RequestStateIds.Of(RequestState.Closed),
        (_, "annee") => 2019,
        (_, "limit") => 20,
        (_, "q") => "vidéoprotection",
        (_, "type") => "dossiers",
        (_, "code") => "78208",
        (_, "id") => 1,
        ("/api/v1/vendors/{slug}", "slug") => "genetec",
        (_, "slug") => "elancourt",
        ("/api/v1/search", "cursor") => ApiCursor.Encode("search", "2"),
        ("/api/v1/communes", "cursor") => ApiCursor.Encode("communes", "78208"),
        ("/api/v1/vendors", "cursor") => ApiCursor.Encode("vendors", "genetec"),
        (_, "cursor") => ApiCursor.Encode(path.Split('/')[^1], "1"),
        _ => null,
    };

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["200"] = "Succès.",
        ["304"] = "Non modifié : la réponse n'a pas changé depuis l'ETag envoyé dans If-None-Match (pas de corps).",
        ["400"] = "Paramètre invalide : problème JSON (application/problem+json) dont le titre explique l'erreur en français.",
        ["404"] = "Introuvable, ou pas public : les deux répondent de la même façon.",
        ["429"] = "Trop de requêtes depuis la même adresse (300 par minute par défaut) : réessayez une minute plus tard.",
    };

    private static Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(RequestState))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = null;
            schema.Pattern = null;
            schema.Enum = RequestStateIds.Filterable.Select(s => (JsonNode)JsonValue.Create(RequestStateIds.Of(s))!).ToList();
            schema.Description = "Identifiant d'état d'une demande CADA : " +
                string.Join(", ", RequestStateIds.Filterable.Select(s => $"{RequestStateIds.Of(s)} ({s.Label()})")) +
                ". Les anciens codes anglais (Closed…) et les libellés (« Close ») sont aussi acceptés.";
        }
        else if (type == typeof(ProblemDetails) || type == typeof(HttpValidationProblemDetails) || type == typeof(ValidationProblemDetails))
        {
            schema.Description = "Un problème (RFC 9457), en français.";
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                property.Description = name switch
                {
                    "type" => "Adresse qui désigne le type de problème.",
                    "title" => "Ce qui ne va pas, en français.",
                    "status" => "Code de statut HTTP.",
                    "detail" => "Précisions, en français.",
                    "instance" => "Adresse de la requête en cause.",
                    "errors" => "Les paramètres invalides et, pour chacun, ce qui ne va pas.",
                    _ => property.Description,
                };
            }
        }
        return Task.CompletedTask;
    }

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = "/" + context.Description.RelativePath;
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter concrete && Example(path, concrete.Name ?? "") is { } example)
            {
                concrete.Example = example;
            }
        }
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("304", new OpenApiResponse());
        operation.Responses.TryAdd("429", new OpenApiResponse());
        foreach (var (code, response) in operation.Responses)
        {
            // The framework's defaults are the English reason phrases ("OK", "Bad Request").
            if (Answers.TryGetValue(code, out var text) && (string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrase(code)))
            {
                response.Description = text;
            }
        }
        return Task.CompletedTask;
    }

    private static string ReasonPhrase(string code) =>
        int.TryParse(code, out var status) ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) : "";

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Vigie — API publique",
            Version = ApiSetup.Version,
            Description = "Les données que Vigie publie, en JSON et en lecture seule, sans clé : dossiers publiés, communes, prestataires, " +
                "technologies, marchés, demandes CADA publiques, métadonnées des documents publics et recherche. Les listes se parcourent " +
                "par curseur opaque (« next ») ; chaque réponse porte un ETag (renvoyez-le dans If-None-Match pour obtenir 304). " +
                "Licence des données : Licence Ouverte 2.0 (Etalab).",
            License = new OpenApiLicense { Name = "Licence Ouverte 2.0", Url = new Uri("https://www.etalab.gouv.fr/licence-ouverte-open-licence/") },
        };
        foreach (var item in document.Paths.Values)
        {
            foreach (var operation in (IEnumerable<OpenApiOperation>?)item.Operations?.Values ?? [])
            {
                operation.Summary = Typeset(operation.Summary);
                operation.Description = Typeset(operation.Description);
                foreach (var parameter in operation.Parameters ?? [])
                {
                    Typeset(parameter);
                }
                foreach (var response in (IEnumerable<IOpenApiResponse>?)operation.Responses?.Values ?? [])
                {
                    Typeset(response);
                }
            }
        }
        foreach (var schema in (IEnumerable<IOpenApiSchema>?)document.Components?.Schemas?.Values ?? [])
        {
            TypesetSchema(schema, depth: 0);
        }
        return Task.CompletedTask;
    }

    private static void TypesetSchema(IOpenApiSchema schema, int depth)
    {
        if (depth > 4)
        {
            return;
        }
        // A nullable object is "oneOf: [null, $ref]", its description on the reference: clients read the property's.
        if (schema is OpenApiSchema { Description: null, OneOf: { } branches } nullable
            && branches.Select(b => b.Description).FirstOrDefault(d => d is not null) is { } described)
        {
            nullable.Description = described;
        }
        Typeset(schema);
        foreach (var property in (IEnumerable<IOpenApiSchema>?)schema.Properties?.Values ?? [])
        {
            TypesetSchema(property, depth + 1);
        }
    }

    private static string? Typeset(string? text) => text is null ? null : FrenchTypography.Apply(text);

    /// <summary>Only a text that changes is written back: a reference's description reads its target's.</summary>
    private static void Typeset(IOpenApiDescribedElement element)
    {
        if (element.Description is { } text && FrenchTypography.Apply(text) is var typeset && typeset != text)
        {
            element.Description = typeset;
        }
    }
}
