using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Features.Editing;

/// <summary>A page as a browser got it: the response status and the parsed document.</summary>
public sealed record Page(HttpStatusCode Status, IHtmlDocument Document, Uri? Location)
{
    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public string Text(string selector) => Normalize(Find(selector)?.TextContent ?? "");

    public string? Value(string name) =>
        Document.QuerySelector($"[name='{name}']") switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlInputElement input => input.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

    public string Body => Normalize(Document.Body?.TextContent ?? "");

    /// <summary>French typography puts (narrow) no-break spaces in text; compare on plain spaces.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// Fills and submits forms the way a browser without JavaScript does: every field of the form as the page
/// has it (hidden fields, the antiforgery token, checked boxes and radios, selected options, text areas),
/// changed where the test says, posted to the form's action with the client's cookies.
/// </summary>
public sealed class FormBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public async Task<Page> GetAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>GETs a page and submits one of its forms.</summary>
    public async Task<Page> SubmitAsync(string path, string formSelector, Action<FormFields>? fill = null, string? button = null)
    {
        var page = await GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {path} answered {(int)page.Status}");
        return await SubmitAsync(page, formSelector, fill, button);
    }

    /// <summary>Submits a form of a page already loaded (a refused form, say), as the person would after correcting it.</summary>
    public Task<Page> SubmitAsync(Page page, string formSelector, Action<FormFields>? fill = null, string? button = null) =>
        SubmitAsync(page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page."), fill, button);

    /// <summary>The status form that moves the case to <paramref name="status"/> ("Proposed", "Published"…).</summary>
    public static IHtmlFormElement StatusForm(Page page, string status) =>
        page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .SingleOrDefault(f => f.QuerySelector($"input[name='To'][value='{status}']") is not null)
        ?? throw new InvalidOperationException($"No button to move the case to {status}.");

    public async Task<Page> SubmitAsync(IHtmlFormElement form, Action<FormFields>? fill = null, string? button = null)
    {
        var fields = FormFields.From(form);
        fill?.Invoke(fields);
        var action = form.GetAttribute("action")!;
        if (button is not null)
        {
            var submit = form.QuerySelectorAll("button[type=submit]").Single(b => b.GetAttribute("value") == button);
            fields.Set(submit.GetAttribute("name")!, button);
            action = submit.GetAttribute("formaction") ?? action;
        }
        using var response = await client.PostAsync(new Uri(action.Split('#')[0], UriKind.Relative), new FormUrlEncodedContent(fields.Pairs));
        return await ReadAsync(response);
    }

    /// <summary>Follows a redirect answer (the post/redirect/get pattern).</summary>
    public async Task<Page> FollowAsync(Page page)
    {
        Assert.True(page.Status == HttpStatusCode.Redirect, $"expected a redirect, got {(int)page.Status}: {page.Text(".form-errors")} {page.Text(".field-error")}");
        return await GetAsync(page.Location!.OriginalString);
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await VigieFactory.ParseAsync(response), response.Headers.Location);

    public void Dispose() => client.Dispose();
}

/// <summary>The name/value pairs a form would send, in order; a name may repeat (check boxes).</summary>
public sealed class FormFields
{
    public List<KeyValuePair<string, string>> Pairs { get; } = [];

    public static FormFields From(IHtmlFormElement form)
    {
        var fields = new FormFields();
        foreach (var element in form.Elements)
        {
            if (element.HasAttribute("disabled") || element.Closest("fieldset[disabled]") is not null)
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Pairs.Add(new(input.Name!, input.Value));
                    }
                    break;
                case IHtmlInputElement input when input.Type is not ("submit" or "button") && !string.IsNullOrEmpty(input.Name):
                    fields.Pairs.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Pairs.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Pairs.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }
        return fields;
    }

    /// <summary>Replaces every value of a field (several values: several check boxes).</summary>
    public FormFields Set(string name, params string[] values)
    {
        Pairs.RemoveAll(p => p.Key == name);
        Pairs.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public string? Get(string name) => Pairs.FirstOrDefault(p => p.Key == name).Value;
}
