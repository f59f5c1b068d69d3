using Microsoft.Playwright;

namespace Vigie.Tests.Browser;

/// <summary>
/// One headless Chromium for every browser test of the run: the collection fixture of <see cref="BrowserCollection"/>,
/// launched before the first browser test and closed after the last. Playwright drives the system Chromium through
/// the Node driver shipped in the Microsoft.Playwright package (copied to bin/.playwright); nothing is downloaded,
/// and <c>playwright install</c> is never needed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The network-related switches keep Chromium from calling home (updates, sync, QUIC probes): this machine has no
    // network beyond 127.0.0.1, and those attempts only slow every launch down.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        // A missing browser fails every browser test (it never skips them): tests/run.sh installs the package.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: the browser tests need it. Install it with `apt-get install chromium` (tests/run.sh does).");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        // The machine may be busy with another build: allow more than Playwright's 5 s for expect-style assertions.
        Assertions.SetDefaultExpectTimeout(45_000);
    }

    /// <summary>A new, isolated context (own cookies, storage and cache) with its base URL set to the app.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl, Viewport viewport, bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>Every browser test class joins this collection, which holds the one shared browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
