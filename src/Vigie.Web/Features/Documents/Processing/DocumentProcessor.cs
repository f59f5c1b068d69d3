using Microsoft.Extensions.Options;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Features.Documents.Processing;

public sealed record ProcessedPage(int Number, string Text, string? ThumbnailFile);

public sealed record ProcessingResult(int? PageCount, IReadOnlyList<ProcessedPage> Pages);

/// <summary>Page count, text and thumbnails of one file, within the time budget of <see cref="DocumentOptions.ProcessingTimeout"/>.</summary>
public sealed class DocumentProcessor(IOptions<DocumentOptions> options, Pdftoppm pdftoppm, ILogger<DocumentProcessor> logger)
{
    /// <summary>Throws <see cref="ProcessingFailure"/> when the file cannot be processed (damaged, protected, too slow).</summary>
    public async Task<ProcessingResult> ProcessAsync(string path, FileFormat format, string workFolder, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.ProcessingTimeout);
        try
        {
            return await ProcessWithinAsync(path, format, workFolder, settings, budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProcessingFailure(
                $"Le traitement a dépassé le temps autorisé ({settings.ProcessingTimeout.TotalSeconds:0} s) : le fichier est peut-être trop complexe ou malformé.");
        }
    }

    private async Task<ProcessingResult> ProcessWithinAsync(string path, FileFormat format, string workFolder, DocumentOptions settings,
        CancellationToken cancellationToken)
    {
        switch (format)
        {
            case FileFormat.Pdf:
                {
                    // PdfPig cannot be interrupted inside a page: the budget is checked between pages, and WaitAsync
                    // lets the queue move on even if one page never ends.
                    var extraction = await Task.Run(() => TextExtraction.Pdf(path, settings.MaxExtractedPages, cancellationToken), cancellationToken)
                        .WaitAsync(cancellationToken);
                    var thumbnails = pdftoppm.Path is { } renderer
                        ? await Thumbnails.PdfAsync(renderer, path, Math.Min(settings.ThumbnailPages, extraction.PageCount ?? 1), workFolder, logger, cancellationToken)
                        : [];
                    var files = thumbnails.ToDictionary(t => t.Page, t => t.File);
                    return new ProcessingResult(extraction.PageCount,
                        extraction.Pages.Select(p => new ProcessedPage(p.Number, p.Text, files.GetValueOrDefault(p.Number))).ToList());
                }
            case FileFormat.Png or FileFormat.Jpeg:
                {
                    var thumbnail = await Task.Run(() => Thumbnails.Image(path, workFolder), cancellationToken).WaitAsync(cancellationToken);
                    return new ProcessingResult(1, [new ProcessedPage(1, "", thumbnail)]);
                }
            case FileFormat.Tiff:
                return new ProcessingResult(null, []);
            case FileFormat.Odt:
                return ToResult(await Task.Run(() => TextExtraction.Odt(path, cancellationToken), cancellationToken).WaitAsync(cancellationToken));
            case FileFormat.Docx:
                return ToResult(await Task.Run(() => TextExtraction.Docx(path, cancellationToken), cancellationToken).WaitAsync(cancellationToken));
            default:
                return ToResult(TextExtraction.PlainText(path));
        }
    }

    private static ProcessingResult ToResult(Extraction extraction) =>
        new(extraction.PageCount, extraction.Pages.Select(p => new ProcessedPage(p.Number, p.Text, null)).ToList());
}
