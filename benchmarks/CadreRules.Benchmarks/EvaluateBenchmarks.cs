using System.Globalization;
using BenchmarkDotNet.Attributes;
using CadreRules.Comparisons;
using CadreRules.Generation;

namespace CadreRules.Benchmarks;

/// <summary>
/// One generated roster per size, evaluated by the hand-written baseline, the CadreRules engine
/// (sequential and parallel, explanations on as users get them) and the Microsoft RulesEngine
/// workflow. All four produce the same decisions (tests/CadreRules.Tests/Scale/AgreementTests.cs).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[BenchmarkCategory("Evaluate")]
public class EvaluateBenchmarks
{
    /// <summary>Comma-separated roster sizes that replace the defaults, e.g. <c>1000</c> for a CI smoke run.</summary>
    public const string SizesVariable = "CADRERULES_BENCH_SIZES";

    private const int Seed = 2024;

    private Roster _roster = null!;
    private BaselineEvaluator _baseline = null!;
    private CadreEvaluator _sequential = null!;
    private CadreEvaluator _parallel = null!;
    private RulesEngineEvaluator _rulesEngine = null!;

    [ParamsSource(nameof(Sizes))]
    public int Cadres { get; set; }

    public virtual IEnumerable<int> Sizes()
    {
        var configured = Environment.GetEnvironmentVariable(SizesVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? [1_000, 10_000, 100_000]
            : configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture));
    }

    [GlobalSetup]
    public void Setup()
    {
        _roster = RosterGenerator.Generate(Cadres, Seed);
        var rules = CadreRuleSet.CreateDefault();
        _baseline = new BaselineEvaluator();
        _sequential = new CadreEvaluator(rules, engine: new CadreEngineOptions { MaxDegreeOfParallelism = 1 });
        _parallel = new CadreEvaluator(rules, engine: new CadreEngineOptions { MaxDegreeOfParallelism = -1 });
        _rulesEngine = new RulesEngineEvaluator();
    }

    [Benchmark(Baseline = true)]
    public AssessmentReport Baseline() => _baseline.Evaluate(_roster);

    [Benchmark]
    public AssessmentReport EngineSequential() => _sequential.Evaluate(_roster);

    [Benchmark]
    public AssessmentReport EngineParallel() => _parallel.Evaluate(_roster);

    [Benchmark]
    public AssessmentReport RulesEngine() => _rulesEngine.Evaluate(_roster);
}

/// <summary>The same benchmarks on a million cadres; opt-in with <c>--million</c> (minutes per run).</summary>
[BenchmarkCategory("Million")]
public class MillionCadreBenchmarks : EvaluateBenchmarks
{
    public override IEnumerable<int> Sizes() => [1_000_000];
}
