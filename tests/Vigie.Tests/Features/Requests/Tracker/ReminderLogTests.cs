using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Requests.Reminders;

namespace Vigie.Tests.Features.Requests.Tracker;

public sealed class ReminderLogTests(ReminderLogTests.LoggedFactory factory) : IClassFixture<ReminderLogTests.LoggedFactory>
{
    public sealed class LoggedFactory : ClockedFactory
    {
        public LogCapture Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
        }
    }

    [Fact]
    public async Task The_daily_run_is_logged_with_a_french_date()
    {
        factory.SetToday(new DateOnly(2026, 12, 4));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderDigests>().RunAsync(default);
        }
        var line = Assert.Single(factory.Log.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Rappels du ", StringComparison.Ordinal));
        Assert.StartsWith("Rappels du 4 décembre 2026 :", line.Message, StringComparison.Ordinal);
    }
}
