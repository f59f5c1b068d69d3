using Microsoft.Extensions.Options;

namespace Vigie.Web.Features.Documents.Processing;

/// <summary>Runs the processing queue in the background: at once when an upload signals work, else every poll interval.</summary>
public sealed class ProcessingWorker(IServiceScopeFactory scopes, ProcessingSignal signal, IOptions<DocumentOptions> options,
    DocumentFolders folders, ILogger<ProcessingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the app finish starting (and the tests create their data) before the first look.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                worked = await scope.ServiceProvider.GetRequiredService<ProcessingQueue>().RunNextAsync(folders.Temporary, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "File d'attente des documents : erreur, nouvel essai dans un moment");
                worked = false;
            }
            if (!worked)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
