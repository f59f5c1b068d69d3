using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Web.Data.Entities;

namespace Vigie.Tests.Infrastructure;

/// <summary>Creating team members in a test database and browsing as them.</summary>
public static class TeamMembers
{
    public const string Password = "mot-de-passe-de-test-42";

    public static async Task<User> CreateAsync(this VigieFactory factory, string email, string? role, string? displayName = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, DisplayName = displayName ?? email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
        }
        return user;
    }

    /// <summary>The text of the emails the app "sent" to an address, oldest first.</summary>
    public static IReadOnlyList<string> MailsTo(this VigieFactory factory, string address) =>
        !Directory.Exists(factory.MailDirectory) ? [] : [.. new DirectoryInfo(factory.MailDirectory).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc)
            .Select(f => MimeKit.MimeMessage.Load(f.FullName))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == address))
            .Select(m => m.TextBody ?? "")];

    /// <summary>The path of the confirmation link in the last invitation mail sent to the address.</summary>
    public static string ConfirmationPath(this VigieFactory factory, string address)
    {
        var link = System.Text.RegularExpressions.Regex.Match(factory.MailsTo(address).LastOrDefault() ?? "", @"https?://\S+/invitation/\S+/confirmer\?code=\S+").Value;
        Assert.False(string.IsNullOrEmpty(link), $"no confirmation link mailed to {address}");
        return new Uri(link).PathAndQuery;
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient CreateCookieClient(this VigieFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInClientAsync(this VigieFactory factory, string email, string password = Password)
    {
        var client = factory.CreateCookieClient();
        using var response = await client.PostFormAsync("/connexion", "/connexion", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/>, takes its antiforgery token, and POSTs the fields to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync(client, formPage);
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__jeton", token)));
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name='__jeton']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {page} ({(int)response.StatusCode})");
        return token!;
    }
}
