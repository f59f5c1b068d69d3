using Vigie.Pdf;

namespace Vigie.Web.Infrastructure;

public static class Fonts
{
    /// <summary>
    /// Loads the DejaVu fonts for PDFs. On a development machine (no connection string: the embedded
    /// database is used) missing fonts are installed through apt, like PostgreSQL.
    /// </summary>
    public static void EnsurePdfFonts(string? folder, string? connectionString)
    {
        try
        {
            PdfFonts.EnsureFonts(folder);
        }
        catch (FontsMissingException) when (string.IsNullOrWhiteSpace(connectionString) && folder is null)
        {
            Console.WriteLine("Polices DejaVu absentes : installation du paquet Debian 'fonts-dejavu-core' (apt-get)…");
            DebianPackages.TryInstall("fonts-dejavu-core", "fonts-dejavu-extra");
            PdfFonts.EnsureFonts(folder);
        }
    }
}
