using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CadreRules.Benchmarks;

/// <summary>
/// Adds bytes allocated per cadre next to BenchmarkDotNet's per-operation columns, and runs every
/// job with server GC when <c>--server-gc</c> was given (<see cref="ServerGcVariable"/>).
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Set to <c>1</c> by <c>--server-gc</c>: every implementation runs with server garbage collection.</summary>
    public const string ServerGcVariable = "CADRERULES_BENCH_SERVER_GC";

    public BenchmarkConfig()
    {
        AddColumn(new AllocatedPerCadreColumn());
        if (Environment.GetEnvironmentVariable(ServerGcVariable) == "1")
        {
            // A mutator changes the jobs chosen on the command line (--job short) instead of adding one.
            AddJob(Job.Default.WithGcServer(true).AsMutator());
        }
    }
}

/// <summary>Allocated bytes per operation divided by the <c>Cadres</c> parameter.</summary>
public sealed class AllocatedPerCadreColumn : IColumn
{
    public string Id => nameof(AllocatedPerCadreColumn);

    public string ColumnName => "Alloc/cadre";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Bytes allocated per operation divided by the number of cadres";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        long? bytes = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        if (bytes is null || benchmarkCase.Parameters["Cadres"] is not int cadres || cadres == 0)
        {
            return "-";
        }

        return $"{bytes.Value / (double)cadres:N0} B";
    }
}
