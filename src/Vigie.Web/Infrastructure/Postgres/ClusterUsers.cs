using System.Diagnostics;

namespace Vigie.Web.Infrastructure.Postgres;

/// <summary>
/// The processes using a local cluster: one file per user under <c>postgres.users/</c> in the data folder, named by
/// process id and holding the process's start time (a recycled pid is not mistaken for the user that is gone). A
/// process that was killed leaves its file behind; it no longer counts once its process is gone. Changes are made under
/// <c>postgres.lock</c>, an exclusive lock on a file that the system releases if its holder dies.
/// </summary>
public sealed class ClusterUsers(string dataDirectory)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(3);

    private string Folder => Path.Combine(dataDirectory, "postgres.users");

    /// <summary>Waits for the cluster's lock (another process may be starting or stopping the server).</summary>
    public IDisposable Lock()
    {
        var path = Path.Combine(dataDirectory, "postgres.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                Thread.Sleep(50);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"Le serveur PostgreSQL local est occupé par un autre processus Vigie depuis plus de {LockWait.TotalMinutes:0} minutes ({path}).", e);
            }
        }
    }

    /// <summary>Records this process as a user; returns the registration to remove when done.</summary>
    public string Register()
    {
        Directory.CreateDirectory(Folder);
        using var self = Process.GetCurrentProcess();
        var name = $"{self.Id}-{Guid.NewGuid():N}";
        File.WriteAllText(Path.Combine(Folder, name), StartTicks(self).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return name;
    }

    public void Unregister(string registration) => File.Delete(Path.Combine(Folder, registration));

    /// <summary>The ids of the live processes still registered; forgets those that are gone.</summary>
    public IReadOnlyList<int> LiveProcesses()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var live = new SortedSet<int>();
        foreach (var file in Directory.GetFiles(Folder))
        {
            var name = Path.GetFileName(file);
            if (int.TryParse(name.Split('-')[0], out var pid) && long.TryParse(ReadQuietly(file), out var started) && IsAlive(pid, started))
            {
                live.Add(pid);
            }
            else
            {
                File.Delete(file);
            }
        }
        return [.. live];
    }

    private static bool IsAlive(int pid, long startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // Start times read back from the system are rounded to its clock ticks.
            return !process.HasExited && Math.Abs(StartTicks(process) - startTicks) < TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;

    private static string? ReadQuietly(string file)
    {
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
