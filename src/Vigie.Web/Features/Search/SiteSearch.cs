using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Vigie.Web.Data;
using Vigie.Web.Features.Browse;
using Vigie.Web.Features.Requests;
using Vigie.Web.Infrastructure.Privacy;

namespace Vigie.Web.Features.Search;

/// <summary>What a search result is; the values are the <c>type</c> of the query string and the API.</summary>
public enum SearchKind
{
    Dossiers,
    Documents,
    Marches,
    Demandes,
    Prestataires,
    Communes,
}

public sealed record SearchHit(
    [property: JsonPropertyName("kind")] string KindCode,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("rank")] double Rank,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("place")] string? Place,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("amount")] decimal? Amount,
    [property: JsonPropertyName("date")] DateOnly? Date,
    [property: JsonPropertyName("precision")] string? Precision,
    [property: JsonPropertyName("snippet")] string? Snippet)
{
    [JsonIgnore]
    public SearchKind Kind => SiteSearch.KindOf(KindCode);
}

public sealed record FacetCount(
    [property: JsonPropertyName("facet")] string Facet,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("count")] int Count);

/// <summary>How many results of a kind; <see cref="More"/>: more than <see cref="Count"/> (<see cref="SiteSearch.MatchCap"/>) match.</summary>
public sealed record KindCount(
    [property: JsonPropertyName("kind")] string KindCode,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("more")] bool More = false)
{
    [JsonIgnore]
    public SearchKind Kind => SiteSearch.KindOf(KindCode);
}

public sealed record SearchResults(IReadOnlyList<KindCount> Kinds, IReadOnlyList<FacetCount> Facets, IReadOnlyList<SearchHit> Hits)
{
    public int Total => Kinds.Sum(k => k.Count);

    /// <summary>Some kind has more results than were read: counts are lower bounds and facets describe the results read.</summary>
    public bool Capped => Kinds.Any(k => k.More);

    public bool HasMore(SearchKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind)?.More ?? false;

    public int CountOf(SearchKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind)?.Count ?? 0;
}

/// <summary>A commune or vendor whose name is close to what was typed (pg_trgm), for "did you mean" and completion.</summary>
public sealed record NameSuggestion(string Kind, string Label, string Key, double Similarity);

/// <summary>
/// Site-wide full-text search over what the public may read: published cases (title, summary, narrative, quotes, and
/// their technologies, vendors and commune), their contracts (with their commune and vendor), public requests (with the
/// body's name), public documents (metadata and extracted text), vendors and communes.
/// PostgreSQL does everything in one statement: <c>websearch_to_tsquery</c> on the stored tsvectors (French, accents
/// ignored: see the Search, DocumentStorage and SearchRelatedText migrations; a case, contract or request is read through
/// its <c>…_search</c> row, its own vector joined by triggers to its related names'), ranks with <c>ts_rank</c> (weights:
/// title A, summary and related names B, body C; normalised by length), the facet counts over the results listed (up to
/// <see cref="MatchCap"/> of each kind: see <see cref="Sql"/>), and <c>ts_headline</c> snippets for the page shown only.
/// Each result carries its facet values as arrays, so a facet's count is exactly the number of results that selecting it
/// leaves on the page: every kind on the overview, the chosen kind on its tab.
/// </summary>
public static class SiteSearch
{
    public const int PerKindOnOverview = 5;
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    /// <summary>How many matching rows of each kind a search reads at most before it ranks and counts them.</summary>
    public const int MatchCap = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly IReadOnlyDictionary<SearchKind, string> Codes = new Dictionary<SearchKind, string>
    {
        [SearchKind.Dossiers] = "dossier",
        [SearchKind.Documents] = "document",
        [SearchKind.Marches] = "marche",
        [SearchKind.Demandes] = "demande",
        [SearchKind.Prestataires] = "prestataire",
        [SearchKind.Communes] = "commune",
    };

    public static SearchKind KindOf(string code) => Codes.First(c => c.Value == code).Key;

    /// <summary>
    /// Searches. <paramref name="kind"/> null: the best <see cref="PerKindOnOverview"/> of each kind; otherwise one page
    /// of that kind. <paramref name="withFacets"/> false skips the facet counts (the API's list of hits does not need them).
    /// </summary>
    public static async Task<SearchResults> RunAsync(VigieDbContext db, string terms, PublicFilter filter, SearchKind? kind, int page,
        bool withFacets, CancellationToken cancellationToken, int pageSize = PageSize, int perKind = PerKindOnOverview, bool snippets = true,
        int matchCap = MatchCap)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            // The joins are written in the order that reads the text index first and stops at the cap; letting the planner
            // reorder them cost 20 ms of planning and, with wrong estimates, a full scan of the documents (seconds).
            await using var transaction = db.Database.CurrentTransaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
            await using var command = new NpgsqlCommand(
                "SET LOCAL join_collapse_limit = 1; SET LOCAL from_collapse_limit = 1;\n" + Sql(withFacets), connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = terms });
            command.Parameters.Add(Text("dep", filter.Departement));
            command.Parameters.Add(Text("reg", filter.Region));
            command.Parameters.Add(Text("tech", filter.Technologie));
            command.Parameters.Add(Text("ven", filter.Prestataire));
            command.Parameters.Add(Text("st", filter.Etat?.ToString()));
            command.Parameters.Add(new NpgsqlParameter("yr", NpgsqlDbType.Integer) { Value = (object?)filter.Annee ?? DBNull.Value });
            command.Parameters.Add(Text("kind", kind is { } k ? Codes[k] : null));
            command.Parameters.Add(new NpgsqlParameter("per_kind", NpgsqlDbType.Integer) { Value = perKind });
            command.Parameters.Add(new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = matchCap });
            command.Parameters.Add(new NpgsqlParameter("page_size", NpgsqlDbType.Integer) { Value = pageSize });
            command.Parameters.Add(new NpgsqlParameter("skip", NpgsqlDbType.Integer) { Value = Math.Max(0, page - 1) * pageSize });
            // ts_headline is STRICT: without options it is not even called (the CSV of the results has no snippets).
            command.Parameters.Add(new NpgsqlParameter("opts", NpgsqlDbType.Text) { Value = snippets ? HeadlineOptions : DBNull.Value });
            SearchResults results;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                // The SQL reads request states as stored (enum names); they leave as their public identifiers.
                results = new SearchResults(
                    Read<KindCount>(reader, 0),
                    withFacets ? Read<FacetCount>(reader, 1).Select(f => f.Facet == "etat" ? f with { Value = RequestStateIds.FromStoredName(f.Value) } : f).ToList() : [],
                    Read<SearchHit>(reader, 2));
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return results;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Communes and vendors whose folded name is like <paramref name="text"/>: same start, or close by trigrams.</summary>
    public static async Task<IReadOnlyList<NameSuggestion>> SuggestNamesAsync(VigieDbContext db, string text, string? kind, int limit,
        CancellationToken cancellationToken)
    {
        var prefix = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        return await db.Database.SqlQuery<NameSuggestion>($"""
            WITH typed AS (SELECT public.vigie_fold({text}) AS t, public.vigie_fold({prefix}) || '%' AS p)
            SELECT s."Kind", s."Label", s."Key", s."Similarity" FROM (
                SELECT 'commune' AS "Kind", m.name || ' (' || m.department_code || ')' AS "Label", m.insee_code AS "Key",
                       CASE WHEN public.vigie_fold(m.name) LIKE typed.p THEN 1 ELSE 0 END
                         + public.similarity(public.vigie_fold(m.name), typed.t)::float8 AS "Similarity",
                       coalesce(m.population, 0) AS population
                FROM municipalities m, typed
                WHERE ({kind}::text IS NULL OR {kind}::text = 'communes')
                  AND (public.vigie_fold(m.name) LIKE typed.p OR public.vigie_fold(m.name) OPERATOR(public.%) typed.t)
                UNION ALL
                SELECT 'prestataire', v.name, v.slug,
                       CASE WHEN public.vigie_fold(v.name) LIKE typed.p THEN 1 ELSE 0 END
                         + public.similarity(public.vigie_fold(v.name), typed.t)::float8,
                       1000000000
                FROM vendors v, typed
                WHERE ({kind}::text IS NULL OR {kind}::text = 'prestataires')
                  AND (public.vigie_fold(v.name) LIKE typed.p OR public.vigie_fold(v.name) OPERATOR(public.%) typed.t)
            ) s
            ORDER BY s."Similarity" DESC, s.population DESC, s."Label"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static List<T> Read<T>(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? [] : JsonSerializer.Deserialize<List<T>>(reader.GetString(column), Json) ?? [];

    /// <summary>Highlight marks: control characters, removed from the text first, so the text cannot forge them.</summary>
    private const string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>
    /// The filter of the query string over a result's facet arrays; each kind's rows are filtered where they are read,
    /// before <see cref="MatchCap"/> stops the scan, so narrowing a search is exact.
    /// </summary>
    private static string Filter(string deps, string regs, string techs, string vendors, string states, string years) => $"""
        (@dep::text IS NULL OR @dep = ANY({deps})) AND (@reg::text IS NULL OR @reg = ANY({regs}))
        AND (@tech::text IS NULL OR @tech = ANY({techs})) AND (@ven::text IS NULL OR @ven = ANY({vendors}))
        AND (@st::text IS NULL OR @st = ANY({states})) AND (@yr::int IS NULL OR @yr = ANY({years}))
        """;

    private const string NoTexts = "'{}'::text[]";
    private const string NoYears = "'{}'::int[]";

    // Each kind reads at most MatchCap + 1 matching rows (per source: a case's own text and its quotes; a document's
    // metadata and its pages), in the order the index gives them, then ranks, counts and facets those. Below the cap
    // everything is exact; above it, the count says "more than" and the ranking is among the rows read. Without the cap
    // a word present in most cases ranked and counted every one of them (seconds at 100,000 cases).
    private static string Sql(bool withFacets)
    {
        var caseFilter = Filter("ARRAY[mu.department_code]", "ARRAY[mu.region_code]", "f.techs", "f.vendors", "f.states", "f.years");
        var contractDeps = "ARRAY[coalesce(bm.department_code, m.department_code)]::text[]";
        var contractRegs = "ARRAY[coalesce(bm.region_code, m.region_code)]::text[]";
        var contractVendors = "CASE WHEN v.slug IS NULL THEN '{}'::text[] ELSE ARRAY[v.slug]::text[] END";
        var contractYears = "CASE WHEN k.signed_on IS NULL THEN '{}'::int[] ELSE ARRAY[extract(year FROM k.signed_on)::int] END";
        var requestDeps = "array_remove(ARRAY[coalesce(b.department_code, m.department_code)]::text[], NULL)";
        var requestRegs = "array_remove(ARRAY[coalesce(bd.region_code, m.region_code)]::text[], NULL)";
        var requestYears = "CASE WHEN r.sent_on IS NULL THEN '{}'::int[] ELSE ARRAY[extract(year FROM r.sent_on)::int] END";
        var documentDeps = "array_remove(ARRAY[coalesce(m.department_code, b.department_code)]::text[], NULL)";
        var documentRegs = "array_remove(ARRAY[coalesce(m.region_code, bd.region_code)]::text[], NULL)";
        var documentStates = "CASE WHEN r.id IS NOT NULL THEN ARRAY[r.state]::text[] ELSE coalesce(f.states, '{}') END";
        var documentYears = "CASE WHEN coalesce(d.date, d.received_on) IS NULL THEN '{}'::int[] ELSE ARRAY[extract(year FROM coalesce(d.date, d.received_on))::int] END";
        const string documentJoins = """
            LEFT JOIN cases c ON c.id = d.case_id
            LEFT JOIN municipalities m ON m.id = c.municipality_id
            LEFT JOIN case_facets f ON f.case_id = c.id
            LEFT JOIN cada_requests r ON r.id = d.cada_request_id
            LEFT JOIN cases rc ON rc.id = r.case_id
            LEFT JOIN public_bodies b ON b.id = r.public_body_id
            LEFT JOIN departments bd ON bd.code = b.department_code
            """;
        var documentVisible = VisibilitySql.PublicDocument("d");
        var caseVisible = VisibilitySql.PublicCase("c");
        var documentFilter = Filter(documentDeps, documentRegs, "coalesce(f.techs, '{}')", "coalesce(f.vendors, '{}')", documentStates, documentYears);
        return $$"""
        WITH query AS (SELECT websearch_to_tsquery('public.vigie_fr', @q) AS q),
        case_match AS (
            SELECT m.id, max(m.rank) AS rank FROM (
                (SELECT c.id, ts_rank(s.search_vector, query.q, 1) AS rank
                 FROM case_search s JOIN cases c ON c.id = s.case_id JOIN municipalities mu ON mu.id = c.municipality_id
                 JOIN case_facets f ON f.case_id = c.id, query
                 WHERE s.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q) AND {{caseVisible}} AND {{caseFilter}}
                 LIMIT @cap + 1)
                UNION ALL
                (SELECT qu.case_id, 0.5 * ts_rank(qu.search_vector, query.q, 1)
                 FROM quotes qu JOIN cases c ON c.id = qu.case_id JOIN municipalities mu ON mu.id = c.municipality_id
                 JOIN case_facets f ON f.case_id = c.id, query
                 WHERE qu.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q) AND {{caseVisible}} AND {{caseFilter}}
                 LIMIT @cap + 1)
            ) m GROUP BY m.id
        ),
        document_match AS (
            SELECT m.id, max(m.rank) AS rank FROM (
                (SELECT d.id, ts_rank(d.search_vector, query.q, 1) AS rank
                 FROM documents d {{documentJoins}}, query
                 WHERE d.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q) AND {{documentVisible}} AND {{documentFilter}}
                 LIMIT @cap + 1)
                UNION ALL
                (SELECT d.id, 0.8 * ts_rank(p.search_vector, query.q, 1)
                 FROM file_pages p JOIN documents d ON d.file_id = p.file_id {{documentJoins}}, query
                 WHERE p.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q) AND {{documentVisible}} AND {{documentFilter}}
                 LIMIT @cap + 1)
            ) m
            GROUP BY m.id
        ),
        filtered AS (
            SELECT 'dossier' AS kind, c.id, cm.rank, ARRAY[m.department_code]::text[] AS deps, ARRAY[m.region_code]::text[] AS regs,
                   f.techs, f.vendors, f.states, f.years
            FROM case_match cm JOIN cases c ON c.id = cm.id JOIN municipalities m ON m.id = c.municipality_id
            JOIN case_facets f ON f.case_id = c.id
            UNION ALL
            (SELECT 'marche', k.id, ts_rank(ks.search_vector, query.q, 1), {{contractDeps}}, {{contractRegs}}, f.techs, {{contractVendors}}, f.states, {{contractYears}}
             FROM contract_search ks JOIN contracts k ON k.id = ks.contract_id JOIN cases c ON c.id = k.case_id AND {{caseVisible}}
             JOIN municipalities m ON m.id = c.municipality_id
             LEFT JOIN municipalities bm ON bm.id = k.buyer_municipality_id
             LEFT JOIN vendors v ON v.id = k.vendor_id
             JOIN case_facets f ON f.case_id = c.id
             CROSS JOIN query
             WHERE ks.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q) AND {{Filter(contractDeps, contractRegs, "f.techs", contractVendors, "f.states", contractYears)}}
             LIMIT @cap + 1)
            UNION ALL
            (SELECT 'demande', r.id, ts_rank(rs.search_vector, query.q, 1), {{requestDeps}}, {{requestRegs}},
                    coalesce(f.techs, '{}'), coalesce(f.vendors, '{}'), ARRAY[r.state]::text[], {{requestYears}}
             FROM request_search rs JOIN cada_requests r ON r.id = rs.request_id JOIN public_bodies b ON b.id = r.public_body_id
             LEFT JOIN departments bd ON bd.code = b.department_code
             LEFT JOIN cases c ON c.id = r.case_id
             LEFT JOIN municipalities m ON m.id = c.municipality_id
             LEFT JOIN case_facets f ON f.case_id = c.id
             CROSS JOIN query
             WHERE rs.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q) AND {{VisibilitySql.PublicRequest("r")}}
               AND {{Filter(requestDeps, requestRegs, "coalesce(f.techs, '{}')", "coalesce(f.vendors, '{}')", "ARRAY[r.state]::text[]", requestYears)}}
             LIMIT @cap + 1)
            UNION ALL
            SELECT 'document', d.id, dm.rank, {{documentDeps}}, {{documentRegs}}, coalesce(f.techs, '{}'), coalesce(f.vendors, '{}'), {{documentStates}}, {{documentYears}}
            FROM document_match dm JOIN documents d ON d.id = dm.id {{documentJoins}}
            UNION ALL
            (SELECT 'prestataire', v.id, ts_rank(v.search_vector, query.q, 1), vf.deps, vf.regs, vf.techs, ARRAY[v.slug]::text[], {{NoTexts}}, {{NoYears}}
             FROM vendors v JOIN vendor_facets vf ON vf.vendor_id = v.id CROSS JOIN query
             WHERE v.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q)
               AND {{Filter("vf.deps", "vf.regs", "vf.techs", "ARRAY[v.slug]::text[]", NoTexts, NoYears)}}
             LIMIT @cap + 1)
            UNION ALL
            -- A commune with published cases comes before its namesakes without.
            (SELECT 'commune', m.id, ts_rank(m.search_vector, query.q, 1)
                      + CASE WHEN EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = m.id AND {{caseVisible}}) THEN 1 ELSE 0 END
                      + coalesce(m.population, 0) / 1e9,
                    ARRAY[m.department_code]::text[], ARRAY[m.region_code]::text[], {{NoTexts}}, {{NoTexts}}, {{NoTexts}}, {{NoYears}}
             FROM municipalities m CROSS JOIN query
             WHERE m.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q)
               AND {{Filter("ARRAY[m.department_code]", "ARRAY[m.region_code]", NoTexts, NoTexts, NoTexts, NoYears)}}
             LIMIT @cap + 1)
        ),
        kinds AS (SELECT kind, least(count(*), @cap)::int AS count, count(*) > @cap AS more FROM filtered GROUP BY kind),
        -- What the page lists: every kind, or the one chosen. The facets count these, so that a facet's count is what
        -- choosing it leaves on the same page.
        listed AS (SELECT * FROM filtered WHERE @kind::text IS NULL OR kind = @kind),
        facets AS (
            {{(withFacets ? """
            SELECT 'departement' AS facet, v AS value, count(*)::int AS count FROM listed, unnest(deps) v GROUP BY v
            UNION ALL SELECT 'region', v, count(*)::int FROM listed, unnest(regs) v GROUP BY v
            UNION ALL SELECT 'technologie', v, count(*)::int FROM listed, unnest(techs) v GROUP BY v
            UNION ALL SELECT 'prestataire', v, count(*)::int FROM listed, unnest(vendors) v GROUP BY v
            UNION ALL SELECT 'etat', v, count(*)::int FROM listed, unnest(states) v GROUP BY v
            UNION ALL SELECT 'annee', v::text, count(*)::int FROM listed, unnest(years) v GROUP BY v
            """ : "SELECT NULL::text AS facet, NULL::text AS value, 0 AS count WHERE false")}}
        ),
        ranked AS (SELECT kind, id, rank, row_number() OVER (PARTITION BY kind ORDER BY rank DESC, id) AS n FROM listed),
        page AS (
            SELECT kind, id, rank FROM ranked
            WHERE (@kind::text IS NULL AND n <= @per_kind) OR (@kind::text IS NOT NULL AND n > @skip AND n <= @skip + @page_size)
        ),
        shown AS (
            SELECT p.kind, p.id, p.rank, c.slug AS key, c.title, mu.name || ' (' || mu.department_code || ')' AS place, NULL::text AS detail,
                   NULL::numeric AS amount, NULL::date AS date, NULL::text AS precision,
                   ts_headline('public.vigie_fr', vigie_snippet_text(concat_ws(' … ', c.summary,
                       regexp_replace(c.body, '\[@[0-9]+\]|[#*_>`]|\]\([^)]*\)|\[', ' ', 'g'),
                       (SELECT string_agg(qu.text, ' … ') FROM quotes qu WHERE qu.case_id = c.id), s.related)), query.q, @opts) AS snippet
            FROM page p JOIN cases c ON p.kind = 'dossier' AND c.id = p.id JOIN municipalities mu ON mu.id = c.municipality_id
            LEFT JOIN case_search s ON s.case_id = c.id CROSS JOIN query
            UNION ALL
            SELECT p.kind, p.id, p.rank, c.slug, k.object, coalesce(bm.name, mu.name) || ' (' || coalesce(bm.department_code, mu.department_code) || ')',
                   v.name, k.amount_euros, k.signed_on, k.signed_on_precision,
                   ts_headline('public.vigie_fr', vigie_snippet_text(concat_ws(' … ', k.object, k.reference, k.notes, k.missing)), query.q, @opts)
            FROM page p JOIN contracts k ON p.kind = 'marche' AND k.id = p.id JOIN cases c ON c.id = k.case_id
            JOIN municipalities mu ON mu.id = c.municipality_id LEFT JOIN municipalities bm ON bm.id = k.buyer_municipality_id
            LEFT JOIN vendors v ON v.id = k.vendor_id CROSS JOIN query
            UNION ALL
            SELECT p.kind, p.id, p.rank, coalesce('/dossiers/' || c.slug || '#demandes', '/communes/' || mu.insee_code, ''), r.subject, b.name, r.state, NULL, r.sent_on, NULL,
                   ts_headline('public.vigie_fr', vigie_snippet_text(concat_ws(' … ', r.subject, r.outcome_summary)), query.q, @opts)
            FROM page p JOIN cada_requests r ON p.kind = 'demande' AND r.id = p.id JOIN public_bodies b ON b.id = r.public_body_id
            LEFT JOIN cases c ON c.id = r.case_id LEFT JOIN municipalities mu ON mu.id = b.municipality_id CROSS JOIN query
            UNION ALL
            SELECT p.kind, p.id, p.rank, d.id::text, d.title, c.title, d.kind, NULL, d.date, NULL,
                   ts_headline('public.vigie_fr', vigie_snippet_text(concat_ws(' … ', d.title, d.description,
                       (SELECT fp.text FROM file_pages fp WHERE fp.file_id = d.file_id AND fp.search_vector @@ websearch_to_tsquery('public.vigie_fr', @q)
                        ORDER BY ts_rank(fp.search_vector, query.q, 1) DESC, fp.number LIMIT 1))), query.q, @opts)
            FROM page p JOIN documents d ON p.kind = 'document' AND d.id = p.id LEFT JOIN cases c ON c.id = d.case_id CROSS JOIN query
            UNION ALL
            SELECT p.kind, p.id, p.rank, v.slug, v.name, v.country, NULL, NULL, NULL, NULL,
                   ts_headline('public.vigie_fr', vigie_snippet_text(concat_ws(' … ', v.name, v.description)), query.q, @opts)
            FROM page p JOIN vendors v ON p.kind = 'prestataire' AND v.id = p.id CROSS JOIN query
            UNION ALL
            SELECT p.kind, p.id, p.rank, m.insee_code, m.name, dep.name || ' (' || m.department_code || ')',
                   (SELECT count(*)::text FROM cases c WHERE c.municipality_id = m.id AND {{caseVisible}}), NULL, NULL, NULL, NULL
            FROM page p JOIN municipalities m ON p.kind = 'commune' AND m.id = p.id JOIN departments dep ON dep.code = m.department_code
        )
        SELECT (SELECT json_agg(kinds) FROM kinds),
               (SELECT json_agg(facets ORDER BY facet, count DESC, value) FROM facets),
               (SELECT json_agg(shown ORDER BY kind, rank DESC, id) FROM shown)
        """;
    }
}
