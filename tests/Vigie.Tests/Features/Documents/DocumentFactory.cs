using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Documents.Storage;

namespace Vigie.Tests.Features.Documents;

/// <summary>The app with a quick processing queue, a small upload limit, and a switch that makes the next commit fail.</summary>
public class DocumentFactory : VigieFactory
{
    public const long MaxUploadBytes = 256 * 1024;

    public CrashAtCommit Crash { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Vigie:Documents:PollInterval", "00:00:00.200");
        builder.UseSetting("Vigie:Documents:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Vigie:Documents:CleanupInterval", "00:00:00");
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Crash));
    }

    public DiskDocumentStore Store => new(StoreDirectory);

    public string TemporaryDirectory => Path.Combine(DataDirectory, "tmp");

    public async Task<List<string>> StoredHashesAsync()
    {
        var hashes = new List<string>();
        await foreach (var blob in Store.ListAsync(default))
        {
            hashes.Add(blob.Hash.Value);
        }
        return hashes;
    }
}

/// <summary>The same app served by Kestrel on a free local port, for what only a real server does (body size limits, chunked bodies).</summary>
public sealed class KestrelDocumentFactory : DocumentFactory
{
    public KestrelDocumentFactory() => UseKestrel(0);

    public Uri BaseAddress { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }
}

/// <summary>While armed, a transaction commit throws, as if the process died between writing the file and committing.</summary>
public sealed class CrashAtCommit : DbTransactionInterceptor
{
    public volatile bool Armed;

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(System.Data.Common.DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Armed)
        {
            throw new IOException("Panne simulée entre l'écriture du fichier et la validation de la transaction.");
        }
        return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
    }
}
