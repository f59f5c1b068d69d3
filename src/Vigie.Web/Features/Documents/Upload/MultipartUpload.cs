using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Vigie.Web.Data.Entities;
using Vigie.Web.Features.Documents.Storage;

namespace Vigie.Web.Features.Documents.Upload;

/// <summary>A file of the form, written to a temporary file while it was received and hashed.</summary>
public sealed record ReceivedFile(string Field, string UploadedName, string? ClaimedContentType, string TemporaryPath, ContentHash Hash, long Length)
{
    /// <summary>Set once the content has been checked.</summary>
    public FileFormat? Format { get; set; }
}

/// <summary>The body was larger than the upload limit; nothing was kept.</summary>
public sealed class UploadTooLargeException() : Exception("Upload over the size limit.");

/// <summary>The body is not a well-formed form.</summary>
public sealed class MalformedUploadException(string message) : Exception(message);

/// <summary>
/// A multipart form read as a stream: fields into memory (small, bounded), each file straight to a temporary file
/// while its SHA-256 is computed, never the whole file in memory. The limit counts every byte of every file, so an
/// oversize upload stops as soon as it crosses it. Temporary files go when this is disposed.
/// </summary>
public sealed class MultipartUpload : IAsyncDisposable
{
    private const int MaxFieldLength = 20_000;
    private const int MaxFields = 200;

    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public List<ReceivedFile> Files { get; } = [];

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Reads the body. <paramref name="beforeFirstFile"/> runs once with the fields read so far, before any file
    /// byte is accepted (the antiforgery check: the token is the form's first field).
    /// </summary>
    public static async Task<MultipartUpload> ReadAsync(HttpRequest request, string temporaryFolder, long maxBytes, int maxFiles,
        Func<MultipartUpload, Task> beforeFirstFile, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new MalformedUploadException("Not a multipart/form-data body.");
        }
        Directory.CreateDirectory(temporaryFolder);
        var upload = new MultipartUpload();
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = maxBytes + 1 };
            var checkedBefore = false;
            long total = 0;
            MultipartSection? section;
            while ((section = await ReadSectionAsync(reader, cancellationToken)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data")
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    throw new MalformedUploadException("A part without a form-data name.");
                }
                if (disposition.IsFileDisposition())
                {
                    if (!checkedBefore)
                    {
                        checkedBefore = true;
                        await beforeFirstFile(upload);
                    }
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    var file = await ReceiveFileAsync(section, name, fileName, temporaryFolder, maxBytes - total, cancellationToken);
                    if (file is null)
                    {
                        continue;
                    }
                    upload.Files.Add(file);
                    total += file.Length;
                    if (upload.Files.Count > maxFiles)
                    {
                        throw new MalformedUploadException("Too many files.");
                    }
                }
                else
                {
                    if (upload.Fields.Count >= MaxFields)
                    {
                        throw new MalformedUploadException("Too many fields.");
                    }
                    upload.Fields[name] = await ReadFieldAsync(section, cancellationToken);
                }
            }
            if (!checkedBefore)
            {
                await beforeFirstFile(upload);
            }
            return upload;
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new MalformedUploadException(e.Message);
        }
        // Kestrel's body size limit is an IOException too (BadHttpRequestException): it must stay a 413, not become a 400.
        catch (IOException e) when (e is not EndOfStreamException and not BadHttpRequestException)
        {
            throw new MalformedUploadException(e.Message);
        }
    }

    /// <summary>Streams one file to disk; null for the empty part a browser sends for an empty file input.</summary>
    private static async Task<ReceivedFile?> ReceiveFileAsync(MultipartSection section, string field, string fileName, string folder,
        long remaining, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        var buffer = new byte[81920];
        try
        {
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                int read;
                while ((read = await ReadBodyAsync(section.Body, buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > remaining)
                    {
                        throw new UploadTooLargeException();
                    }
                    sha256.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (length == 0 && fileName.Length == 0)
            {
                File.Delete(path);
                return null;
            }
            return new ReceivedFile(field, fileName, section.ContentType, path, ContentHash.From(sha256), length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<int> ReadBodyAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException)
        {
            // MultipartReader's own length limit.
            throw new UploadTooLargeException();
        }
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(section.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[MaxFieldLength + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (length > MaxFieldLength)
        {
            throw new MalformedUploadException("A field is too long.");
        }
        return new string(buffer, 0, length);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var file in Files)
        {
            try
            {
                File.Delete(file.TemporaryPath);
            }
            catch (IOException)
            {
                // The cleanup job removes what could not be removed here.
            }
        }
        return ValueTask.CompletedTask;
    }
}
