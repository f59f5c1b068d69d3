using Microsoft.Extensions.Options;
using Vigie.Web.Data.Seeding;
using Vigie.Web.Infrastructure.Database;

namespace Vigie.Web.Infrastructure;

/// <summary>
/// Administrative commands run through the app: <c>dotnet run --project src/Vigie.Web -- seed</c>.
/// They use the same configuration and database as the site, then exit.
/// </summary>
public static class CommandLine
{
    /// <summary>The command, or null when the app is to serve: a command is the first argument ("-- seed"); options such as "--urls http://…" are for the host.</summary>
    public static string? CommandOf(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) ? args[0] : null;

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (CommandOf(args) is not { } command)
        {
            return false;
        }
        try
        {
            await RunAsync(app, command, args);
        }
        finally
        {
            // Stops the embedded server only if no other process (the site, most often) still uses it.
            app.Services.GetService<Postgres.LocalPostgres>()?.Stop();
            await app.DisposeAsync();
        }
        return true;
    }

    private static async Task RunAsync(WebApplication app, string command, string[] args)
    {
        switch (command)
        {
            case "seed":
                await RunSeedAsync(app);
                break;
            case "migrate":
                {
                    var options = app.Services.GetRequiredService<IOptions<VigieOptions>>().Value;
                    options.SeedOnStartup = false;
                    await app.PrepareDatabaseAsync();
                    Console.WriteLine("Migrations appliquées.");
                    break;
                }
            case "documents":
                {
                    var options = app.Services.GetRequiredService<IOptions<VigieOptions>>().Value;
                    options.SeedOnStartup = false;
                    await app.PrepareDatabaseAsync();
                    Environment.ExitCode = await Features.Documents.DocumentsCommand.RunAsync(app.Services, args.SkipWhile(a => a != "documents").ToArray(), Console.Out);
                    break;
                }
            case "generate":
                {
                    await app.PrepareDatabaseAsync();
                    Environment.ExitCode = await Features.Generator.GenerateCommand.RunAsync(app.Services, args.SkipWhile(a => a != "generate").ToArray(), Console.Out);
                    break;
                }
            case "backup" or "restore":
                {
                    var options = app.Services.GetRequiredService<IOptions<VigieOptions>>().Value;
                    options.SeedOnStartup = false;
                    options.MigrateOnStartup = false;
                    var folder = args.SkipWhile(a => a != "--to" && a != "--from").Skip(1).FirstOrDefault();
                    if (folder is null)
                    {
                        Console.Error.WriteLine("Usage : backup --to <dossier> | restore --from <dossier>");
                        Environment.ExitCode = 2;
                        break;
                    }
                    await using var scope = app.Services.CreateAsyncScope();
                    var connectionString = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(
                        scope.ServiceProvider.GetRequiredService<Data.VigieDbContext>().Database)!;
                    var backup = ActivatorUtilities.CreateInstance<Backup.BackupService>(app.Services);
                    try
                    {
                        if (command == "backup")
                        {
                            var manifest = await backup.BackupAsync(connectionString, Path.GetFullPath(folder), Console.Out, default);
                            Console.WriteLine($"Sauvegarde complète dans {Path.GetFullPath(folder)} ({manifest.Files} fichiers).");
                        }
                        else
                        {
                            await backup.RestoreAsync(connectionString, Path.GetFullPath(folder), Console.Out, default);
                            Console.WriteLine("Restauration terminée.");
                        }
                    }
                    catch (InvalidOperationException e)
                    {
                        Console.Error.WriteLine(e.Message);
                        Environment.ExitCode = 1;
                    }
                    break;
                }
            case "admin":
                {
                    var options = app.Services.GetRequiredService<IOptions<VigieOptions>>().Value;
                    options.SeedOnStartup = false;
                    await app.PrepareDatabaseAsync();
                    var positional = args.SkipWhile(a => a != "admin").ToArray();
                    Environment.ExitCode = await Security.AdminCommand.RunAsync(app.Services, positional, Console.In, Console.Out);
                    break;
                }
            default:
                Console.Error.WriteLine($"Commande inconnue « {command} ». Commandes : seed, migrate, admin create, documents cleanup, documents process, generate, backup --to, restore --from.");
                Environment.ExitCode = 2;
                break;
        }
    }

    private static async Task RunSeedAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<VigieOptions>>().Value;
        options.SeedOnStartup = false;
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        // Not at the same time as a site starting on the same database, which may be seeding too.
        await using var exclusive = await DatabaseSetup.PreparationLockAsync(scope.ServiceProvider.GetRequiredService<Data.VigieDbContext>());
        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(options.ResolveSeedsDirectory());
            Console.WriteLine($"{report.Communes} communes ({report.CommunesChanged} modifiées), {report.CasesAdded} dossiers et {report.CampaignsAdded} campagnes ajoutés en {report.Elapsed.TotalMilliseconds:N0} ms.");
        }
        catch (SeedException e)
        {
            Console.Error.WriteLine($"Import refusé, rien n'a été enregistré. {e.Message}");
            Environment.ExitCode = 1;
        }
    }
}
