using PdfSharp.Drawing;

namespace Vigie.Pdf.Tests;

public class FontTests
{
    static readonly string[] CoreFiles =
        ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"];

    [Fact]
    public void Missing_fonts_fail_at_start_up_with_the_files_and_the_package_to_install()
    {
        var folder = Directory.CreateTempSubdirectory("vigie-fonts-").FullName;
        File.Copy(Path.Combine(PdfFonts.DefaultFolder, "DejaVuSans.ttf"), Path.Combine(folder, "DejaVuSans.ttf"));

        var error = Assert.Throws<FontsMissingException>(() => DejaVuFontResolver.Load(folder));

        Assert.Contains("DejaVuSans-Bold.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains("DejaVuSansMono.ttf", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DejaVuSans.ttf,", error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_font_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("vigie-fonts-").FullName;
        foreach (var file in CoreFiles)
            File.WriteAllText(Path.Combine(folder, file), "not a font");

        Assert.Throws<FontsMissingException>(() => DejaVuFontResolver.Load(folder));
    }

    [Fact]
    public void Without_the_oblique_faces_italic_is_simulated()
    {
        var folder = Directory.CreateTempSubdirectory("vigie-fonts-").FullName;
        foreach (var file in CoreFiles)
            File.Copy(Path.Combine(PdfFonts.DefaultFolder, file), Path.Combine(folder, file));

        var resolver = DejaVuFontResolver.Load(folder);

        var italic = resolver.ResolveTypeface("DejaVu Serif", isBold: true, isItalic: true)!;
        Assert.Equal("Serif-Bold", italic.FaceName);
        Assert.Equal(XStyleSimulations.ItalicSimulation, italic.StyleSimulations);
        Assert.Equal("Sans", resolver.ResolveTypeface("Arial", false, false)!.FaceName);
        Assert.NotNull(resolver.GetFont("Mono-Bold"));
    }

    [Fact]
    public void EnsureFonts_is_idempotent_across_threads_and_refuses_another_folder()
    {
        Parallel.For(0, 16, _ => PdfFonts.EnsureFonts());
        PdfFonts.EnsureFonts(PdfFonts.DefaultFolder + "/");

        Assert.Equal(PdfFonts.DefaultFolder, PdfFonts.LoadedFolder);
        var error = Assert.Throws<InvalidOperationException>(() => PdfFonts.EnsureFonts("/tmp"));
        Assert.Contains(PdfFonts.DefaultFolder, error.Message, StringComparison.Ordinal);
    }
}
