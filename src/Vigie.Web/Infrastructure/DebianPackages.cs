using System.Diagnostics;

namespace Vigie.Web.Infrastructure;

/// <summary>Installs Debian packages the embedded development setup needs, as root or through passwordless sudo.</summary>
public static class DebianPackages
{
    public static bool TryInstall(params string[] packages)
    {
        var sudo = Environment.UserName == "root" ? Array.Empty<string>() : ["sudo", "-n"];
        return Run([.. sudo, "apt-get", "update", "-qq"]) && Run([.. sudo, "apt-get", "install", "-y", "-qq", .. packages]);
    }

    private static bool Run(string[] argv)
    {
        try
        {
            var info = new ProcessStartInfo(argv[0]) { UseShellExecute = false };
            foreach (var arg in argv.Skip(1))
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(info);
            process?.WaitForExit();
            return process?.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"Installation impossible ({argv[0]}) : {e.Message}");
            return false;
        }
    }
}
