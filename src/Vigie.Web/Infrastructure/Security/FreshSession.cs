using Microsoft.AspNetCore.Identity;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Security;

/// <summary>
/// Signs a member in under a new session key. Given a request that came with a session cookie, the cookie handler
/// would reuse that key (dotnet/aspnetcore#22135): an ended session's key, and the member could not sign in again
/// from that browser; a copied cookie kept across a password change; a planted cookie capturing the next sign-in.
/// </summary>
public static class FreshSession
{
    public static async Task SignInAsync(HttpContext context, User user, bool persistent)
    {
        // Ends the request's own session, if any, and stops its handler from renewing that key at the end of the response.
        await context.RequestServices.GetRequiredService<SignInManager<User>>().SignOutAsync();
        // A handler from another scope has read no cookie, so it stores a new session.
        var requestServices = context.RequestServices;
        await using var scope = requestServices.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await scope.ServiceProvider.GetRequiredService<SignInManager<User>>().SignInAsync(user, persistent);
        }
        finally
        {
            context.RequestServices = requestServices;
        }
    }
}
