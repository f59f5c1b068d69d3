using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Security;

public sealed class AntiforgeryTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    /// <summary>Every POST endpoint, sample path from the authorization matrix.</summary>
    private static IEnumerable<string> PostSamples(IServiceProvider services)
    {
        var posts = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.NotEmpty(posts);
        foreach (var route in posts)
        {
            var row = AuthorizationMatrixTests.Matrix.SingleOrDefault(r => r.Method == "POST" && r.Route.TrimStart('/') == route!.TrimStart('/'));
            Assert.True(row is not null, $"POST {route} is not in the authorization matrix");
            // Any id will do: the request must be refused before the action looks it up.
            yield return System.Text.RegularExpressions.Regex.Replace(row.Sample, "\\{[A-Za-z]+\\}", "1");
        }
    }

    [Fact]
    public async Task Every_post_endpoint_refuses_a_request_without_antiforgery_token()
    {
        await factory.CreateAsync("af-admin@example.org", Roles.Admin);
        using var admin = await factory.SignedInClientAsync("af-admin@example.org");
        var accepted = new List<string>();
        foreach (var path in PostSamples(factory.Services))
        {
            using var response = await admin.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{path} → {(int)response.StatusCode}");
            }
        }
        Assert.True(accepted.Count == 0, "POST without antiforgery token not refused: " + string.Join(", ", accepted));
    }
}
