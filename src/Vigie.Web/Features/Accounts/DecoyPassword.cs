using Microsoft.AspNetCore.Identity;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Accounts;

/// <summary>Runs the password hasher for an email without an account, so that the answer takes as long as for one with.</summary>
public sealed class DecoyPassword(IPasswordHasher<User> hasher)
{
    private static readonly User Nobody = new() { DisplayName = "" };
    private static string? _hash;

    public void Verify(string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Tokens.New());
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
