using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Api;

/// <summary>
/// Opaque list cursors: base64url of "v1|list|last key". Clients pass them back as they are; the form may change
/// with the version. A cursor of another list, or a damaged one, is a 400.
/// </summary>
public static class ApiCursor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string list, string lastKey) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"v1|{list}|{lastKey}"));

    public static bool TryDecode(string? cursor, string list, out string? lastKey)
    {
        lastKey = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        try
        {
            var parts = StrictUtf8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('|', 3);
            // A forged key with a NUL would reach PostgreSQL (22021), and int.Parse accepts trailing NULs.
            if (parts is ["v1", var name, var key] && name == list && key.Length > 0 && UnsafeText.IsStorable(key) && !key.Any(char.IsControl))
            {
                lastKey = key;
                return true;
            }
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
        }
        return false;
    }
}
