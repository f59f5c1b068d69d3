using Microsoft.Extensions.Options;
using Vigie.Web.Features.Documents.Processing;
using Vigie.Web.Features.Documents.Storage;
using Vigie.Web.Features.Documents.Upload;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Documents;

/// <summary>Local folders of the documents feature: the disk store and this instance's temporary files.</summary>
public sealed record DocumentFolders(string Store, string Temporary);

public static class DocumentsSetup
{
    public static void AddVigieDocuments(this WebApplicationBuilder builder, VigieOptions vigie)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(DocumentOptions.Section);
        services.Configure<DocumentOptions>(section);
        var settings = section.Get<DocumentOptions>() ?? new DocumentOptions();
        var data = vigie.ResolveDataDirectory(builder.Environment.ContentRootPath);
        var folders = new DocumentFolders(
            settings.Directory is { Length: > 0 } directory ? Path.GetFullPath(directory, builder.Environment.ContentRootPath) : Path.Combine(data, "documents"),
            Path.Combine(data, "tmp"));
        services.AddSingleton(folders);

        if (settings.Store.Equals("S3", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton(_ => S3DocumentStore.CreateClient(settings.S3));
            services.AddSingleton<IDocumentStore>(sp => new S3DocumentStore(sp.GetRequiredService<Amazon.S3.IAmazonS3>(), settings.S3));
        }
        else if (settings.Store.Equals("Disk", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IDocumentStore>(_ => new DiskDocumentStore(folders.Store));
        }
        else
        {
            throw new OptionsValidationException(DocumentOptions.Section, typeof(DocumentOptions),
                [$"Vigie:Documents:Store « {settings.Store} » inconnu : Disk ou S3."]);
        }

        // Installed on demand only where the embedded database is (a development machine), like PostgreSQL and the fonts.
        var embedded = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(Infrastructure.Database.DatabaseSetup.ConnectionStringName));
        services.AddSingleton(sp => new Pdftoppm(sp.GetRequiredService<IOptions<DocumentOptions>>(), sp.GetRequiredService<ILogger<Pdftoppm>>(), embedded));
        services.AddHostedService<PdftoppmCheck>();
        services.AddSingleton<ProcessingSignal>();
        services.AddScoped<DocumentUploader>();
        services.AddScoped<DocumentProcessor>();
        services.AddScoped<ProcessingQueue>();
        services.AddScoped<StoreCleanup>();
        if (settings.ProcessInBackground)
        {
            services.AddHostedService<ProcessingWorker>();
        }
        services.AddHostedService<StoreCleanupService>();
    }

    /// <summary>Creates the S3 bucket when asked to (development with MinIO).</summary>
    public static async Task PrepareDocumentStoreAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<DocumentOptions>>().Value;
        if (app.Services.GetRequiredService<IDocumentStore>() is S3DocumentStore s3 && settings.S3.CreateBucket)
        {
            await s3.EnsureBucketAsync(CancellationToken.None);
        }
    }
}
