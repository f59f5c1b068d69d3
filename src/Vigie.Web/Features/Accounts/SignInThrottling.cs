using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Accounts;

/// <summary>
/// Growing delays after failed sign-ins, counted per email address (whether it has an account or not, so that the
/// answer reveals nothing) and per client address, in PostgreSQL so that every instance sees the same counts.
/// After <c>free</c> failures, the next attempt is refused for <c>base × 2^(failures − free)</c>, capped. A refused
/// attempt does not count, so a stranger can delay an account by the cap at most, not lock it; the address cap is
/// longer, so one stranger is stopped before the account is. Details in docs/security.md.
/// </summary>
public sealed class SignInThrottling(VigieDbContext db, TimeProvider clock, IOptions<AccountOptions> options, ILookupNormalizer normalizer)
{
    /// <summary>Failures older than this are forgotten.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    /// <summary>How long before this email may be tried from this address; zero when it may be now.</summary>
    public async Task<TimeSpan> WaitAsync(string email, IPAddress? address)
    {
        string[] keys = [AccountKey(email), AddressKey(address)];
        var now = clock.GetUtcNow();
        var until = await db.SignInThrottles.AsNoTracking().Where(t => keys.Contains(t.Key) && t.BlockedUntil > now)
            .MaxAsync(t => (DateTimeOffset?)t.BlockedUntil);
        return until is { } u ? u - now : TimeSpan.Zero;
    }

    public async Task FailedAsync(string email, IPAddress? address)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        await CountAsync(AccountKey(email), o.AccountFreeFailures, o.AccountMaxDelay, now);
        await CountAsync(AddressKey(address), o.AddressFreeFailures, o.AddressMaxDelay, now);
        var forgotten = now - Memory;
        await db.SignInThrottles.Where(t => t.LastFailureAt < forgotten && t.BlockedUntil <= now).ExecuteDeleteAsync();
    }

    /// <summary>A right password clears the account's count, not the address's: signing in to one's own account must
    /// not let an address go on guessing others.</summary>
    public async Task SucceededAsync(string email)
    {
        var key = AccountKey(email);
        await db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync();
    }

    public static TimeSpan Delay(int failures, int free, TimeSpan baseDelay, TimeSpan max) =>
        failures < free ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(max.Ticks, baseDelay.Ticks * (1L << Math.Min(failures - free, 30))));

    private async Task CountAsync(string key, int free, TimeSpan max, DateTimeOffset now)
    {
        var forgotten = now - Memory;
        // One statement: instances counting the same key at once lose no failure.
        var failures = (await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_throttles AS t (key, failures, last_failure_at, blocked_until) VALUES ({key}, 1, {now}, {now})
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN t.last_failure_at < {forgotten} THEN 1 ELSE t.failures + 1 END,
                last_failure_at = excluded.last_failure_at
            RETURNING t.failures AS "Value"
            """).ToListAsync()).Single();
        var delay = Delay(failures, free, options.Value.ThrottleBaseDelay, max);
        if (delay > TimeSpan.Zero)
        {
            var until = now + delay;
            await db.SignInThrottles.Where(t => t.Key == key).ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntil, until));
        }
    }

    /// <summary>A hash, so that the table keeps no email address, even of someone without an account.</summary>
    private string AccountKey(string email) => "compte:" + Tokens.Hash(normalizer.NormalizeEmail(email.Trim()));

    /// <summary>An IPv6 client is counted by its /64, the block one subscriber usually gets.</summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "adresse:inconnue";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "adresse:" + new IPAddress(bytes).ToString() + "/64";
        }
        return "adresse:" + address.ToString();
    }

    /// <summary>"45 secondes", "3 minutes": the wait, rounded up, in French.</summary>
    public static string French(TimeSpan wait) => wait < TimeSpan.FromMinutes(1)
        ? Infrastructure.Formatting.Fr.Count((int)Math.Ceiling(wait.TotalSeconds), "seconde", "secondes")
        : Infrastructure.Formatting.Fr.Count((int)Math.Ceiling(wait.TotalMinutes), "minute", "minutes");

    public static string RetryAfter(TimeSpan wait) => ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
