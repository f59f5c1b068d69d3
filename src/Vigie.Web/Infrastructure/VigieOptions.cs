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

    /// <summary>The public address of the site, used in exports and feeds.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5000";

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto are believed: IP addresses or CIDR networks. None by default.</summary>
    public string[] TrustedProxies { get; set; } = [];

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
