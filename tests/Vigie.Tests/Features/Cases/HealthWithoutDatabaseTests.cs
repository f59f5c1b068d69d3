using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigie.Tests.Features.Cases;

/// <summary>The app pointed at a port where no database listens.</summary>
public sealed class UnreachableDatabaseFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Vigie", "Host=127.0.0.1;Port=9;Username=x;Password=x;Database=x;Timeout=2");
        builder.UseSetting("Vigie:MigrateOnStartup", "false");
        builder.UseSetting("Vigie:SeedOnStartup", "false");
    }
}

public sealed class HealthWithoutDatabaseTests(UnreachableDatabaseFactory factory) : IClassFixture<UnreachableDatabaseFactory>
{
    [Fact]
    public async Task Health_check_answers_503_when_the_database_is_unreachable()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Pages_answer_a_french_503_page_when_the_database_is_unreachable()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/dossiers/elancourt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Service momentanément indisponible", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }
}
