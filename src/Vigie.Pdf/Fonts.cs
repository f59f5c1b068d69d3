using System.Collections.Frozen;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Vigie.Pdf;

/// <summary>Thrown at start-up when the DejaVu font files cannot be used.</summary>
public sealed class FontsMissingException(string message) : InvalidOperationException(message);

/// <summary>
/// Installs the DejaVu fonts into PDFsharp. PDFsharp's font resolver is process-wide and can be set
/// only once, before the first font is used, so installation happens once under a lock and every
/// later call only checks that the same folder is asked for.
/// </summary>
public static class PdfFonts
{
    public const string DefaultFolder = "/usr/share/fonts/truetype/dejavu";

    static readonly Lock Gate = new();
    static DejaVuFontResolver? _installed;

    /// <summary>The folder the fonts were loaded from, or null before <see cref="EnsureFonts"/>.</summary>
    public static string? LoadedFolder => _installed?.Folder;

    /// <summary>
    /// Loads the DejaVu fonts from <paramref name="folder"/> (default: Debian's fonts-dejavu-core folder)
    /// and registers them with PDFsharp. Call it at application start-up: it throws
    /// <see cref="FontsMissingException"/> with the list of missing files rather than producing broken PDFs later.
    /// </summary>
    public static void EnsureFonts(string? folder = null)
    {
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder ?? DefaultFolder));
        var installed = Volatile.Read(ref _installed);
        if (installed is not null)
        {
            ThrowIfOtherFolder(installed, folder);
            return;
        }

        lock (Gate)
        {
            if (_installed is not null)
            {
                ThrowIfOtherFolder(_installed, folder);
                return;
            }

            var resolver = DejaVuFontResolver.Load(folder);
            if (GlobalFontSettings.FontResolver is { } other && other is not DejaVuFontResolver)
                throw new InvalidOperationException(
                    $"PDFsharp already has a font resolver ({other.GetType().Name}); Vigie.Pdf needs its own DejaVu resolver.");
            GlobalFontSettings.FontResolver = resolver;
            Volatile.Write(ref _installed, resolver);
        }
    }

    static void ThrowIfOtherFolder(DejaVuFontResolver installed, string folder)
    {
        if (!string.Equals(installed.Folder, folder, StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"The PDF fonts are already loaded from '{installed.Folder}'; PDFsharp cannot switch to '{folder}' in the same process.");
    }
}

/// <summary>Serves the DejaVu faces from memory; every file is read once, at installation.</summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    // Face name → file. Oblique faces come from fonts-dejavu-extra; without them italic is simulated.
    static readonly (string Face, string File, bool Required)[] Files =
    [
        ("Sans", "DejaVuSans.ttf", true),
        ("Sans-Bold", "DejaVuSans-Bold.ttf", true),
        ("Sans-Italic", "DejaVuSans-Oblique.ttf", false),
        ("Sans-BoldItalic", "DejaVuSans-BoldOblique.ttf", false),
        ("Serif", "DejaVuSerif.ttf", true),
        ("Serif-Bold", "DejaVuSerif-Bold.ttf", true),
        ("Serif-Italic", "DejaVuSerif-Italic.ttf", false),
        ("Serif-BoldItalic", "DejaVuSerif-BoldItalic.ttf", false),
        ("Mono", "DejaVuSansMono.ttf", true),
        ("Mono-Bold", "DejaVuSansMono-Bold.ttf", true),
        ("Mono-Italic", "DejaVuSansMono-Oblique.ttf", false),
        ("Mono-BoldItalic", "DejaVuSansMono-BoldOblique.ttf", false),
    ];

    readonly FrozenDictionary<string, byte[]> _faces;

    DejaVuFontResolver(string folder, FrozenDictionary<string, byte[]> faces) => (Folder, _faces) = (folder, faces);

    public string Folder { get; }

    public static DejaVuFontResolver Load(string folder)
    {
        var faces = new Dictionary<string, byte[]>();
        var missing = new List<string>();
        foreach (var (face, file, required) in Files)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                if (required)
                    missing.Add(file);
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            if (!IsTrueType(bytes))
                throw new FontsMissingException($"'{path}' is not a TrueType font file.");
            faces[face] = bytes;
        }

        if (missing.Count > 0)
            throw new FontsMissingException(
                $"DejaVu fonts missing in '{folder}': {string.Join(", ", missing)}. " +
                "Install the Debian package fonts-dejavu-core (and fonts-dejavu-extra for true italics), " +
                "or point PdfFonts.EnsureFonts to a folder holding these files.");
        return new DejaVuFontResolver(folder, faces.ToFrozenDictionary());
    }

    static bool IsTrueType(byte[] b) =>
        b.Length > 12 && ((b[0] == 0 && b[1] == 1 && b[2] == 0 && b[3] == 0) || (b[0] == 't' && b[1] == 'r' && b[2] == 'u' && b[3] == 'e'));

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        var family = familyName.Trim().ToUpperInvariant() switch
        {
            "DEJAVU SERIF" => "Serif",
            "DEJAVU SANS MONO" => "Mono",
            _ => "Sans", // Unknown families fall back to the body face instead of failing the whole document.
        };
        var face = family + (isBold, isItalic) switch
        {
            (true, true) => "-BoldItalic",
            (true, false) => "-Bold",
            (false, true) => "-Italic",
            _ => "",
        };
        if (_faces.ContainsKey(face))
            return new FontResolverInfo(face);

        var upright = isBold ? family + "-Bold" : family;
        return new FontResolverInfo(upright, isItalic ? XStyleSimulations.ItalicSimulation : XStyleSimulations.None);
    }

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var bytes) ? bytes : null;
}
