using Vigie.Web.Features.Documents.Processing;
using Vigie.Web.Features.Documents.Storage;

namespace Vigie.Web.Features.Documents;

/// <summary>
/// <c>documents cleanup</c>: removes orphaned files and abandoned temporary files now.
/// <c>documents process</c>: runs the processing queue until it is empty (when no instance runs it in the background).
/// </summary>
public static class DocumentsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        switch (args.ElementAtOrDefault(1))
        {
            case "cleanup":
                {
                    var report = await scope.ServiceProvider.GetRequiredService<StoreCleanup>().RunAsync(CancellationToken.None);
                    output.WriteLine($"{report.Orphans} fichiers orphelins supprimés, {report.AbandonedWrites} écritures interrompues, " +
                        $"{report.TemporaryFiles} fichiers temporaires, {report.ExpiredHolds} fichiers en attente expirés.");
                    return 0;
                }
            case "process":
                {
                    var folders = scope.ServiceProvider.GetRequiredService<DocumentFolders>();
                    var count = 0;
                    while (await scope.ServiceProvider.GetRequiredService<ProcessingQueue>().RunNextAsync(folders.Temporary, CancellationToken.None))
                    {
                        count++;
                    }
                    output.WriteLine($"{count} fichiers traités.");
                    return 0;
                }
            default:
                output.WriteLine("Usage : documents cleanup | documents process");
                return 2;
        }
    }
}
