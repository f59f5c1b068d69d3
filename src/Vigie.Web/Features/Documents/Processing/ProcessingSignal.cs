namespace Vigie.Web.Features.Documents.Processing;

/// <summary>Wakes this instance's worker when an upload committed new work (other instances find it by polling).</summary>
public sealed class ProcessingSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
