using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using UglyToad.PdfPig;

namespace Vigie.Tests.Security.Canary;

/// <summary>
/// Reads surfaces as one reader and looks for the canaries that reader must not see: in the headers, in the body
/// (HTML-decoded), in the text of PDFs and in every entry of a ZIP. Follows a list's pages (<c>rel="next"</c>, "Page
/// suivante") and an API list's <c>nextUrl</c> cursors.
/// </summary>
public sealed partial class SurfaceReader(Canaries canaries, Reader reader, HttpClient client)
{
    public Reader Reader => reader;

    private const int MaxPages = 60;
    private readonly HashSet<string> _read = [];
    private readonly HashSet<(string, string)> _reported = [];

    public List<Leak> Leaks { get; } = [];

    /// <summary>Surfaces that could not be read (a server error, an unreadable PDF): a leak there would go unseen.</summary>
    public List<string> Unreadable { get; } = [];

    public int Requests { get; private set; }

    /// <summary>What each URL read answered, for the test's controls (a page that should show does).</summary>
    public Dictionary<string, HttpStatusCode> Statuses { get; } = [];

    public async Task ReadAsync(string surface, string url)
    {
        var queue = new Queue<string>([url]);
        var pages = 0;
        while (queue.TryDequeue(out var next) && pages++ < MaxPages)
        {
            if (!_read.Add(next))
            {
                continue;
            }
            using var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            Requests++;
            Statuses[next] = response.StatusCode;
            if ((int)response.StatusCode >= 500 && surface is not ("/erreur" or "erreur"))
            {
                Unreadable.Add($"{reader} GET {next} ({surface}): {(int)response.StatusCode}");
            }
            Check($"{surface} (headers)", next, string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            foreach (var link in Scan(surface, next, type, next, bytes))
            {
                queue.Enqueue(link);
            }
        }
    }

    /// <summary>Checks one body; returns the next pages it links to.</summary>
    private IEnumerable<string> Scan(string surface, string url, string type, string name, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return [];
        }
        // A ZIP's entries have no content type: their names tell.
        if (type == "application/pdf" || (type.Length == 0 && name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
        {
            CheckPdf(surface, url, bytes);
            return [];
        }
        if (type == "application/zip" || (type.Length == 0 && name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            foreach (var entry in zip.Entries)
            {
                using var content = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(content);
                }
                Check($"{surface} ZIP entry name", url, entry.FullName);
                _ = Scan($"{surface} ZIP {entry.FullName}", url, "", entry.FullName, content.ToArray()).ToList();
            }
            return [];
        }
        if (type.StartsWith("image/", StringComparison.Ordinal) && type != "image/svg+xml")
        {
            return [];
        }
        var text = Encoding.UTF8.GetString(bytes);
        Check(surface, url, WebUtility.HtmlDecode(text));
        return type switch
        {
            "text/html" => NextPages(url, text),
            "application/json" => NextCursor(text),
            _ => [],
        };
    }

    private void CheckPdf(string surface, string url, byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                text.Append(page.Text).Append(' ').AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append(' ');
            }
            // Layout may break or space a word anywhere: compare without spaces and hyphens.
            Check($"{surface} (PDF text)", url, Spaces().Replace(text.ToString(), ""));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Unreadable.Add($"{reader} GET {url} ({surface}): PDF unreadable ({e.GetType().Name}: {e.Message})");
        }
    }

    private void Check(string surface, string url, string text)
    {
        foreach (var canary in canaries.FoundIn(text, reader))
        {
            if (_reported.Add((canary.Token, url)))
            {
                Leaks.Add(new Leak(canary, reader, surface, url));
            }
        }
    }

    private static IEnumerable<string> NextPages(string url, string html)
    {
        if (!html.Contains("rel=\"next\"", StringComparison.Ordinal) && !html.Contains("Page suivante", StringComparison.Ordinal))
        {
            return [];
        }
        var here = new Uri(new Uri("http://vigie.test"), url);
        return new HtmlParser().ParseDocument(html).QuerySelectorAll("a[href]")
            .Where(a => a.GetAttribute("rel") == "next" || a.TextContent.Contains("Page suivante", StringComparison.Ordinal))
            .Select(a => new Uri(here, a.GetAttribute("href")!))
            .Where(u => u.Host == here.Host && u.AbsolutePath == here.AbsolutePath)
            .Select(u => u.PathAndQuery)
            .ToList();
    }

    private static IEnumerable<string> NextCursor(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("nextUrl", out var next) && next.ValueKind == JsonValueKind.String
                ? [next.GetString()!]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"[\s\u00AD\-‐‑]+")]
    private static partial Regex Spaces();
}
