using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Infrastructure.Security;

/// <summary>
/// Sign-in sessions kept in PostgreSQL (<c>user_sessions</c>): the cookie carries only a random key, so deleting a
/// row ends that session on its next request, whichever instance serves it. Sign-out deletes its own row; a change
/// of role, a lock or a new password deletes all of the member's rows (<see cref="EndAllAsync"/>).
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, default);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Tokens.New();
        var now = clock.GetUtcNow();
        var userId = ticket.Principal.UserId() ?? throw new InvalidOperationException("A session without a user.");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        // Expired rows are cleared at each sign-in: sessions are few, and expires_at is indexed.
        await db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(new UserSession
        {
            KeyHash = Tokens.Hash(key),
            UserId = userId,
            CreatedAt = now,
            ExpiresAt = ExpiresAt(ticket, now),
            Ticket = TicketSerializer.Default.Serialize(ticket),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, default);

    /// <summary>Updates the row if it still exists: a session ended meanwhile is not brought back.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(key);
        var userId = ticket.Principal.UserId() ?? throw new InvalidOperationException("A session without a user.");
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiresAt(ticket, clock.GetUtcNow());
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        await db.UserSessions.Where(s => s.KeyHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.UserId, userId), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, default);

    /// <summary>
    /// While the database is away a session cannot be read. The handler caches its answer for the whole request, the
    /// French 503 page included (rendered by re-executing the request), so this does not throw: it answers "no
    /// session" and leaves the error for <see cref="SessionOutage.FailWhenSessionUnreadable"/> to raise after authentication.
    /// </summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        try
        {
            return await RetrieveAsync(key, cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            httpContext.Items[SessionOutage.UnreadableSession] = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            return null;
        }
    }

    private static bool IsUnreachable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }
        return false;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(key);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var bytes = await Find(db, hash, now).FirstOrDefaultAsync(cancellationToken);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, default);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        await db.UserSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of a member, from their next request on.</summary>
    public static Task<int> EndAllAsync(VigieDbContext db, int userId) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();

    private static IQueryable<byte[]> Find(VigieDbContext db, string hash, DateTimeOffset now) =>
        db.UserSessions.AsNoTracking().Where(s => s.KeyHash == hash && s.ExpiresAt > now).Select(s => s.Ticket);

    private static DateTimeOffset ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc ?? now.AddDays(AccountsSetup.SessionDays);
}

/// <summary>What a request does when its session could not be read.</summary>
public static class SessionOutage
{
    public const string UnreadableSession = "vigie.session-unreadable";


    /// <summary>A request whose session could not be read fails as the database outage it is (503), not as a visitor's.</summary>
    public static IApplicationBuilder FailWhenSessionUnreadable(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items.TryGetValue(UnreadableSession, out var error) && error is System.Runtime.ExceptionServices.ExceptionDispatchInfo failure
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
        {
            failure.Throw();
        }
        await next(context);
    });
}
