using BenchmarkDotNet.Running;
using CadreRules.Benchmarks;

// Usage (see benchmarks/README.md):
//   dotnet run -c Release --project benchmarks/CadreRules.Benchmarks -- --filter '*' --job short
//   ... -- --filter '*' --job Dry --sizes 1000        (CI smoke run: one size, one invocation)
//   ... -- --million --filter '*' --job short          (opt-in: one million cadres)
//   ... -- --filter '*' --job short --server-gc        (every implementation with server GC)
var arguments = args.ToList();
bool million = arguments.Remove("--million");
if (arguments.Remove("--server-gc"))
{
    Environment.SetEnvironmentVariable(BenchmarkConfig.ServerGcVariable, "1");
}

int sizes = arguments.IndexOf("--sizes");
if (sizes >= 0 && sizes + 1 < arguments.Count)
{
    // An environment variable rather than a field: BenchmarkDotNet runs each benchmark in a child
    // process, which inherits the environment.
    Environment.SetEnvironmentVariable(EvaluateBenchmarks.SizesVariable, arguments[sizes + 1]);
    arguments.RemoveRange(sizes, 2);
}

var types = million ? new[] { typeof(MillionCadreBenchmarks) } : new[] { typeof(EvaluateBenchmarks) };
var summaries = BenchmarkSwitcher.FromTypes(types).Run(arguments.ToArray()).ToList();

// BenchmarkDotNet reports a benchmark that throws and carries on; CI needs a failing exit code,
// and a filter that matched nothing is a failure too.
bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success))
    || (summaries.Count == 0 && arguments.Contains("--filter"));
return failed ? 1 : 0;
