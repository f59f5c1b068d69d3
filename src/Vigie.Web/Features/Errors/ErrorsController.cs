using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Errors;

public sealed record ErrorPage(int StatusCode, string Title, string Message);

/// <summary>
/// Friendly French pages for every error status; never a stack trace. The status code pages re-execute these actions
/// with the method of the failed request, so a POST refused before its antiforgery token was read (an upload cut at its
/// size limit) comes here as a POST without a valid token: the pages must not ask for one.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("/erreur")]
    public IActionResult Exception()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is null)
        {
            // Visited directly: there is no error to report.
            return Render(StatusCodes.Status404NotFound);
        }
        var unavailable = IsDatabaseUnavailable(error);
        if (unavailable)
        {
            // Pooled connections did not survive the outage; drop them so the first requests after the
            // database comes back open fresh ones instead of failing one by one.
            NpgsqlConnection.ClearAllPools();
        }
        var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        logger.LogError(error, "Erreur non gérée sur {Path}", HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        return Render(status);
    }

    [Route("/erreur/{code:int}")]
    public IActionResult Status()
    {
        // Read from the route, not model-bound: binding would read the body of the request being re-executed (the rest
        // of an upload cut at its size limit, no valid form) and fail.
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
        return Render(code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound);
    }

    private ViewResult Render(int status)
    {
        Response.StatusCode = status;
        // What antiforgery sets anyway when the page holds a form (the sign-out button of a member): set here, it logs no warning.
        Response.Headers.CacheControl = "no-cache, no-store";
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "30";
        }
        var (title, message) = status switch
        {
            400 => ("Requête invalide", "La demande envoyée au site n'est pas valide. Vérifiez l'adresse ou le formulaire, puis réessayez."),
            401 => ("Connexion requise", "Cette page est réservée aux membres de l'équipe. Connectez-vous pour y accéder."),
            403 => ("Accès refusé", "Votre compte ne permet pas d'accéder à cette page."),
            404 => ("Page introuvable", "Cette page n'existe pas ou n'est pas publiée. L'adresse est peut-être incomplète."),
            405 => ("Action impossible", "Cette adresse n'accepte pas ce type de demande."),
            409 => ("Conflit de modification", "Quelqu'un a modifié ces informations entre-temps. Rechargez la page pour voir la version actuelle."),
            413 => ("Fichier trop volumineux", "Le fichier ou le formulaire envoyé dépasse la taille autorisée. Rien n'a été enregistré."),
            415 => ("Format non pris en charge", "Le type de fichier envoyé n'est pas accepté."),
            429 => ("Trop de demandes", "Vous avez fait trop de demandes en peu de temps. Patientez une minute avant de réessayer."),
            503 => ("Service momentanément indisponible", "Le site ne peut pas joindre sa base de données pour le moment. Réessayez dans quelques instants ; rien de ce que vous avez enregistré n'est perdu."),
            _ => ("Erreur du serveur", "Une erreur inattendue est survenue. L'équipe en est informée ; réessayez plus tard."),
        };
        return View("Error", new ErrorPage(status, title, HttpContext.Features.Get<ErrorMessageFeature>()?.Message ?? message));
    }

    private static bool IsDatabaseUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }
        return false;
    }
}
