using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Vigie.Web.Features.Api;

/// <summary>The public API's plumbing: OpenAPI document, CORS for reading, rate limit, ETags.</summary>
public static class ApiSetup
{
    public const string Version = "v1";
    public const string Cors = "api-read";
    public const string RateLimit = "api";
    /// <summary>Only the one document: another name would get the OpenAPI endpoint's English text 404 instead of the site's page.</summary>
    public const string OpenApiPath = "/openapi/{documentName:regex(^" + Version + "$)}.json";

    /// <summary>The titles of the API's problem+json answers (NotFound() and the like), in French like the rest of the site.</summary>
    private static readonly Dictionary<int, string> FrenchTitles = new()
    {
        [StatusCodes.Status400BadRequest] = "Requête invalide.",
        [StatusCodes.Status401Unauthorized] = "Connexion requise.",
        [StatusCodes.Status403Forbidden] = "Accès refusé.",
        [StatusCodes.Status404NotFound] = "Ressource introuvable.",
        [StatusCodes.Status405MethodNotAllowed] = "Méthode non acceptée.",
        [StatusCodes.Status406NotAcceptable] = "Format de réponse non disponible.",
        [StatusCodes.Status409Conflict] = "Conflit de modification.",
        [StatusCodes.Status412PreconditionFailed] = "Condition préalable non remplie.",
        [StatusCodes.Status415UnsupportedMediaType] = "Format non pris en charge.",
        [StatusCodes.Status422UnprocessableEntity] = "Contenu invalide.",
        [StatusCodes.Status500InternalServerError] = "Erreur du serveur.",
    };

    public static void AddVigieApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var perMinute = builder.Configuration.GetValue("Vigie:Api:RequestsPerMinute", 300);
        var downloadsPerMinute = builder.Configuration.GetValue("Vigie:Api:DownloadsPerMinute", 60);
        services.AddOpenApi(Version, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            ApiDocumentation.Configure(o);
        });
        services.AddCors(o => o.AddPolicy(Cors, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").WithExposedHeaders("ETag", "Link")));
        services.AddRateLimiter(o => o.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddRateLimiter(o => o.AddPolicy(OpenData.OpenDataController.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = downloadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.PostConfigure<ApiBehaviorOptions>(o =>
        {
            foreach (var (status, title) in FrenchTitles)
            {
                o.ClientErrorMapping[status] = new ClientErrorData
                {
                    Title = title,
                    Link = o.ClientErrorMapping.TryGetValue(status, out var known) ? known.Link : null,
                };
            }
        });
        services.PostConfigure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = context =>
        {
            var problem = new ValidationProblemDetails(context.ModelState)
            {
                Title = "Paramètres invalides.",
                Status = StatusCodes.Status400BadRequest,
            };
            return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
        });
    }

    /// <summary>
    /// A strong ETag (SHA-256 of the body) on the API's and the OpenAPI document's successful GETs, and 304 when the
    /// client already has it. The bodies are pages of at most a few hundred items, so hashing them costs little.
    /// </summary>
    public static IApplicationBuilder UseApiETags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsGet(context.Request.Method) || !(path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/openapi")))
        {
            await next();
            return;
        }
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.StatusCode == StatusCodes.Status200OK && buffer.Length > 0)
        {
            var etag = "\"" + Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..27] + "\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "public, max-age=60";
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Select(x => x.Trim()).Contains(etag))))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });
}
