using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.OpenData;

/// <summary>A column of an open-data file: its name (the contract documented in docs/data.md) and its value in a row.</summary>
public sealed record Column<T>(string Name, Func<T, object?> Value);

/// <summary>
/// Writes rows as they come (never the whole file in memory) as CSV (RFC 4180, UTF-8, comma, header line) or as a JSON
/// array of objects with the same keys. Values: text, integers, decimals (dot), dates as ISO 8601 (as precise as known),
/// booleans, lists joined by ";" in CSV and as arrays in JSON; empty cell / null when unknown. CSV text cells that a
/// spreadsheet would take for a formula are neutralised (<see cref="CsvCells"/>); JSON keeps the text as it is.
/// </summary>
public static class TableWriter
{
    public static async Task WriteCsvAsync<T>(Stream body, IReadOnlyList<Column<T>> columns, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        await using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(columns.Select(c => c.Name).ToArray());
        var fields = new string[columns.Count];
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                fields[i] = CsvCells.Of(columns[i].Value(row));
            }
            await csv.WriteRecordAsync(fields, cancellationToken);
            if (++count % 1000 == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }
        await csv.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonAsync<T>(Stream body, IReadOnlyList<Column<T>> columns, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            foreach (var column in columns)
            {
                json.WritePropertyName(column.Name);
                Write(json, column.Value(row));
            }
            json.WriteEndObject();
            if (++count % 500 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(";", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case IEnumerable<string> list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    json.WriteStringValue(item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }
}
