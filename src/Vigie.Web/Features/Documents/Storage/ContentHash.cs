using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Vigie.Web.Features.Documents.Storage;

/// <summary>A SHA-256 as 64 lower-case hexadecimal digits: the only thing that names a file in a store.</summary>
public readonly record struct ContentHash
{
    private ContentHash(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static ContentHash Parse(string value) =>
        TryParse(value, out var hash) ? hash : throw new FormatException("Not a SHA-256 in lower-case hexadecimal.");

    public static bool TryParse([NotNullWhen(true)] string? value, out ContentHash hash)
    {
        hash = default;
        if (value is not { Length: 64 } || !value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return false;
        }
        hash = new ContentHash(value);
        return true;
    }

    public static ContentHash From(IncrementalHash sha256) => new(Convert.ToHexStringLower(sha256.GetHashAndReset()));

    public static async Task<ContentHash> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return new ContentHash(Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)));
    }

    public static ContentHash Of(ReadOnlySpan<byte> bytes) => new(Convert.ToHexStringLower(SHA256.HashData(bytes)));
}
