using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Vigie.Pdf.Tests;

/// <summary>Builds, saves and reads back test PDFs.</summary>
internal static partial class TestPdf
{
    public static readonly DateTimeOffset GeneratedAt = new(2019, 10, 3, 14, 5, 0, TimeSpan.FromHours(2));

    public static string ArtifactsFolder { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static PrintDocument NewDocument(string title = "Dossier de test — Élancourt") =>
        new(new DocumentInfo(title)
        {
            Author = "Vigie",
            Subject = "Contrats de vidéosurveillance",
            Keywords = "vidéosurveillance, CADA",
            GeneratedAt = GeneratedAt,
            Url = "https://vigie.example.org/dossiers/elancourt",
        });

    public static RenderResult Render(PrintDocument document, string? saveAs = null)
    {
        var result = PdfRenderer.Render(document);
        if (saveAs is not null)
            Save(result.Pdf, saveAs);
        return result;
    }

    public static PigDocument Open(byte[] pdf) => PigDocument.Open(pdf);

    public static string Save(byte[] pdf, string name)
    {
        var path = Path.Combine(ArtifactsFolder, name);
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>Spaces of any kind (U+00A0, U+202F…) collapsed to one ASCII space.</summary>
    public static string NormalizeSpaces(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"[\s\u00A0\u202F\u2009]+")]
    private static partial Regex Spaces();

    /// <summary>Letters of the content box only (not header or footer).</summary>
    public static IEnumerable<Letter> BodyLetters(Page page) =>
        page.Letters.Where(l => l.StartBaseLine.Y > Typography.MarginBottom && l.StartBaseLine.Y < page.Height - Typography.MarginTop + 2);

    public static string Lorem(int words, int seed)
    {
        string[] vocabulary =
        [
            "la", "commune", "a", "signé", "un", "marché", "public", "de", "vidéoprotection", "pour", "l'installation",
            "caméras", "sur", "voie", "publique", "le", "conseil", "municipal", "délibéré", "montant", "euros", "contrat",
            "prestataire", "maintenance", "années", "préfecture", "autorisation", "document", "obtenu", "demande", "CADA",
        ];
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
            text.Append(i == 0 ? "" : " ").Append(vocabulary[random.Next(vocabulary.Length)]);
        return text.Append('.').ToString();
    }

    /// <summary>Runs a tool that must be installed; a missing tool fails the test with the package to install.</summary>
    public static (int ExitCode, string Output) RunTool(string tool, string package, params string[] arguments)
    {
        var path = FindOnPath(tool);
        Assert.True(path is not null, $"'{tool}' was not found on PATH: install the Debian package {package}.");
        var start = new ProcessStartInfo(path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{tool} did not finish in 60 s.");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    public static void AssertQpdfAccepts(byte[] pdf, string name)
    {
        var path = Save(pdf, name);
        var (exitCode, output) = RunTool("qpdf", "qpdf", "--check", path);
        Assert.True(exitCode == 0, $"qpdf --check {name} exited with {exitCode}:\n{output}");
    }

    /// <summary>A minimal RGB PNG (stored with zlib), so tests need no imaging library.</summary>
    public static byte[] Png(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                raw.Write([r, g, b]);
            }
        }
        var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(raw.ToArray());

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
