using System.Diagnostics;
using System.Text.RegularExpressions;
using Vigie.Web.Features.Documents;
using Vigie.Web.Features.Documents.Storage;

namespace Vigie.Tests.Features.Documents;

/// <summary>
/// A real S3-compatible server on loopback: s3rver (npm), installed in tests/s3rver by tests/run.sh, started on a
/// free port of 127.0.0.1 for the test class and stopped after it.
/// </summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    private Process? _process;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"vigie-s3rver-{Guid.NewGuid():N}");

    public string ServiceUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var script = FindScript();
        Directory.CreateDirectory(_directory);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "-d", _directory, "-a", "127.0.0.1", "-p", "0" })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                ServiceUrl = $"http://127.0.0.1:{match.Groups[1].Value}";
                _ = _process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }
        throw new InvalidOperationException($"s3rver did not start: {await _process.StandardError.ReadToEndAsync(CancellationToken.None)}");
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "tests", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
            if (File.Exists(script))
            {
                return script;
            }
        }
        throw new InvalidOperationException("s3rver is not installed: run tests/run.sh (or `npm ci` in tests/s3rver).");
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class S3DocumentStoreTests(S3rverFixture s3rver) : DocumentStoreContract, IClassFixture<S3rverFixture>
{
    protected override async Task<IDocumentStore> CreateStoreAsync()
    {
        var options = new S3StoreOptions
        {
            ServiceUrl = s3rver.ServiceUrl,
            Bucket = "vigie-tests",
            AccessKey = "S3RVER",
            SecretKey = "S3RVER",
            // One prefix per test: each starts from an empty store.
            Prefix = $"test-{Guid.NewGuid():N}/",
        };
        var store = new S3DocumentStore(S3DocumentStore.CreateClient(options), options);
        await store.EnsureBucketAsync(default);
        return store;
    }
}
