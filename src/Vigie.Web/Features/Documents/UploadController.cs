using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Upload;
using Vigie.Web.Infrastructure.Security;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Features.Documents;

/// <summary>
/// Adding documents: volunteers to their cases and requests, editors anywhere. The form is read as a stream (see
/// <see cref="MultipartUpload"/>), so model binding and the global antiforgery filter, which would both buffer the
/// whole form, are off here and the token is checked by hand before the first file byte is accepted.
/// </summary>
[Route("documents/ajouter")]
public sealed class UploadController(VigieDbContext db, DocumentUploader uploader, DocumentFolders folders, IOptions<DocumentOptions> options,
    IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, TimeProvider clock) : Controller
{
    /// <summary>Room for the form's fields and multipart headers on top of the files.</summary>
    private const long FormOverhead = 1024 * 1024;
    private const int DefaultRows = 3;

    [HttpGet("")]
    public async Task<IActionResult> Form([FromQuery(Name = "dossier")] int? caseId, [FromQuery(Name = "demande")] int? requestId,
        [FromQuery(Name = "evenement")] int? requestEventId, [FromQuery(Name = "lignes")] int? rows, CancellationToken cancellationToken)
    {
        if (caseId is null && requestId is null)
        {
            var cases = await db.Cases.AsNoTracking().AttachableCases(User).OrderBy(c => c.Title)
                .Select(c => new CaseChoice(c.Id, c.Title, c.Status)).ToListAsync(cancellationToken);
            return View("Choose", cases);
        }
        var target = await DocumentAccess.ResolveTargetAsync(db, User, caseId, requestId, requestEventId, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        var settings = options.Value;
        var count = Math.Clamp(rows ?? DefaultRows, 1, settings.MaxFilesPerUpload);
        return View("Upload", new UploadForm
        {
            Target = target,
            Rows = Enumerable.Range(0, count).Select(i => new UploadRow { Index = i }).ToList(),
            MaxBytes = settings.MaxUploadBytes,
            MaxRows = settings.MaxFilesPerUpload,
        });
    }

    [HttpPost("")]
    [IgnoreAntiforgeryToken]
    [DisableFormValueModelBinding]
    public async Task<IActionResult> Upload(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        int? QueryInt(string name) => int.TryParse(Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var target = await DocumentAccess.ResolveTargetAsync(db, User, QueryInt("dossier"), QueryInt("demande"), QueryInt("evenement"), cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        // Cut an oversize body early: at once when it announces its length, else as soon as Kestrel has read too much.
        var limit = settings.MaxUploadBytes + FormOverhead;
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        if (Request.ContentLength > limit)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        MultipartUpload upload;
        try
        {
            upload = await MultipartUpload.ReadAsync(Request, folders.Temporary, settings.MaxUploadBytes, settings.MaxFilesPerUpload,
                ValidateAntiforgeryAsync, cancellationToken);
        }
        catch (UploadTooLargeException)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is MalformedUploadException or AntiforgeryValidationException or BadHttpRequestException)
        {
            return BadRequest();
        }

        await using (upload)
        {
            var userId = User.UserId()!.Value;
            var form = await ReadFormAsync(upload, target, userId, cancellationToken);
            var documents = Validate(form, upload);
            if (form.HasErrors)
            {
                await KeepFilesAsync(form, upload, userId, cancellationToken);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Upload", form);
            }
            var added = await uploader.CommitAsync(new UploadTarget(target.CaseId, target.RequestId, target.RequestEventId), documents, userId, cancellationToken);
            TempData["Notice"] = added.Count == 1
                ? "Document ajouté. Son texte sera extrait dans quelques instants."
                : $"{added.Count} documents ajoutés. Leur texte sera extrait dans quelques instants.";
            return Redirect(added.Count == 1 ? $"/documents/{added[0].Id}" : $"/documents?dossier={target.CaseId}");
        }
    }

    /// <summary>The token is the form's first field; it is checked before any file is read.</summary>
    private async Task ValidateAntiforgeryAsync(MultipartUpload upload)
    {
        var headerName = antiforgeryOptions.Value.HeaderName ?? throw new InvalidOperationException("Antiforgery needs a header name.");
        if (upload.Field(antiforgeryOptions.Value.FormFieldName) is not { Length: > 0 } token)
        {
            throw new AntiforgeryValidationException("The antiforgery token must come before the files.");
        }
        // The token store reads the header first, which spares it reading (and buffering) the form.
        Request.Headers[headerName] = token;
        await antiforgery.ValidateRequestAsync(HttpContext);
    }

    private async Task<UploadForm> ReadFormAsync(MultipartUpload upload, ResolvedTarget target, int userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var heldIds = Enumerable.Range(0, settings.MaxFilesPerUpload)
            .Select(i => Guid.TryParse(upload.Field($"conserve_{i}"), out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var holds = heldIds.Count == 0 ? [] : await db.UploadHolds.AsNoTracking()
            .Where(h => heldIds.Contains(h.Id) && h.UserId == userId).ToDictionaryAsync(h => h.Id, cancellationToken);
        var rowCount = int.TryParse(upload.Field("lignes"), out var n) ? Math.Clamp(n, 1, settings.MaxFilesPerUpload) : DefaultRows;
        var rows = new List<UploadRow>();
        for (var i = 0; i < settings.MaxFilesPerUpload; i++)
        {
            // The form is read by hand, so the check model binding does for other forms (SafeInputBinderProvider) is here.
            var unstorable = new List<string>();
            string Text(string field)
            {
                var raw = upload.Field($"{field}_{i}") ?? "";
                if (!UnsafeText.IsStorable(raw))
                {
                    unstorable.Add(field);
                    raw = UnsafeText.MakeStorable(raw);
                }
                return raw.Trim();
            }
            var row = new UploadRow
            {
                Index = i,
                Title = Text("titre"),
                Kind = Enum.TryParse<DocumentKind>(upload.Field($"nature_{i}"), out var kind) && Enum.IsDefined(kind) ? kind : DocumentKind.Autre,
                Date = Text("date"),
                IsPublic = upload.Field($"public_{i}") == "true",
                Description = Text("description"),
                IsRedacted = upload.Field($"occulte_{i}") == "true",
                RedactionNote = Text("occultation"),
                RedactionGround = Text("motif"),
                Held = Guid.TryParse(upload.Field($"conserve_{i}"), out var held) ? holds.GetValueOrDefault(held) : null,
            };
            foreach (var field in unstorable)
            {
                row.Errors[field] = UnsafeText.FieldMessage;
            }
            if (i < rowCount || IsUsed(row, upload))
            {
                rows.Add(row);
            }
        }
        return new UploadForm
        {
            Target = target,
            ReceivedOn = UnsafeText.MakeStorable(upload.Field("recu_le") ?? "").Trim(),
            Rows = rows,
            MaxBytes = settings.MaxUploadBytes,
            MaxRows = settings.MaxFilesPerUpload,
        };
    }

    private static ReceivedFile? FileOf(UploadRow row, MultipartUpload upload) => upload.Files.FirstOrDefault(f => f.Field == row.Name("fichier"));

    private static bool IsUsed(UploadRow row, MultipartUpload upload) =>
        FileOf(row, upload) is not null || row.Held is not null || row.Title.Length > 0 || row.Description.Length > 0;

    /// <summary>French messages next to each field; the documents to create when there is none.</summary>
    private List<NewDocument> Validate(UploadForm form, MultipartUpload upload)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var receivedOn = ParseDate(form.ReceivedOn, out var receivedError);
        form.ReceivedOnError = receivedError ?? (receivedOn > today ? "La date de réception ne peut pas être dans le futur." : null);
        var documents = new List<NewDocument>();
        foreach (var row in form.Rows.Where(r => IsUsed(r, upload)))
        {
            var received = FileOf(row, upload);
            PendingFile? file = null;
            if (received is not null)
            {
                row.Held = null;
                var claimed = FileFormats.Claimed(received.UploadedName, received.ClaimedContentType);
                var detected = FileSniffer.Detect(received.TemporaryPath);
                var shown = FileFormats.SafeName(received.UploadedName, detected ?? claimed ?? FileFormat.Text);
                if (received.Length == 0)
                {
                    row.Errors["fichier"] = $"Le fichier « {Path.GetFileNameWithoutExtension(shown)} » est vide.";
                }
                else if (claimed is null)
                {
                    row.Errors["fichier"] = $"Format non accepté : « {received.UploadedName} ». Formats acceptés : {FileFormats.Accepted}.";
                }
                else if (detected is null)
                {
                    row.Errors["fichier"] = $"« {received.UploadedName} » se présente comme {FileFormats.WithArticle(claimed.Value)}, mais son contenu n'en est pas un (ni aucun format accepté). Il a été refusé.";
                }
                else if (detected != claimed)
                {
                    row.Errors["fichier"] = $"« {received.UploadedName} » se présente comme {FileFormats.WithArticle(claimed.Value)}, mais son contenu est {FileFormats.WithArticle(detected.Value)}. Renommez-le avec la bonne extension.";
                }
                else
                {
                    received.Format = detected;
                    file = new PendingFile(received.Hash, detected.Value, received.Length, shown, received.TemporaryPath, null);
                }
            }
            else if (row.Held is { } held)
            {
                file = new PendingFile(Storage.ContentHash.Parse(held.Sha256), held.Format, held.Length, held.FileName, null, held.Id);
            }
            else
            {
                row.Errors["fichier"] = "Choisissez un fichier.";
            }
            if (row.Title.Length == 0)
            {
                row.Errors["titre"] = "Indiquez un titre.";
            }
            else if (row.Title.Length > 500)
            {
                row.Errors["titre"] = "Le titre fait au plus 500 caractères.";
            }
            var date = ParseDate(row.Date, out var dateError);
            if (dateError is not null)
            {
                row.Errors["date"] = dateError;
            }
            if (row.Description.Length > 5000)
            {
                row.Errors["description"] = "La description fait au plus 5 000 caractères.";
            }
            if (row.RedactionNote.Length > 2000)
            {
                row.Errors["occultation"] = "Au plus 2 000 caractères.";
            }
            if (row.RedactionGround.Length > 500)
            {
                row.Errors["motif"] = "Au plus 500 caractères.";
            }
            if (file is not null && row.Errors.Count == 0)
            {
                documents.Add(new NewDocument(row.Title, row.Kind, date, receivedOn, row.IsPublic, NullIfEmpty(row.Description),
                    row.IsRedacted, NullIfEmpty(row.RedactionNote), NullIfEmpty(row.RedactionGround), file));
            }
        }
        if (!form.Rows.Any(r => IsUsed(r, upload)))
        {
            form.Errors.Add("Ajoutez au moins un fichier.");
        }
        return documents;
    }

    /// <summary>Puts the valid files of a form that is shown again aside, so the next submission need not send them again.</summary>
    private async Task KeepFilesAsync(UploadForm form, MultipartUpload upload, int userId, CancellationToken cancellationToken)
    {
        var toKeep = form.Rows.Select(r => (Row: r, File: FileOf(r, upload))).Where(t => t.File?.Format is not null).ToList();
        if (toKeep.Count == 0)
        {
            return;
        }
        var holds = await uploader.HoldAsync(toKeep.Select(t => new PendingFile(t.File!.Hash, t.File.Format!.Value, t.File.Length,
            FileFormats.SafeName(t.File.UploadedName, t.File.Format.Value), t.File.TemporaryPath, null)).ToList(), userId, cancellationToken);
        foreach (var ((row, _), hold) in toKeep.Zip(holds))
        {
            row.Held = hold;
        }
    }

    private static DateOnly? ParseDate(string text, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out iso))
        {
            if (iso.Year is >= 1900 and <= 2100)
            {
                return iso;
            }
        }
        error = "Date invalide : écrivez-la sous la forme jj/mm/aaaa.";
        return null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

public sealed record CaseChoice(int Id, string Title, CaseStatus Status);
