using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Security.Canary;

/// <summary>
/// The app the canary test reads: one database where worlds accumulate, a volunteer who owns nothing (signed in once),
/// and the seeded communes worlds are placed in.
/// </summary>
public sealed class CanaryFactory : VigieFactory, IAsyncLifetime
{
    private int _worlds;

    public Canaries Canaries { get; } = new();

    public IReadOnlyList<CommuneRef> Communes { get; private set; } = [];

    /// <summary>A volunteer with no request, document or case of their own: sees the team's things, never another's private ones.</summary>
    public HttpClient Nobody { get; private set; } = null!;

    public int NextWorld() => Interlocked.Increment(ref _worlds);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using (var db = CreateDbContext())
        {
            // Spread over France: one commune in ninety of the seeds.
            Communes = await db.PublicBodies.AsNoTracking()
                .Where(b => b.Kind == PublicBodyKind.Commune && b.MunicipalityId != null && b.Id % 90 == 0)
                .OrderBy(b => b.Id)
                .Select(b => new CommuneRef(b.MunicipalityId!.Value, b.Id, b.Municipality!.InseeCode, b.Municipality.DepartmentCode))
                .ToListAsync();
        }
        Assert.True(Communes.Count > 50, $"only {Communes.Count} seeded communes to place worlds in");
        await this.CreateAsync("personne@example.org", Roles.Volunteer, "Bénévole sans rien");
        Nobody = await this.SignedInClientAsync("personne@example.org");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, DistinctClients>());
    }

    /// <summary>
    /// Each request from its own address: the bulk export allows 10 a minute per address, and the test asks for one
    /// per world. Nothing else the test reads depends on the address.
    /// </summary>
    private sealed class DistinctClients : IStartupFilter
    {
        private static int _next;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                var n = Interlocked.Increment(ref _next);
                context.Connection.RemoteIpAddress = new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
                return following(context);
            });
            next(app);
        };
    }
}
