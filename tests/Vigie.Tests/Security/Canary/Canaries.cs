using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Vigie.Tests.Security.Canary;

/// <summary>
/// Who may read a value that carries a canary. <see cref="Team"/>: the team (any member), never an anonymous reader.
/// <see cref="Private"/>: its owner and the editors only, so neither an anonymous reader nor a volunteer who owns nothing.
/// </summary>
public enum CanaryClass
{
    Team,
    Private,
}

/// <summary>A unique word planted in one field of one row; <see cref="Owner"/> names the row once it has an id.</summary>
public sealed record CanaryToken(string Token, CanaryClass Class, string Field, Func<string> Owner)
{
    /// <summary>What kind of row it is in: "case", "request", "document", "campaign", "user".</summary>
    public string Entity => Owner().Split(' ')[0];

    public string Describe() => $"{Owner()}.{Field} [{Class}]";
}

/// <summary>The reader a surface was read as.</summary>
public enum Reader
{
    Anonymous,
    NobodyVolunteer,
}

/// <summary>A canary found where its reader should not have seen it.</summary>
public sealed record Leak(CanaryToken Canary, Reader Reader, string Surface, string Url)
{
    /// <summary>The route template the surface was read from.</summary>
    public string Route => Surface.Split(' ')[0];

    /// <summary>Leaks of the same field to the same reader on the same route are one leak.</summary>
    public string Kind => $"{Canary.Entity}.{Canary.Field} [{Canary.Class}] to {Reader} on GET {Route}";

    /// <summary>The canary, the row and field it was planted in, and where it showed.</summary>
    public string Example => $"« {Canary.Token} » from {Canary.Describe()} in {Surface} at {Url}";

    public override string ToString() => $"{Kind}: {Example}";
}

/// <summary>
/// Every canary planted so far, and the search for them in what a surface returned. Tokens are "canari" and letters
/// only, so that PostgreSQL's French full-text configuration reads each as one word.
/// </summary>
public sealed partial class Canaries
{
    private readonly ConcurrentDictionary<string, CanaryToken> _all = new();

    public const string Prefix = "canari";

    public int Count => _all.Count;

    public IEnumerable<CanaryToken> All => _all.Values;

    public CanaryToken Plant(CanaryClass @class, string field, Func<string> owner)
    {
        while (true)
        {
            var token = Prefix + string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))));
            var canary = new CanaryToken(token, @class, field, owner);
            if (_all.TryAdd(token, canary))
            {
                return canary;
            }
        }
    }

    /// <summary>
    /// The canaries in <paramref name="text"/> that <paramref name="reader"/> must not see. Case does not matter; a
    /// token cut short (a truncated title) still counts when its first 12 letters name one canary.
    /// </summary>
    public IEnumerable<CanaryToken> FoundIn(string text, Reader reader)
    {
        foreach (Match match in Word().Matches(text.ToLowerInvariant()))
        {
            var word = match.Value;
            if (!word.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var canary = _all.TryGetValue(word, out var exact) ? exact
                : word.Length >= 12 ? _all.Values.FirstOrDefault(c => c.Token.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(c.Token, StringComparison.Ordinal))
                : null;
            if (canary is not null && (reader == Reader.Anonymous || canary.Class == CanaryClass.Private))
            {
                yield return canary;
            }
        }
    }

    /// <summary>The token as a search box would get it: an accent on its second letter, which the search folds away but
    /// which keeps the echo of the query ("Résultats pour …") from matching the canary itself.</summary>
    public static string AsQuery(string token) => token[0] + "à" + token[2..];

    [GeneratedRegex("canari[a-z]*")]
    private static partial Regex Word();
}
