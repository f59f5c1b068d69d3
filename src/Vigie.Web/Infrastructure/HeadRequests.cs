namespace Vigie.Web.Infrastructure;

/// <summary>
/// HEAD is answered as the GET it stands for, without the body: MVC's [HttpGet] does not match HEAD, and link
/// checkers and uptime monitors use it. First in the pipeline, so that error pages and status-code re-execution see
/// a GET too; the output cache, further in, sees a GET and stores the full body, which only this middleware drops.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next();
            return;
        }
        var original = context.Response.Body;
        await using var discarded = new CountingNullStream();
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = discarded;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
            context.Request.Method = HttpMethods.Head;
        }
        // RFC 9110 §9.3.2: the length GET would have sent, when the response did not say it and has not started
        // (not on a 204 or 304, which have no content of their own).
        if (!context.Response.HasStarted && context.Response.ContentLength is null && !context.Response.Headers.ContainsKey("Transfer-Encoding")
            && context.Response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified))
        {
            context.Response.ContentLength = discarded.Length;
        }
    });

    private sealed class CountingNullStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
    }
}
