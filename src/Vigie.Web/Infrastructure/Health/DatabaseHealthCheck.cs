using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vigie.Web.Data;

namespace Vigie.Web.Infrastructure.Health;

/// <summary>Healthy when the database answers a query within two seconds.</summary>
public sealed class DatabaseHealthCheck(VigieDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            return await db.Database.CanConnectAsync(timeout.Token)
                ? HealthCheckResult.Healthy("Base de données joignable.")
                : HealthCheckResult.Unhealthy("Base de données injoignable.");
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Base de données injoignable (délai dépassé).");
        }
    }
}

public static class HealthEndpoint
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "ok" : "indisponible : base de données injoignable");
        },
    };
}
