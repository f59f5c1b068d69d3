using Microsoft.Extensions.Options;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Documents.Processing;

/// <summary>
/// Poppler's pdftoppm, which draws the PDF thumbnails, looked for once. On a development machine (embedded database,
/// default setting) a missing pdftoppm is installed through apt, like PostgreSQL; when it cannot be, the log says so
/// once, PDFs are processed without thumbnails, and their pages explain why there is no preview.
/// </summary>
public sealed class Pdftoppm
{
    private readonly Lazy<string?> _path;

    public Pdftoppm(IOptions<DocumentOptions> options, ILogger<Pdftoppm> logger, bool installIfMissing = false) =>
        _path = new Lazy<string?>(() => Resolve(options.Value.PdftoppmPath, installIfMissing, logger));

    /// <summary>The program to run, or null when there is none.</summary>
    public string? Path => _path.Value;

    public bool IsAvailable => Path is not null;

    private static string? Resolve(string configured, bool installIfMissing, ILogger logger)
    {
        var found = Find(configured);
        if (found is null && installIfMissing && configured == new DocumentOptions().PdftoppmPath)
        {
            logger.LogInformation("pdftoppm est absent : installation du paquet Debian 'poppler-utils' (apt-get)…");
            DebianPackages.TryInstall("poppler-utils");
            found = Find(configured);
        }
        if (found is null)
        {
            logger.LogWarning("Aperçus des PDF désactivés : l'outil pdftoppm (paquet poppler-utils) est introuvable ({Path}). " +
                "Installez poppler-utils puis redémarrez Vigie ; les PDF reçus entre-temps n'auront pas d'aperçu.", configured);
        }
        return found;
    }

    /// <summary>A path as configured, or a bare name looked up in PATH.</summary>
    private static string? Find(string program)
    {
        if (program.Contains(System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program) ? program : null;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>Looks for pdftoppm when the site starts, so that a missing one is reported at once rather than at the first upload.</summary>
internal sealed class PdftoppmCheck(Pdftoppm pdftoppm) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = pdftoppm.IsAvailable;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
