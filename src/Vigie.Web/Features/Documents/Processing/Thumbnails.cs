using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using SkiaSharp;

namespace Vigie.Web.Features.Documents.Processing;

/// <summary>
/// Small PNG pictures of pages: PDF pages rendered by poppler's pdftoppm, run as a separate process that is killed
/// when the time budget runs out (a hostile PDF can at worst waste that process's time); PNG and JPEG images scaled
/// down with SkiaSharp, after checking their size so that a decompression bomb is never decoded.
/// </summary>
public static class Thumbnails
{
    public const int Width = 320;
    private const long MaxImagePixels = 150_000_000;

    /// <summary>Thumbnails of the first pages, as (page number, PNG file) in <paramref name="folder"/>.</summary>
    public static async Task<IReadOnlyList<(int Page, string File)>> PdfAsync(string pdftoppm, string pdf, int pages, string folder,
        ILogger logger, CancellationToken cancellationToken)
    {
        var prefix = Path.Combine(folder, "page");
        var start = new ProcessStartInfo(pdftoppm)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-q", "-png", "-f", "1", "-l", pages.ToString(CultureInfo.InvariantCulture), "-scale-to-x", Width.ToString(CultureInfo.InvariantCulture), "-scale-to-y", "-1", pdf, prefix })
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception e)
        {
            logger.LogWarning("pdftoppm introuvable ({Path}) : pas de vignettes ({Message}). Installez poppler-utils.", pdftoppm, e.Message);
            return [];
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0)
            {
                logger.LogWarning("pdftoppm a échoué ({Code}) : {Errors}", process.ExitCode, (await errors).Trim());
            }
        }
        // pdftoppm numbers its files page-1.png or page-01.png… depending on the page count.
        return Directory.EnumerateFiles(folder, "page-*.png")
            .Select(f => (Page: int.Parse(Path.GetFileNameWithoutExtension(f)["page-".Length..], CultureInfo.InvariantCulture), File: f))
            .OrderBy(t => t.Page)
            .ToList();
    }

    /// <summary>A thumbnail of a PNG or JPEG image; throws <see cref="ProcessingFailure"/> when it cannot be read.</summary>
    public static string Image(string path, string folder)
    {
        using var input = File.OpenRead(path);
        using var codec = SKCodec.Create(input) ?? throw new ProcessingFailure("L'image est endommagée ou illisible.");
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxImagePixels)
        {
            throw new ProcessingFailure($"L'image est trop grande ({info.Width} × {info.Height} pixels) pour en faire un aperçu.");
        }
        using var bitmap = SKBitmap.Decode(codec) ?? throw new ProcessingFailure("L'image est endommagée ou illisible.");
        var width = Math.Min(Width, bitmap.Width);
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * (double)width / bitmap.Width));
        using var scaled = bitmap.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new ProcessingFailure("L'image n'a pas pu être réduite.");
        using var image = SKImage.FromBitmap(scaled);
        using var png = image.Encode(SKEncodedImageFormat.Png, 90);
        var output = Path.Combine(folder, "page-1.png");
        using (var file = File.Create(output))
        {
            png.SaveTo(file);
        }
        return output;
    }
}
