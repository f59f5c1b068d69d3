using System.Globalization;

namespace Vigie.Web.Features.Generator;

/// <summary><c>generate --cases N [--documents-per-case D] [--seed S] [--force]</c>: synthetic data for scale tests.</summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        int? cases = null;
        var documents = 1;
        var seed = 20261126;
        var force = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cases" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 2_000_000:
                    cases = n;
                    i++;
                    break;
                case "--documents-per-case" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 20:
                    documents = d;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    cases = null;
                    i = args.Length;
                    break;
            }
        }
        if (cases is null)
        {
            output.WriteLine("Usage : generate --cases N [--documents-per-case D (1)] [--seed S] [--force]");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var generator = ActivatorUtilities.CreateInstance<SyntheticData>(scope.ServiceProvider);
        var report = await generator.GenerateAsync(new GeneratorOptions(cases.Value, documents, force, seed), output, CancellationToken.None);
        if (report.Refused)
        {
            output.WriteLine($"Des données synthétiques existent déjà (dossiers « {SyntheticData.Prefix}… ») : rien n'a été fait. Relancez avec --force pour les remplacer.");
            return 1;
        }
        output.WriteLine($"{report.Cases} dossiers, {report.Contracts} marchés, {report.Requests} demandes et {report.Documents} documents synthétiques " +
            $"créés en {report.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
