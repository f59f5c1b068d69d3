using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Vigie.Tests.Infrastructure;

/// <summary>
/// Vigie.Web.dll (copied beside the tests by the project reference) run as a real process, as the site or as a command,
/// with its output (standard output and error) kept line by line.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, bool redirectInput)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Vigie.Web.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Settings of the test run itself must not leak into the app.
        info.Environment.Remove("ConnectionStrings__Vigie");
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) =>
        {
            // Exited may come before the last lines: WaitForExit() without a timeout waits for them.
            _process.WaitForExit();
            _exited.TrySetResult(_process.ExitCode);
            lock (_awaited)
            {
                _awaited.ForEach(a => a.Seen.TrySetException(new InvalidOperationException($"the app exited without writing « {a.Text} »:\n{Output}")));
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Url { get; private init; } = new("http://127.0.0.1");

    /// <summary>Everything the process wrote so far.</summary>
    public string Output => string.Join('\n', _lines);

    public IReadOnlyList<string> Lines => [.. _lines];

    public Task<int> Exited => _exited.Task;

    public StreamWriter Input => _process.StandardInput;

    /// <summary>Starts the site on a free loopback port; returns once Kestrel listens.</summary>
    public static async Task<AppProcess> StartSiteAsync(IReadOnlyDictionary<string, string> environment)
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var site = new AppProcess(["--urls", $"http://127.0.0.1:{port}"], environment, redirectInput: false) { Url = new Uri($"http://127.0.0.1:{port}") };
        await site.WaitForLineAsync("Now listening on", TimeSpan.FromMinutes(4));
        return site;
    }

    /// <summary>Starts a command (<c>admin create …</c>); the caller waits for <see cref="Exited"/>.</summary>
    public static AppProcess StartCommand(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(arguments, environment, redirectInput: true);

    /// <summary>Runs a command to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var command = StartCommand(environment, arguments);
        command.Input.Close();
        var code = await command.Exited.WaitAsync(TimeSpan.FromMinutes(4));
        return (code, command.Output);
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been written (or was already).</summary>
    public Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaited)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }
            if (_exited.Task.IsCompleted)
            {
                return Task.FromException(new InvalidOperationException($"the app exited without writing « {text} »:\n{Output}"));
            }
            _awaited.Add((text, seen));
        }
        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>Asks the app to stop as Ctrl+C or a service manager would (SIGTERM), and waits until it has.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        return await Exited.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public void Kill() => _process.Kill(entireProcessTree: false);

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_awaited)
        {
            _lines.Enqueue(line);
            foreach (var awaited in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)).ToList())
            {
                awaited.Seen.TrySetResult();
                _awaited.Remove(awaited);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}
