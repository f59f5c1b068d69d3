using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Documents;

public sealed record SearchHitPage(int Number, string Snippet);

public sealed record SearchHit(int DocumentId, string Title, DocumentKind Kind, DateOnly? Date, FileFormat Format, bool IsPublic, IReadOnlyList<SearchHitPage> Pages);

/// <summary>
/// Full-text search inside the documents a user may see: PostgreSQL's French configuration with accents ignored
/// (public.vigie_fr, see the DocumentStorage migration), over the text of each page, best pages first.
/// </summary>
public static class DocumentSearch
{
    public const string Configuration = "public.vigie_fr";
    /// <summary>Highlight marks: control characters, which extraction removes from the text, so they cannot be forged.</summary>
    private const char Start = '\u0002';
    private const char Stop = '\u0003';
    private const string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    public static async Task<IReadOnlyList<SearchHit>> SearchAsync(VigieDbContext db, ClaimsPrincipal user, string terms, int? caseId,
        int maxPages, CancellationToken cancellationToken)
    {
        var documents = db.Documents.AsNoTracking().VisibleTo(user).Where(d => d.FileId != null);
        if (caseId is int id)
        {
            documents = documents.Where(d => d.CaseId == id);
        }
        var rows = await (
            from d in documents
            join p in db.FilePages on d.FileId equals p.FileId
            let query = EF.Functions.WebSearchToTsQuery(Configuration, terms)
            where p.SearchVector.Matches(query)
            orderby p.SearchVector.Rank(query) descending, d.Id, p.Number
            select new
            {
                d.Id,
                d.Title,
                d.Kind,
                d.Date,
                Shown = Visibility.IsPublic(d),
                d.File!.Format,
                p.Number,
                Snippet = query.GetResultHeadline(Configuration, p.Text, HeadlineOptions),
            }).Take(maxPages).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id)
            .Select(g => new SearchHit(g.Key, g.First().Title, g.First().Kind, g.First().Date, g.First().Format, g.First().Shown,
                g.Take(3).OrderBy(r => r.Number).Select(r => new SearchHitPage(r.Number, r.Snippet)).ToList()))
            .ToList();
    }

    /// <summary>The snippet as HTML: everything encoded, the highlighted words in &lt;mark&gt;.</summary>
    public static IHtmlContent ToHtml(string snippet)
    {
        var html = new StringBuilder(snippet.Length + 32);
        var encoder = HtmlEncoder.Default;
        var open = false;
        foreach (var part in SplitMarks(snippet))
        {
            if (part.IsMark)
            {
                if (part.Text[0] == Start && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (part.Text[0] == Stop && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }
            else
            {
                html.Append(encoder.Encode(part.Text));
            }
        }
        if (open)
        {
            html.Append("</mark>");
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>The snippet as plain text with the highlighted words between « ».</summary>
    public static string ToPlainText(string snippet) => snippet.Replace(Start, '«').Replace(Stop, '»');

    private static IEnumerable<(string Text, bool IsMark)> SplitMarks(string snippet)
    {
        var start = 0;
        for (var i = 0; i < snippet.Length; i++)
        {
            if (snippet[i] is Start or Stop)
            {
                if (i > start)
                {
                    yield return (snippet[start..i], false);
                }
                yield return (snippet[i].ToString(), true);
                start = i + 1;
            }
        }
        if (start < snippet.Length)
        {
            yield return (snippet[start..], false);
        }
    }
}
