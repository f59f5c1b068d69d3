using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Vigie.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Vigie.Benchmarks -- --filter '*'
/// In-process: the benchmarks share one throw-away PostgreSQL started for the run.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["--bulk-export", var count])
        {
            await BulkExportMeasure.RunAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (args is ["--search-sql"])
        {
            // For EXPLAIN by hand: the statement the site runs.
            Console.WriteLine(typeof(Vigie.Web.Features.Search.SiteSearch).GetMethod("Sql", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, [true]));
            return;
        }
        if (args is ["--scale", ..])
        {
            await ScaleMeasure.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : SyntheticDatabase.Cases);
            return;
        }
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args, config);
    }
}
