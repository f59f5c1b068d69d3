using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigie.Tests.Infrastructure;

/// <summary>A clock that stands still where the test puts it, forwards or backwards. Timers still run on real time.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}

/// <summary>The app with a clock the test moves: "today" for the deadline engine, the reminder job and sign-in cookies.</summary>
public class ClockedFactory : VigieFactory
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public ClockedFactory() => Clock = new TestClock(Start);

    public TestClock Clock { get; }

    /// <summary>Where the clock starts: 10:00 in Paris on 10 September 2019.</summary>
    protected virtual DateTimeOffset Start => At(new DateOnly(2019, 9, 10));

    /// <summary>10:00 in Paris on that day.</summary>
    public static DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(10, 0));
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Moves "today"; sign-in cookies issued at another time may have expired, so sign in again after a jump.</summary>
    public void SetToday(DateOnly day) => Clock.Set(At(day));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
