using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Vigie.Web.Infrastructure.Text;

/// <summary>
/// Characters that text from outside may carry but must not take further. Two different rules:
/// <list type="bullet">
/// <item>Storable text: PostgreSQL refuses a NUL in any text value (SQLSTATE 22021) and Npgsql cannot encode a lone
/// surrogate; such text is refused (a 400, a French field error), never silently sent to the database.</item>
/// <item>Names (file names, slugs): invisible characters (controls, Cc, and format characters, Cf: the bidi embeddings,
/// overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F/U+061C, zero-width characters) are
/// removed, since a right-to-left override makes "passwd‮fdp.exe.txt" read "passwdtxt.exe.pdf".</item>
/// </list>
/// </summary>
public static class UnsafeText
{
    public const string FieldMessage = "Ce texte contient un caractère invalide (caractère nul ou codage incorrect), qui a été retiré : vérifiez-le puis enregistrez de nouveau.";

    public const string AddressMessage = "L'adresse contient un caractère invalide (caractère nul ou texte qui n'est pas de l'UTF-8). Corrigez-la puis réessayez.";

    /// <summary>No NUL and no unpaired surrogate.</summary>
    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The text without its NULs and unpaired surrogates.</summary>
    public static string MakeStorable(string text)
    {
        if (IsStorable(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c != '\0' && !char.IsSurrogate(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Whether the character is invisible and may change how the text around it reads: a control or a format character.</summary>
    public static bool IsInvisible(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;

    /// <summary>The text without controls (Cc) and format characters (Cf), lone surrogates and NULs included.</summary>
    public static string WithoutInvisibles(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in MakeStorable(text))
        {
            if (!IsInvisible(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Whether a raw (still percent-encoded) query string or path decodes to UTF-8 without a NUL. "+" is a space; a
    /// character outside ASCII that the server left as is counts as its UTF-8 bytes.
    /// </summary>
    public static bool IsCleanUriComponent(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }
        if (raw.AsSpan().IndexOfAny('%', '\0') < 0 && Ascii.IsValid(raw))
        {
            return true;
        }
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%' && i + 2 < raw.Length && byte.TryParse(raw.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                if (char.IsSurrogate(c))
                {
                    if (!(char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1])))
                    {
                        return false;
                    }
                    bytes.AddRange(Encoding.UTF8.GetBytes(raw.Substring(i++, 2)));
                    continue;
                }
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        return !span.Contains((byte)0) && Utf8.IsValid(span);
    }
}
