using Microsoft.Extensions.Options;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Requests.Reminders;

/// <summary>Wakes up every <see cref="ReminderOptions.CheckEveryMinutes"/> minutes and runs the daily digests once the hour has come.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            if (clock.NowInParis().Hour >= options.Value.SendAfterHour)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ReminderDigests>().RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Le passage quotidien des rappels a échoué ; nouvel essai au prochain passage");
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckEveryMinutes)), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
