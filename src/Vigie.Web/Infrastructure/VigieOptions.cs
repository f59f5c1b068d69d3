namespace Vigie.Web.Infrastructure;

/// <summary>The "Vigie" configuration section. Every path may be relative to the repository or the app.</summary>
public sealed class VigieOptions
{
    public const string Section = "Vigie";

    /// <summary>Where the embedded PostgreSQL and other local data live. Default: .data at the repository root.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The seeds folder. Default: seeds/ copied beside the app at build time.</summary>
    public string? SeedsDirectory { get; set; }

    public bool MigrateOnStartup { get; set; } = true;

    public bool SeedOnStartup { get; set; } = true;

    /// <summary>Serve anonymous public pages from the output cache (off only to measure rendering).</summary>
    public bool CachePublicPages { get; set; } = true;

    /// <summary>
    /// The public address of the site (https://vigie.example.org), for the links in emails, case file PDFs, exports and
    /// feeds. Required in Production; elsewhere, when empty, links follow the address each request came to.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto are believed: IP addresses or CIDR networks. None by default.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Why the site cannot serve with this <see cref="PublicUrl"/>, in French; null when it can.</summary>
    public string? PublicUrlProblem(bool production)
    {
        if (string.IsNullOrWhiteSpace(PublicUrl))
        {
            return production
                ? "le réglage Vigie:PublicUrl est vide. En production, indiquez l'adresse publique du site (par exemple la variable d'environnement " +
                  "Vigie__PublicUrl=https://vigie.example.org) : elle sert aux liens des courriels, des dossiers PDF et des exports."
                : null;
        }
        return Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)
            ? null
            : $"le réglage Vigie:PublicUrl « {PublicUrl} » n'est pas une adresse http:// ou https:// complète (par exemple https://vigie.example.org).";
    }

    public string ResolveSeedsDirectory() =>
        SeedsDirectory ?? Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>.data beside the repository's Directory.Build.props when run from a checkout, else beside the app.</summary>
    public string ResolveDataDirectory(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            return Path.GetFullPath(DataDirectory, contentRoot);
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return Path.Combine(dir.FullName, ".data");
            }
        }
        return Path.Combine(contentRoot, ".data");
    }
}
