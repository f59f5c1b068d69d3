using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Vigie.Tests.Browser;

/// <summary>
/// Base of a browser test class: the shared browser, the class's Kestrel app, a fresh browser context per page
/// (closed after each test) and screenshots. A derived class adds <c>[Collection(BrowserCollection.Name)]</c>.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserAppFactory App => app;

    /// <summary>Where screenshots go: bin/&lt;configuration&gt;/net10.0/artifacts/screenshots.</summary>
    public static string ScreenshotsDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>A blank page in a new context of its own (no cookies shared with other pages); relative URLs go to the app.</summary>
    protected async Task<IPage> OpenPageAsync(Viewport? viewport = null, bool javaScriptEnabled = true)
    {
        var context = await browser.NewContextAsync(app.BaseUrl, viewport ?? Viewport.Desktop, javaScriptEnabled);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Saves the whole page as artifacts/screenshots/&lt;name&gt;-&lt;width&gt;.png (name: the calling test by default).</summary>
    protected static async Task<string> ScreenshotAsync(IPage page, [CallerMemberName] string name = "")
    {
        Directory.CreateDirectory(ScreenshotsDirectory);
        var path = Path.Combine(ScreenshotsDirectory, $"{name}-{page.ViewportSize?.Width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
