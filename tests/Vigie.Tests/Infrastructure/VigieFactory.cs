using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigie.Web.Data;
using Vigie.Web.Infrastructure;

namespace Vigie.Tests.Infrastructure;

/// <summary>The app on its own copy of the seeded template database. One per test class.</summary>
public class VigieFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public SqlCounter Sql { get; } = new();

    /// <summary>Emails "sent" by the app are written here (.eml files).</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), $"vigie-mail-{Guid.NewGuid():N}");

    /// <summary>The app's data folder (document store, temporary files), its own, removed with the factory.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"vigie-data-{Guid.NewGuid():N}");

    public string StoreDirectory => Path.Combine(DataDirectory, "documents");

    /// <summary>High by default so that tests signing in many times are not throttled.</summary>
    protected virtual int AuthRequestsPerMinute => 10_000;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateDatabaseAsync(GetType().Name);
        TestDatabase.CopyDirectory(await TestDatabase.SeedStoreAsync(), StoreDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Vigie", ConnectionString);
        builder.UseSetting("Vigie:MigrateOnStartup", "false");
        builder.UseSetting("Vigie:SeedOnStartup", "false");
        builder.UseSetting("Vigie:Accounts:AuthRequestsPerMinute", AuthRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Vigie:Api:RequestsPerMinute", "100000");
        builder.UseSetting("Vigie:Api:DownloadsPerMinute", "100000");
        builder.UseSetting("Vigie:Email:PickupDirectory", MailDirectory);
        // The daily reminder job is run by hand in the tests that need it.
        builder.UseSetting("Vigie:Reminders:Enabled", "false");
        builder.UseSetting("Vigie:DataDirectory", DataDirectory);
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Sql);
            logging.AddFilter<SqlCounter>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
        });
    }

    public VigieDbContext CreateDbContext() => TestDatabase.CreateContext(ConnectionString);

    /// <summary>Empties the output cache, so a page reflects data a test wrote directly to the database.</summary>
    public async Task EvictCacheAsync()
    {
        var store = Services.GetRequiredService<IOutputCacheStore>();
        await store.EvictByTagAsync(CachePolicies.Public, default);
    }

    public HttpClient CreateBrowserlessClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        using var client = CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropDatabaseAsync(ConnectionString);
        TestDatabase.DeleteQuietly(DataDirectory);
    }
}

/// <summary>Counts the SQL commands EF Core executes (its "Executed DbCommand" log events).</summary>
public sealed class SqlCounter : ILoggerProvider
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? new Counter(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Counter(SqlCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 20101)
            {
                Interlocked.Increment(ref owner._count);
            }
        }
    }
}
