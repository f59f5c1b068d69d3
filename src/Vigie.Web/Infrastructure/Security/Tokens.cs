using System.Security.Cryptography;
using System.Text;

namespace Vigie.Web.Infrastructure.Security;

public static class Tokens
{
    /// <summary>A URL-safe random token with 256 bits of entropy.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>A password that satisfies the password rules, for accounts created from the command line.</summary>
    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(15)) + "-7a";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
