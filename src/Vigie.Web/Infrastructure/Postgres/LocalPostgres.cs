using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Vigie.Web.Infrastructure.Postgres;

/// <summary>
/// A private PostgreSQL server run from the machine's server binaries (initdb, pg_ctl), listening on
/// 127.0.0.1 only, with its data in a folder we own. Used when no connection string is configured, and
/// by the tests. When running as root the server runs as the <c>postgres</c> user, since PostgreSQL
/// refuses to run as root.
/// Several processes may use one cluster (the site, and a command such as <c>admin create</c> run while it serves):
/// each registers in <see cref="ClusterUsers"/>, and only the last one to leave stops the server.
/// </summary>
public sealed class LocalPostgres : IDisposable
{
    public const string UserName = "vigie";
    private const string ServiceUser = "postgres";

    private readonly string _binDirectory;
    private readonly string _clusterDirectory;
    private readonly string _passwordFile;
    private readonly ClusterUsers _users;
    private readonly string _registration;
    private readonly Action<string> _log;
    private bool _stopped;

    public int Port { get; }
    public string Password { get; }

    private LocalPostgres(string binDirectory, string clusterDirectory, string passwordFile, ClusterUsers users, string registration, int port,
        string password, Action<string> log)
    {
        _binDirectory = binDirectory;
        _clusterDirectory = clusterDirectory;
        _passwordFile = passwordFile;
        _users = users;
        _registration = registration;
        Port = port;
        Password = password;
        _log = log;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = UserName,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Starts (creating it first if needed) the cluster under <paramref name="dataDirectory"/>.
    /// <paramref name="durable"/> false turns off fsync: for throw-away test clusters only.
    /// </summary>
    public static LocalPostgres Start(string dataDirectory, Action<string> log, bool durable = true, bool installIfMissing = true, int? port = null)
    {
        var bin = FindBinDirectory() ?? (installIfMissing ? InstallServer(log) : null)
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install the Debian package 'postgresql' " +
                "or set ConnectionStrings:Vigie to an existing server.");

        Directory.CreateDirectory(dataDirectory);
        var cluster = Path.Combine(dataDirectory, "postgres");
        var passwordFile = Path.Combine(dataDirectory, "postgres.password");
        var runAsService = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        if (runAsService)
        {
            MakeTraversable(dataDirectory);
        }

        var users = new ClusterUsers(dataDirectory);
        LocalPostgres server;
        // Under the cluster's lock: a process starting at the same time waits instead of starting a second server,
        // and no one stops the server between our finding it running and our registering as one of its users.
        using (users.Lock())
        {
            if (!File.Exists(Path.Combine(cluster, "PG_VERSION")))
            {
                InitCluster(bin, cluster, passwordFile, runAsService, durable, log);
            }

            var password = File.ReadAllText(passwordFile).Trim();
            var running = RunningPort(cluster);
            int listening;
            if (running is int existing && CanConnect(existing))
            {
                log($"Réutilisation du serveur PostgreSQL local déjà démarré sur 127.0.0.1:{existing}.");
                listening = existing;
            }
            else
            {
                listening = port ?? FreePort();
                var logFile = Path.Combine(cluster, "server.log");
                Run(bin, "pg_ctl", runAsService, "start", "-w", "-t", "120", "-D", cluster, "-l", logFile, "-o", $"-p {listening}");
                log($"PostgreSQL local démarré sur 127.0.0.1:{listening} (données : {cluster}).");
            }
            server = new LocalPostgres(bin, cluster, passwordFile, users, users.Register(), listening, password, log);
        }

        server.WaitUntilReady();
        return server;
    }

    public void EnsureDatabase(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>Leaves the server; stops it unless another live process still uses it.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        using (_users.Lock())
        {
            _users.Unregister(_registration);
            var others = _users.LiveProcesses();
            if (others.Count > 0)
            {
                _log($"PostgreSQL local laissé en marche : utilisé par un autre processus Vigie (pid {string.Join(", ", others)}).");
                return;
            }
            try
            {
                Run(_binDirectory, "pg_ctl", IsRoot(), "stop", "-w", "-m", "fast", "-D", _clusterDirectory);
                _log("PostgreSQL local arrêté.");
            }
            catch (InvalidOperationException e)
            {
                _log($"Arrêt de PostgreSQL local impossible : {e.Message}");
            }
        }
    }

    public void Dispose() => Stop();

    /// <summary>Stops a cluster left running by a process that is gone, if it is running.</summary>
    public static void StopCluster(string cluster)
    {
        if (RunningPort(cluster) is null || FindBinDirectory() is not { } bin)
        {
            return;
        }
        Run(bin, "pg_ctl", IsRoot(), "stop", "-w", "-m", "immediate", "-D", cluster);
    }

    /// <summary>The folder holding the cluster's password file; kept for diagnostics.</summary>
    public string PasswordFile => _passwordFile;

    private static void InitCluster(string bin, string cluster, string passwordFile, bool runAsService, bool durable, Action<string> log)
    {
        log($"Création d'un serveur PostgreSQL local dans {cluster}…");
        if (Directory.Exists(cluster))
        {
            Directory.Delete(cluster, recursive: true);
        }
        Directory.CreateDirectory(cluster);

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(passwordFile, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // initdb reads the password from a file; it must be readable by the user initdb runs as.
        var initPasswordFile = Path.Combine(cluster, "..", $".initdb-{Guid.NewGuid():N}");
        File.WriteAllText(initPasswordFile, password);
        try
        {
            if (runAsService)
            {
                Chown(cluster);
                Chown(initPasswordFile);
            }
            Run(bin, "initdb", runAsService, "-D", cluster, "-U", UserName, "--pwfile", initPasswordFile,
                "-E", "UTF8", "--locale", "C.UTF-8", "--auth-host", "scram-sha-256", "--auth-local", "reject");
        }
        finally
        {
            File.Delete(initPasswordFile);
        }

        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 200",
            "shared_buffers = 128MB",
            "log_min_messages = warning",
        };
        if (!durable)
        {
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }
        File.AppendAllLines(Path.Combine(cluster, "postgresql.conf"), ["", "# Vigie local server", .. settings]);
    }

    private void WaitUntilReady()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                connection.Open();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(100);
            }
        }
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The port of a server already running on this cluster (e.g. left by a killed app), from postmaster.pid.</summary>
    private static int? RunningPort(string cluster)
    {
        var pidFile = Path.Combine(cluster, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }
        try
        {
            var lines = File.ReadAllLines(pidFile);
            if (lines.Length > 3 && int.TryParse(lines[0], out var pid) && int.TryParse(lines[3], out var port))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    return process.HasExited ? null : port;
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("VIGIE_PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var best = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (best.Dir is not null)
            {
                return Path.Combine(best.Dir, "bin");
            }
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }
        return null;
    }

    private static string? InstallServer(Action<string> log)
    {
        log("PostgreSQL est absent : installation du paquet Debian 'postgresql' (apt-get)…");
        return DebianPackages.TryInstall("postgresql", "postgresql-contrib") ? FindBinDirectory() : null;
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static void MakeTraversable(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // Temporary folders are created 0700; the postgres user must be able to reach the cluster inside.
        var mode = File.GetUnixFileMode(directory);
        File.SetUnixFileMode(directory, mode | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    private static void Chown(string path) => RunProcess(["chown", "-R", $"{ServiceUser}:{ServiceUser}", path], null);

    private static void Run(string bin, string tool, bool asService, params string[] args)
    {
        var command = Path.Combine(bin, tool);
        string[] argv = asService ? ["runuser", "-u", ServiceUser, "--", command, .. args] : [command, .. args];
        RunProcess(argv, null);
    }

    private static void RunProcess(string[] argv, IDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Impossible de lancer {argv[0]}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(' ', argv.Take(6))} a échoué (code {process.ExitCode}) : {stderr.Result.Trim()} {stdout.Result.Trim()}");
        }
    }
}
