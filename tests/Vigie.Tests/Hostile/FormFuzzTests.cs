using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Security;
using Persona = Vigie.Tests.Security.AuthorizationMatrixTests.Persona;

namespace Vigie.Tests.Hostile;

/// <summary>
/// Form posts carrying a NUL (which PostgreSQL refuses in any text) in every field: never a 5xx, a French answer, and
/// for the forms people type in, the field's error next to it with the rest of the input kept.
/// </summary>
public sealed class FormFuzzTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    private static readonly Dictionary<Persona, string> Emails = new()
    {
        [Persona.Volunteer] = "matrice-benevole@example.org",
        [Persona.Editor] = "matrice-editeur@example.org",
        [Persona.Admin] = "matrice-admin@example.org",
    };

    /// <summary>Posts that would end the session the next ones need.</summary>
    private static readonly HashSet<string> Skipped = ["/deconnexion"];

    private static readonly HashSet<string> TextInputs = ["text", "search", "email", "url", "tel", "number", "date", "hidden", "password"];

    [Fact]
    public async Task Every_form_posted_with_a_nul_in_each_field_gets_a_French_answer_never_a_5xx()
    {
        var clients = new Dictionary<Persona, HttpClient>();
        foreach (var (persona, email) in Emails)
        {
            clients[persona] = await fixture.SignedInClientAsync(email);
        }
        var failures = new List<string>();
        var posted = 0;
        foreach (var row in AuthorizationMatrixTests.Matrix.Where(r => r.Method == "POST"))
        {
            var persona = Emails.Keys.FirstOrDefault(p => row.Expected(p) is not ("login" or "denied" or "404"));
            var path = fixture.Fill(row.Sample);
            if (persona == default || Skipped.Contains(path))
            {
                continue;
            }
            var client = clients[persona];
            var fields = await FieldsAsync(client, path);
            foreach (var multipart in new[] { false, true })
            {
                using var response = await PostAsync(client, path, fields, multipart);
                posted++;
                if (await QueryFuzzTests.ProblemAsync(response) is { } problem)
                {
                    failures.Add($"{persona} POST {path} ({(multipart ? "multipart" : "url-encoded")}: {string.Join(", ", fields.Keys)}): {problem}");
                }
            }
        }
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        Assert.True(posted > 100, $"only {posted} forms posted");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_request_subject_with_a_nul_is_refused_in_French_and_in_a_multipart_form_is_a_field_error_that_keeps_the_rest()
    {
        using var client = await fixture.SignedInClientAsync(Emails[Persona.Volunteer]);
        await using var db = fixture.CreateDbContext();
        var before = await db.CadaRequests.CountAsync();
        var fields = new Dictionary<string, string>
        {
            ["PublicBodyId"] = fixture.Values["body"],
            ["Subject"] = "Marché de\0 vidéoprotection",
            ["Documents"] = "Acte d'engagement\nBordereau des prix",
            ["Context"] = "Une délibération de 2021.",
        };

        // As a browser sends it: the form reader refuses the body, so the answer says why and that nothing was saved.
        using (var encoded = await PostAsync(client, "/demandes/nouvelle", fields, multipart: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, encoded.StatusCode);
            var page = await VigieFactory.ParseAsync(encoded);
            Assert.Equal("Requête invalide", page.QuerySelector("h1")?.TextContent);
            Assert.Contains("caractère invalide (caractère nul) : rien n'a été enregistré", page.QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
        }

        using (var multipart = await PostAsync(client, "/demandes/nouvelle", fields, multipart: true))
        {
            Assert.Equal(HttpStatusCode.BadRequest, multipart.StatusCode);
            var page = await VigieFactory.ParseAsync(multipart);
            Assert.Contains("caractère invalide", page.QuerySelector("[data-valmsg-for='Subject']")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.Equal("Marché de vidéoprotection", page.QuerySelector("#Subject")!.GetAttribute("value"));
            Assert.Equal("Acte d'engagement\nBordereau des prix", page.QuerySelector("#Documents")!.TextContent.Trim());
        }
        Assert.Equal(before, await db.CadaRequests.CountAsync());
    }

    [Fact]
    public async Task A_case_title_with_a_nul_in_a_multipart_form_is_a_field_error_that_keeps_the_rest()
    {
        using var client = await fixture.SignedInClientAsync(Emails[Persona.Volunteer]);
        await using var db = fixture.CreateDbContext();
        var before = await db.Cases.CountAsync();
        using var response = await PostAsync(client, "/edition/dossiers/nouveau", new()
        {
            ["Form.Title"] = "Caméras\0 de Trappes",
            ["Form.Municipality"] = "78621",
            ["Form.Summary"] = "Un résumé à garder.",
        }, multipart: true);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"answered {(int)response.StatusCode}");
        var page = await VigieFactory.ParseAsync(response);
        Assert.Contains("caractère invalide", page.QuerySelector("[data-valmsg-for='Form.Title']")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("Caméras de Trappes", page.QuerySelector("#Form_Title")!.GetAttribute("value"));
        Assert.Equal("Un résumé à garder.", page.QuerySelector("#Form_Summary")!.TextContent.Trim());
        Assert.Equal(before, await db.Cases.CountAsync());
    }

    /// <summary>Posts the fields with a fresh antiforgery token, url-encoded as browsers do or as multipart/form-data.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, bool multipart)
    {
        var all = fields.Append(new("__jeton", await TeamMembers.AntiforgeryTokenAsync(client, "/mot-de-passe-oublie"))).ToList();
        HttpContent content;
        if (multipart)
        {
            var parts = new MultipartFormDataContent();
            foreach (var (name, value) in all)
            {
                parts.Add(new StringContent(value), name);
            }
            content = parts;
        }
        else
        {
            content = new FormUrlEncodedContent(all);
        }
        using (content)
        {
            return await client.PostAsync(new Uri(path, UriKind.Relative), content);
        }
    }

    /// <summary>
    /// The fields of the form that posts to <paramref name="path"/> (on the page at that address), each typed one with a
    /// NUL inside, plus the names the action binds that the form lacks (posts made from buttons of other pages).
    /// </summary>
    private async Task<Dictionary<string, string>> FieldsAsync(HttpClient client, string path)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var page = await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            if (page.IsSuccessStatusCode && page.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var document = await VigieFactory.ParseAsync(page);
                var target = path.Split('?')[0];
                var form = document.QuerySelectorAll("form[method='post' i]").OfType<IHtmlFormElement>()
                    .FirstOrDefault(f => (f.GetAttribute("action") is not { Length: > 0 } action ? target : action.Split('?')[0]) == target);
                foreach (var element in form?.Elements.OfType<IHtmlElement>() ?? [])
                {
                    var name = element.GetAttribute("name");
                    if (name is null || name == "__jeton" || fields.ContainsKey(name))
                    {
                        continue;
                    }
                    switch (element)
                    {
                        case IHtmlInputElement input when TextInputs.Contains((input.GetAttribute("type") ?? "text").ToLowerInvariant()):
                            fields[name] = Hostile(input.Value);
                            break;
                        case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                            if (input.IsChecked)
                            {
                                fields[name] = input.Value;
                            }
                            break;
                        case IHtmlTextAreaElement area:
                            fields[name] = Hostile(area.Value);
                            break;
                        case IHtmlSelectElement select:
                            fields[name] = select.Value ?? "";
                            break;
                    }
                }
            }
        }
        foreach (var name in ActionFieldNames(path))
        {
            fields.TryAdd(name, Hostile(""));
        }
        return fields;
    }

    private static string Hostile(string value) => value.Length == 0 ? "x\0y" : value[..(value.Length / 2)] + "\0" + value[(value.Length / 2)..];

    /// <summary>The form names the POST action at this address binds, found in the endpoint metadata like the query names.</summary>
    private IEnumerable<string> ActionFieldNames(string path)
    {
        var target = path.Split('?')[0];
        var matcher = fixture.Services.GetService(typeof(EndpointDataSource)) as EndpointDataSource;
        foreach (var endpoint in matcher!.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") != true)
            {
                continue;
            }
            var template = new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
                Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse((endpoint.RoutePattern.RawText ?? "").TrimStart('/')), new RouteValueDictionary());
            if (!template.TryMatch(new Microsoft.AspNetCore.Http.PathString(target), new RouteValueDictionary()))
            {
                continue;
            }
            return QueryFuzzTests.BoundNames(endpoint, fixture.Services).Where(n => endpoint.RoutePattern.GetParameter(n) is null).ToList();
        }
        return [];
    }
}
