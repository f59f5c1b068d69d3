using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Vigie.Web.Features.Documents.Storage;

/// <summary>
/// Files as objects <c>{prefix}sha256/abcdef…</c> of an S3-compatible bucket (AWS, MinIO…), for deployments that run
/// several app instances. A single PUT is atomic: the object appears complete or not at all, so there are no
/// partial writes to clean up (files are at most the upload limit, far below the 5 GB of one PUT).
/// </summary>
public sealed class S3DocumentStore(IAmazonS3 client, S3StoreOptions options) : IDocumentStore
{
    private string KeyOf(ContentHash hash) => $"{options.Prefix}sha256/{hash.Value}";

    public static IAmazonS3 CreateClient(S3StoreOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // S3-compatible servers do not all know the newer checksum trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
        }
        return options.AccessKey is null
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = options.Bucket }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    public async Task PutAsync(ContentHash hash, string localFile, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(hash, cancellationToken))
        {
            return;
        }
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = KeyOf(hash),
            FilePath = localFile,
            ContentType = "application/octet-stream",
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(ContentHash hash, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetObjectAsync(options.Bucket, KeyOf(hash), cancellationToken);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(ContentHash hash, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetObjectMetadataAsync(options.Bucket, KeyOf(hash), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public Task DeleteAsync(ContentHash hash, CancellationToken cancellationToken) =>
        client.DeleteObjectAsync(options.Bucket, KeyOf(hash), cancellationToken);

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = $"{options.Prefix}sha256/";
        var request = new ListObjectsV2Request { BucketName = options.Bucket, Prefix = prefix };
        while (true)
        {
            var response = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in response.S3Objects ?? [])
            {
                if (ContentHash.TryParse(o.Key[prefix.Length..], out var hash))
                {
                    yield return new StoredBlob(hash, o.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : DateTimeOffset.MinValue, o.Size ?? 0);
                }
            }
            if (response.IsTruncated != true)
            {
                yield break;
            }
            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    /// <summary>Nothing to do: a PUT that did not complete leaves no object.</summary>
    public Task<int> RemoveAbandonedWritesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>The object's body, which also disposes the response (and its connection) when closed.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
