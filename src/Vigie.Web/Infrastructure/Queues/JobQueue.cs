using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Vigie.Web.Infrastructure.Queues;

/// <summary>
/// Wakes a job worker of this instance when a job is queued (other instances find it by polling), and lets callers
/// (tests) await a job's end. One subclass per queue, so that each worker gets its own from the container.
/// </summary>
public abstract class JobSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _finished = new();

    public void Wake() => _wake.Writer.TryWrite(true);

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _wake.Reader.WaitToReadAsync(cancellationToken);

    public void Drain()
    {
        while (_wake.Reader.TryRead(out _))
        {
        }
    }

    public Task WhenFinished(Guid id) => _finished.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Finished(Guid id) => _finished.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>The loop of a worker whose queue is a PostgreSQL table (the export and campaign jobs).</summary>
public static class JobQueueLoop
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs jobs until none is left (then <paramref name="afterEach"/>), and waits to be woken, or 30 seconds in case
    /// another instance queued one; after an error, logs it and tries again 30 seconds later.
    /// </summary>
    public static async Task RunAsync(JobSignal signal, Func<CancellationToken, Task<bool>> runNext, Func<CancellationToken, Task>? afterEach,
        string queueName, TimeProvider clock, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                signal.Drain();
                while (await runNext(stoppingToken))
                {
                }
                if (afterEach is not null)
                {
                    await afterEach(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "File d'attente {Queue} : erreur, nouvel essai dans 30 secondes", queueName);
                await Task.Delay(Poll, clock, stoppingToken);
                continue;
            }
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(Poll);
            try
            {
                await signal.WaitAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }
}
