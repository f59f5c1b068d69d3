using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Requests;
using Vigie.Web.Features.Requests.Deadlines;
using Vigie.Web.Infrastructure;

namespace Vigie.Web.Features.Generator;

public sealed record GeneratorOptions(int Cases, int DocumentsPerCase = 1, bool Force = false, int Seed = 20261126);

public sealed record GeneratorReport(bool Refused, int Cases, int Contracts, int Requests, int Documents, TimeSpan Elapsed);

/// <summary>
/// Fills the database with synthetic cases for scale tests: cases (mostly published), contracts, fundings, quotes, CADA
/// requests with events (their state computed by the deadline engine) and documents whose "extracted text" is a few
/// paragraphs (no file in the store). Everything is marked: slugs, vendor slugs and document file names start with
/// "synthetique-". Rows are written with binary COPY in one transaction, a batch of cases at a time. A second run is
/// refused unless forced, which first deletes the previous synthetic rows.
/// </summary>
public sealed class SyntheticData(VigieDbContext db, TimeProvider clock)
{
    public const string Prefix = "synthetique-";
    private const int Batch = 5000;
    private const int VendorCount = 30;

    private sealed record Commune(int Id, string Name, string DepartmentCode, int BodyId);

    public async Task<GeneratorReport> GenerateAsync(GeneratorOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var clockwatch = Stopwatch.StartNew();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var existing = (long)(await Scalar(connection, null, $"SELECT count(*) FROM cases WHERE slug LIKE '{Prefix}%'", cancellationToken))!;
        if (existing > 0 && !options.Force)
        {
            return new GeneratorReport(true, 0, 0, 0, 0, clockwatch.Elapsed);
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Case facets (search) are computed once at the end rather than by a trigger for every row copied.
        await Scalar(connection, transaction, "SET LOCAL vigie.defer_facets = 'on'", cancellationToken);
        if (existing > 0)
        {
            await DeleteAsync(connection, transaction, cancellationToken);
            output.WriteLine($"{existing} dossiers synthétiques précédents supprimés.");
        }

        var faker = new Faker("fr") { Random = new Randomizer(options.Seed) };
        var text = new FrenchText(faker);
        var today = clock.TodayInParis();
        var communes = await CommunesAsync(connection, transaction, cancellationToken);
        var technologies = await IdsAsync(connection, transaction, "SELECT id FROM technologies ORDER BY id", cancellationToken);
        var vendors = await VendorsAsync(connection, transaction, faker, cancellationToken);

        var n = options.Cases;
        var d = options.DocumentsPerCase;
        var ids = new Dictionary<string, int>();
        foreach (var (table, count) in new[]
        {
            ("cases", n), ("contracts", 2 * n), ("fundings", 2 * n), ("quotes", n), ("cada_requests", n), ("requested_documents", 2 * n),
            ("request_events", 3 * n), ("event_document_outcomes", 2 * n), ("stored_files", d * n), ("documents", d * n),
        })
        {
            ids[table] = await ReserveAsync(connection, transaction, table, Math.Max(1, count), cancellationToken);
        }
        int Next(string table) => ids[table]++;

        var totals = (Contracts: 0, Requests: 0, Documents: 0);
        for (var start = 0; start < n; start += Batch)
        {
            var batch = new BatchRows();
            for (var i = start; i < Math.Min(n, start + Batch); i++)
            {
                var commune = faker.PickRandom(communes);
                var caseVendors = faker.PickRandom(vendors, faker.Random.Int(1, 2)).Distinct().ToList();
                var vendorName = caseVendors[0].Name;
                var caseId = Next("cases");
                var created = faker.Date.BetweenOffset(new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero));
                var status = faker.Random.WeightedRandom([CaseStatus.Published, CaseStatus.Draft, CaseStatus.Proposed], [0.92f, 0.05f, 0.03f]);
                var device = text.Device();
                batch.Cases.Add([caseId, $"{Prefix}{i + 1:D6}", $"{commune.Name} : des {device} fournis par {vendorName}", commune.Id,
                    text.Paragraph(commune.Name, vendorName, 2), text.Paragraphs(commune.Name, vendorName, 3), status.ToString(), created,
                    created.AddDays(faker.Random.Int(1, 300)), status == CaseStatus.Published ? created.AddDays(faker.Random.Int(1, 60)) : null]);
                foreach (var t in faker.PickRandom(technologies, faker.Random.Int(1, 3)).Distinct())
                {
                    batch.CaseTechnologies.Add([caseId, t]);
                }
                foreach (var v in caseVendors)
                {
                    batch.CaseVendors.Add([caseId, v.Id]);
                }
                for (var k = 0; k < faker.Random.Int(1, 2); k++)
                {
                    var signed = DateOnly.FromDateTime(faker.Date.Between(new DateTime(2012, 1, 1), new DateTime(2025, 6, 30)));
                    var precision = faker.Random.WeightedRandom([DatePrecision.Day, DatePrecision.Month, DatePrecision.Year], [0.8f, 0.1f, 0.1f]);
                    batch.Contracts.Add([Next("contracts"), caseId, faker.Random.Bool(0.9f) ? commune.Id : null, faker.PickRandom(caseVendors).Id,
                        $"Fourniture, installation et maintenance de {text.Device()} — {commune.Name}", signed, precision.ToString(),
                        faker.Random.Bool(0.9f) ? (decimal?)(faker.Random.Int(20, 5000) * 1000m) : null,
                        $"{signed.Year}-{faker.Random.Int(1, 999):D3}", faker.Random.Bool(0.2f) ? "Annexes financières non communiquées" : null, k]);
                    totals.Contracts++;
                }
                for (var k = 0; k < faker.Random.Int(0, 2); k++)
                {
                    batch.Fundings.Add([Next("fundings"), caseId, faker.PickRandom("Subvention FIPD", "Dotation d'équipement (DETR)", "Aide régionale à la sécurité"),
                        faker.Random.Int(5, 800) * 1000m, faker.PickRandom("Préfecture", "Région", "Département", "État"), faker.Random.Int(2013, 2025), faker.Random.Bool(0.2f), k]);
                }
                batch.Quotes.Add([Next("quotes"), caseId, faker.Name.FullName(), faker.PickRandom("maire", "adjoint à la sécurité", "conseillère municipale d'opposition", "directeur de la police municipale"),
                    text.Sentence(commune.Name, vendorName), 0]);

                totals.Requests++;
                AddRequest(batch, faker, text, commune, caseId, vendorName, today, Next);

                for (var k = 0; k < d; k++)
                {
                    var fileId = Next("stored_files");
                    var body = text.Paragraphs(commune.Name, vendorName, faker.Random.Int(3, 5));
                    var fileName = $"{Prefix}{i + 1:D6}-{k + 1}.txt";
                    batch.Files.Add([fileId, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileName))), (long)Encoding.UTF8.GetByteCount(body), created]);
                    batch.Pages.Add([fileId, 1, body]);
                    var (title, kind) = faker.Random.Int(0, 3) switch
                    {
                        0 => ($"Délibération du conseil municipal de {commune.Name}", DocumentKind.Deliberation),
                        1 => ($"Contrat avec {vendorName}", DocumentKind.Contrat),
                        2 => ($"Cahier des clauses techniques — {text.Device()}", DocumentKind.Cctp),
                        _ => ($"Courrier de la mairie de {commune.Name}", DocumentKind.Courrier),
                    };
                    batch.Documents.Add([Next("documents"), title, kind.ToString(), DateOnly.FromDateTime(created.UtcDateTime), caseId, faker.Random.Bool(0.85f),
                        text.Sentence(commune.Name, vendorName), fileId, fileName, created]);
                    totals.Documents++;
                }
            }
            await batch.CopyAsync(connection, cancellationToken);
            output.WriteLine($"{Math.Min(n, start + Batch)} / {n} dossiers…");
        }
        await Scalar(connection, transaction, "SELECT public.vigie_refresh_all_case_facets()", cancellationToken);
        await Scalar(connection, transaction, "SELECT public.vigie_refresh_all_search_text()", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await Scalar(connection, null, "ANALYZE case_facets, case_search, contract_search, request_search, cases, contracts, fundings, quotes, cada_requests, request_events, documents, stored_files, file_pages, vendors", cancellationToken);
        return new GeneratorReport(false, n, totals.Contracts, totals.Requests, totals.Documents, clockwatch.Elapsed);
    }

    /// <summary>A request to the commune with a plausible history; its cached state comes from the deadline engine.</summary>
    private static void AddRequest(BatchRows batch, Faker faker, FrenchText text, Commune commune, int caseId, string vendorName, DateOnly today, Func<string, int> next)
    {
        var requestId = next("cada_requests");
        var request = new CadaRequest
        {
            Id = requestId,
            Subject = $"Marché de {text.Device()} passé avec {vendorName}",
            PublicBody = new PublicBody { Kind = PublicBodyKind.Commune, Name = $"Commune de {commune.Name}", Slug = "", DepartmentCode = commune.DepartmentCode },
            IsPublic = faker.Random.Bool(0.7f),
        };
        for (var p = 1; p <= faker.Random.Int(1, 2); p++)
        {
            request.RequestedDocuments.Add(new RequestedDocument { Id = next("requested_documents"), Position = p, Title = p == 1 ? "Acte d'engagement" : "Cahier des clauses techniques particulières" });
        }
        var sent = today.AddDays(-faker.Random.Int(10, 2500));
        var events = new List<CadaRequestEvent> { new() { Id = next("request_events"), Kind = RequestEventKind.Sent, OccurredOn = sent } };
        var scenario = faker.Random.Int(0, 99);
        var reply = sent.AddDays(faker.Random.Int(10, 60));
        if (scenario >= 20 && reply < today)
        {
            if (scenario < 75)
            {
                var partial = scenario >= 60;
                var answer = new CadaRequestEvent { Id = next("request_events"), Kind = RequestEventKind.ReplyReceived, OccurredOn = reply };
                foreach (var doc in request.RequestedDocuments)
                {
                    var refused = partial && doc.Position == request.RequestedDocuments.Count;
                    answer.DocumentOutcomes.Add(new EventDocumentOutcome
                    {
                        Id = next("event_document_outcomes"),
                        RequestedDocumentId = doc.Id,
                        Status = refused ? DocumentStatus.Refused : DocumentStatus.Received,
                        Ground = refused ? RefusalGround.BusinessSecret : null,
                    });
                }
                events.Add(answer);
            }
            else if (scenario < 90)
            {
                events.Add(new() { Id = next("request_events"), Kind = RequestEventKind.ExplicitRefusal, OccurredOn = reply, Ground = RefusalGround.PublicSecurity });
            }
            else if (sent.AddDays(45) < today)
            {
                events.Add(new() { Id = next("request_events"), Kind = RequestEventKind.ReferralSent, OccurredOn = sent.AddDays(45) });
            }
        }
        request.Events = events;
        RequestAnalyser.Cache(request, RequestAnalyser.Analyse(request, today), today);
        var now = DateTimeOffset.UtcNow;
        batch.Requests.Add([requestId, caseId, request.Subject, request.SentOn, request.IsPublic, request.State.ToString(), request.AnalysedOn,
            RequestChannel.Email.ToString(), request.ClosingOutcome?.ToString(), now, request.IsClosed, RequestMode.Email.ToString(), request.NextAction,
            request.NextDeadlineKind?.ToString(), request.NextDeadlineOn, commune.BodyId, request.StateLabel, now]);
        foreach (var doc in request.RequestedDocuments)
        {
            batch.RequestedDocuments.Add([doc.Id, requestId, doc.Position, doc.Title]);
        }
        foreach (var e in events)
        {
            batch.Events.Add([e.Id, requestId, e.Kind.ToString(), e.OccurredOn, DatePrecision.Day.ToString(), e.StatesAppealRoutes, e.Ground?.ToString(), now, now]);
            foreach (var o in e.DocumentOutcomes)
            {
                batch.Outcomes.Add([o.Id, e.Id, o.RequestedDocumentId, o.Status.ToString(), o.Ground?.ToString()]);
            }
        }
    }

    private static async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var sql in new[]
        {
            $"CREATE TEMP TABLE synthetic_files ON COMMIT DROP AS SELECT DISTINCT file_id AS id FROM documents WHERE file_name LIKE '{Prefix}%' AND file_id IS NOT NULL",
            $"DELETE FROM documents WHERE file_name LIKE '{Prefix}%'",
            "DELETE FROM stored_files WHERE id IN (SELECT id FROM synthetic_files) AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.file_id = stored_files.id)",
            $"DELETE FROM cada_requests WHERE case_id IN (SELECT id FROM cases WHERE slug LIKE '{Prefix}%')",
            $"DELETE FROM cases WHERE slug LIKE '{Prefix}%'",
            $"DELETE FROM vendors v WHERE v.slug LIKE '{Prefix}%' AND NOT EXISTS (SELECT 1 FROM contracts k WHERE k.vendor_id = v.id)",
        })
        {
            await Scalar(connection, transaction, sql, cancellationToken);
        }
    }

    private static async Task<List<Commune>> CommunesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var communes = new List<Commune>();
        await using var command = new NpgsqlCommand("""
            SELECT m.id, m.name, m.department_code, b.id FROM municipalities m
            JOIN public_bodies b ON b.municipality_id = m.id AND b.kind = 'Commune'
            WHERE m.population >= 3000 ORDER BY m.id
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            communes.Add(new Commune(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }
        if (communes.Count == 0)
        {
            throw new InvalidOperationException("Aucune commune en base : importez d'abord les données initiales (seed).");
        }
        return communes;
    }

    private static async Task<List<int>> IdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    private static async Task<List<(int Id, string Name)>> VendorsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Faker faker,
        CancellationToken cancellationToken)
    {
        var first = await ReserveAsync(connection, transaction, "vendors", VendorCount, cancellationToken);
        var created = Enumerable.Range(0, VendorCount).Select(i => (Id: first + i, Name: faker.Company.CompanyName() + " Sécurité")).ToList();
        await using (var import = await connection.BeginBinaryImportAsync("COPY vendors (id, slug, name, country, description) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (id, name) in created)
            {
                await import.WriteRowAsync(cancellationToken, id, $"{Prefix}{Infrastructure.Text.Slugs.From(name)}-{id}", name, "France",
                    $"Intégrateur de systèmes de vidéoprotection (donnée synthétique).");
            }
            await import.CompleteAsync(cancellationToken);
        }
        var existing = new List<(int, string)>();
        await using var command = new NpgsqlCommand($"SELECT id, name FROM vendors WHERE slug NOT LIKE '{Prefix}%'", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        return [.. created, .. existing];
    }

    /// <summary>Takes <paramref name="count"/> ids from the table's identity sequence; returns the first.</summary>
    private static async Task<int> ReserveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT setval(s, nextval(s) + @n - 1) - @n + 1 FROM pg_get_serial_sequence(@t, 'id') AS s", connection, transaction);
        command.Parameters.AddWithValue("n", (long)count);
        command.Parameters.AddWithValue("t", "public." + table);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The rows of one batch of cases, table by table, written by COPY in foreign-key order.</summary>
    private sealed class BatchRows
    {
        public List<object?[]> Cases { get; } = [];
        public List<object?[]> CaseTechnologies { get; } = [];
        public List<object?[]> CaseVendors { get; } = [];
        public List<object?[]> Contracts { get; } = [];
        public List<object?[]> Fundings { get; } = [];
        public List<object?[]> Quotes { get; } = [];
        public List<object?[]> Requests { get; } = [];
        public List<object?[]> RequestedDocuments { get; } = [];
        public List<object?[]> Events { get; } = [];
        public List<object?[]> Outcomes { get; } = [];
        public List<object?[]> Files { get; } = [];
        public List<object?[]> Pages { get; } = [];
        public List<object?[]> Documents { get; } = [];

        public async Task CopyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            await Copy(connection, "cases (id, slug, title, municipality_id, summary, body, status, created_at, updated_at, published_at)", Cases,
                [NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Varchar,
                 NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz], cancellationToken);
            await Copy(connection, "case_technologies (cases_id, technologies_id)", CaseTechnologies, [NpgsqlDbType.Integer, NpgsqlDbType.Integer], cancellationToken);
            await Copy(connection, "case_vendors (cases_id, vendors_id)", CaseVendors, [NpgsqlDbType.Integer, NpgsqlDbType.Integer], cancellationToken);
            await Copy(connection, "contracts (id, case_id, buyer_municipality_id, vendor_id, object, signed_on, signed_on_precision, amount_euros, reference, missing, position)", Contracts,
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Date, NpgsqlDbType.Varchar,
                 NpgsqlDbType.Numeric, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Integer], cancellationToken);
            await Copy(connection, "fundings (id, case_id, label, amount_euros, funder, year, is_estimate, position)", Fundings,
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Numeric, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Boolean,
                 NpgsqlDbType.Integer], cancellationToken);
            await Copy(connection, "quotes (id, case_id, speaker, speaker_role, text, said_on_precision, position)",
                Quotes.Select(q => (object?[])[q[0], q[1], q[2], q[3], q[4], "Day", q[5]]).ToList(),
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Varchar, NpgsqlDbType.Integer], cancellationToken);
            await Copy(connection, "cada_requests (id, case_id, subject, sent_on, is_public, state, analysed_on, channel, closing_outcome, created_at, is_closed, mode, " +
                "next_action, next_deadline_kind, next_deadline_on, public_body_id, state_label, updated_at)", Requests,
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Date, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.Date,
                 NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
                 NpgsqlDbType.Date, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz], cancellationToken);
            await Copy(connection, "requested_documents (id, cada_request_id, position, title)", RequestedDocuments,
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar], cancellationToken);
            await Copy(connection, "request_events (id, cada_request_id, kind, occurred_on, occurred_on_precision, states_appeal_routes, ground, created_at, updated_at)", Events,
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Date, NpgsqlDbType.Varchar, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar,
                 NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz], cancellationToken);
            await Copy(connection, "event_document_outcomes (id, event_id, requested_document_id, status, ground)", Outcomes,
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar], cancellationToken);
            await Copy(connection, "stored_files (id, sha256, length, format, created_at, status, processed_at, page_count)",
                Files.Select(f => (object?[])[f[0], f[1], f[2], "Text", f[3], "Done", f[3], 1]).ToList(),
                [NpgsqlDbType.Integer, NpgsqlDbType.Char, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz,
                 NpgsqlDbType.Integer], cancellationToken);
            await Copy(connection, "file_pages (file_id, number, text)", Pages, [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Text], cancellationToken);
            await Copy(connection, "documents (id, title, kind, date, case_id, is_public, description, file_id, file_name, uploaded_at, is_redacted)",
                Documents.Select(x => (object?[])[.. x, false]).ToList(),
                [NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Date, NpgsqlDbType.Integer, NpgsqlDbType.Boolean, NpgsqlDbType.Text,
                 NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Boolean], cancellationToken);
        }

        private static async Task Copy(NpgsqlConnection connection, string target, List<object?[]> rows, NpgsqlDbType[] types, CancellationToken cancellationToken)
        {
            await using var import = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken);
                for (var i = 0; i < types.Length; i++)
                {
                    if (row[i] is null)
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await import.WriteAsync(row[i], types[i], cancellationToken);
                    }
                }
            }
            await import.CompleteAsync(cancellationToken);
        }
    }
}
