using Microsoft.AspNetCore.Diagnostics;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Infrastructure.Security;

/// <summary>A more precise message for the French error page than the one of its status code.</summary>
public sealed record ErrorMessageFeature(string Message);

/// <summary>
/// Refuses, before anything reads them, a query string (or path) that carries a NUL or bytes that are not UTF-8, and a
/// url-encoded form body with a NUL: a French 400 page, or a problem+json for the API.
/// <para>
/// One place in front of every reader rather than a check in each query: the query string is read in many places
/// that are not model binding (Request.Query in the upload controller, the output cache's vary-by-query key, the API's
/// next links, the filters handed to SQL), and PostgreSQL refuses a NUL in any text parameter (22021), which was a 500
/// wherever one slipped through. A value provider wrapper would only have covered model binding.
/// </para>
/// <para>
/// Form bodies: ASP.NET Core's url-encoded form reader itself throws on a NUL, which surfaced as an antiforgery failure
/// (a bare 400); reading the form here names the cause. Multipart bodies are left alone (the upload streams them); a
/// NUL there reaches model binding, where <see cref="SafeInputBinderProvider"/> turns it into a field error that
/// keeps the rest of the form.
/// </para>
/// </summary>
public static class InputGuard
{
    public const string FormMessage = "Le formulaire envoyé contient un caractère invalide (caractère nul) : rien n'a été enregistré. Revenez en arrière, retirez-le puis envoyez de nouveau.";

    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page for a request refused here: its body is still the refused one.
            await next();
            return;
        }
        if (!UnsafeText.IsCleanUriComponent(request.QueryString.Value) || !UnsafeText.IsStorable(request.Path.Value))
        {
            await RefuseAsync(context, UnsafeText.AddressMessage);
            return;
        }
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e) when (e.InnerException is InvalidOperationException)
            {
                // "The form value contains invalid characters": the reader's own NUL check.
                await RefuseAsync(context, FormMessage);
                return;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // Over a form limit, or cut short: refused as before by whatever reads the form next.
            }
        }
        await next();
    });

    private static async Task RefuseAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api/v1") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            await Results.Problem(title: "Paramètres invalides.", detail: message, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        // No body: the status code pages re-execute /erreur/400 (with an empty query string), which shows this message.
        context.Features.Set(new ErrorMessageFeature(message));
    }
}
