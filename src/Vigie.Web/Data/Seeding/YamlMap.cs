using System.Globalization;
using Vigie.Web.Data.Entities;
using YamlDotNet.RepresentationModel;

namespace Vigie.Web.Data.Seeding;

/// <summary>
/// Reads one YAML mapping of a seed file, reporting every problem with the file and the line it is on
/// (hence the representation model rather than a deserializer, which loses positions).
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, string file, int lineOffset)
{
    public int Line(YamlNode at) => (int)at.Start.Line + lineOffset;

    public SeedException Error(YamlNode at, string problem) => new(file, Line(at), problem);

    public SeedException Error(string problem) => Error(node, problem);

    public static YamlNode Load(string text, string file, int lineOffset)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new YamlDotNet.Core.Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new SeedException(file, (int)e.Start.Line + lineOffset, $"YAML invalide ({FirstLine(e.Message)})");
        }
        catch (ArgumentException)
        {
            // YamlDotNet's representation model rejects some event sequences (": :" as a key) this way.
            throw new SeedException(file, parser.LastLine + lineOffset, "YAML invalide (structure non reconnue)");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections; report where it was.
            throw new SeedException(file, parser.LastLine + lineOffset, "YAML invalide (crochet, accolade ou guillemet non fermé ?)");
        }
        if (stream.Documents.Count == 0)
        {
            throw new SeedException(file, 1 + lineOffset, "le fichier est vide");
        }
        return stream.Documents[0].RootNode;
    }

    public static IEnumerable<YamlMap> Sequence(YamlNode root, string file, int lineOffset, string what)
    {
        if (root is not YamlSequenceNode sequence)
        {
            throw new SeedException(file, (int)root.Start.Line + lineOffset, $"une liste de {what} est attendue");
        }
        foreach (var item in sequence)
        {
            if (item is not YamlMappingNode map)
            {
                throw new SeedException(file, (int)item.Start.Line + lineOffset, $"chaque élément de la liste de {what} doit être un objet « clé: valeur »");
            }
            yield return new YamlMap(map, file, lineOffset);
        }
    }

    public void OnlyKeys(params string[] allowed)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!allowed.Contains(name))
            {
                throw Error(key, $"clé inconnue « {name} » (clés possibles : {string.Join(", ", allowed)})");
            }
        }
    }

    private YamlNode? Node(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? Text(string key, bool required = false, int maxLength = 10_000)
    {
        var value = Node(key);
        if (value is null || value is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return required ? throw Error($"la clé « {key} » est obligatoire") : null;
        }
        if (value is not YamlScalarNode scalar)
        {
            throw Error(value, $"« {key} » doit être un texte");
        }
        var text = scalar.Value!.Trim();
        if (text.Length > maxLength)
        {
            throw Error(value, $"« {key} » dépasse {maxLength} caractères");
        }
        return text;
    }

    public int? Int(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(Node(key)!, $"« {key} » doit être un nombre entier (lu : « {text} »)");
    }

    public decimal? Decimal(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw Error(Node(key)!, $"« {key} » doit être un montant positif en euros, sans espace ni symbole (lu : « {text} »)");
    }

    public bool Bool(string key, bool fallback)
    {
        var text = Text(key);
        return text switch
        {
            null => fallback,
            "true" or "yes" or "oui" => true,
            "false" or "no" or "non" => false,
            _ => throw Error(Node(key)!, $"« {key} » doit valoir true ou false (lu : « {text} »)"),
        };
    }

    public TEnum Enum<TEnum>(string key, TEnum fallback) where TEnum : struct, System.Enum
    {
        var text = Text(key);
        if (text is null)
        {
            return fallback;
        }
        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw Error(Node(key)!, $"« {key} » vaut « {text} », valeurs possibles : {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }

    /// <summary>"2019", "2019-07" or "2019-07-02", with the precision the writer gave.</summary>
    public (DateOnly Date, DatePrecision Precision)? Date(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }
        var formats = new (string Format, DatePrecision Precision)[]
        {
            ("yyyy-MM-dd", DatePrecision.Day), ("yyyy-MM", DatePrecision.Month), ("yyyy", DatePrecision.Year),
        };
        foreach (var (format, precision) in formats)
        {
            if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (date, precision);
            }
        }
        throw Error(Node(key)!, $"« {key} » doit être une date AAAA, AAAA-MM ou AAAA-MM-JJ (lu : « {text} »)");
    }

    /// <summary>One of a closed set of lower-case words ("favorable", "not-answered"), or the fallback when absent.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> words, bool required = false) where T : struct
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }
        return words.TryGetValue(text, out var value)
            ? value
            : throw Error(Node(key)!, $"« {key} » vaut « {text} », valeurs possibles : {string.Join(", ", words.Keys)}");
    }

    public IReadOnlyList<(string Value, int Line)> Texts(string key)
    {
        var value = Node(key);
        if (value is null)
        {
            return [];
        }
        if (value is not YamlSequenceNode sequence)
        {
            throw Error(value, $"« {key} » doit être une liste");
        }
        return sequence.Select(item => item is YamlScalarNode { Value: { Length: > 0 } v }
                ? (v.Trim(), Line(item))
                : throw Error(item, $"chaque élément de « {key} » doit être un texte"))
            .ToList();
    }

    public IEnumerable<YamlMap> Maps(string key, string what)
    {
        var value = Node(key);
        return value is null ? [] : Sequence(value, file, lineOffset, what);
    }

    public YamlNode? Raw(string key) => Node(key);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>Remembers the line of the last YAML event read, to locate errors the parser reports without a position.</summary>
internal sealed class TrackingParser(YamlDotNet.Core.IParser inner) : YamlDotNet.Core.IParser
{
    public int LastLine { get; private set; } = 1;

    public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastLine = (int)current.Start.Line;
        }
        return moved;
    }
}
