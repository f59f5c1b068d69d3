namespace Vigie.Web.Features.Documents;

/// <summary>The "Vigie:Documents" settings: upload limits, the store, background processing, cleanup.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Vigie:Documents";

    /// <summary>Largest upload: all the files of one form together.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    public int MaxFilesPerUpload { get; set; } = 10;

    /// <summary><c>Disk</c> (default) or <c>S3</c>.</summary>
    public string Store { get; set; } = "Disk";

    /// <summary>The disk store's folder. Default: documents/ in the data directory.</summary>
    public string? Directory { get; set; }

    public S3StoreOptions S3 { get; set; } = new();

    /// <summary>Run the processing queue in this instance.</summary>
    public bool ProcessInBackground { get; set; } = true;

    /// <summary>How often an idle worker looks for work left by another instance or a restart.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time budget for processing one file (text extraction and thumbnails).</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>PDFs with more pages are only partly extracted (the page count stays exact).</summary>
    public int MaxExtractedPages { get; set; } = 2000;

    /// <summary>Pages of a PDF that get a thumbnail.</summary>
    public int ThumbnailPages { get; set; } = 6;

    public int MaxAttempts { get; set; } = 3;

    /// <summary>The cleanup of orphaned files and abandoned temporary files runs this often (zero: never in the background).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Temporary files older than this belong to uploads or writes that will never finish.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the files of a form shown again (a missing title…) are kept for its next submission.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromHours(24);

    public string PdftoppmPath { get; set; } = "pdftoppm";
}

public sealed class S3StoreOptions
{
    /// <summary>e.g. http://minio:9000; empty: AWS itself, from the region.</summary>
    public string? ServiceUrl { get; set; }
    public string Bucket { get; set; } = "vigie-documents";
    public string Region { get; set; } = "us-east-1";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    /// <summary>Path-style addresses (MinIO and most S3-compatible servers need it).</summary>
    public bool ForcePathStyle { get; set; } = true;
    /// <summary>Prefix of every key, to share a bucket.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Create the bucket at start-up when it is missing.</summary>
    public bool CreateBucket { get; set; }
}
