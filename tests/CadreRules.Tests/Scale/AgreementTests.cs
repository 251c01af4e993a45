using CadreRules.Comparisons;
using CadreRules.Generation;

namespace CadreRules.Tests.Scale;

/// <summary>
/// The CadreRules engine, the hand-written baseline and the RulesEngine workflow are three
/// independent readings of POLICY.md: on generated rosters they must produce the same decisions
/// (everything but reasons) and the same statistics.
/// </summary>
public sealed class AgreementTests
{
    private static readonly CadreRuleSet Rules = CadreRuleSet.CreateDefault();

    [Theory]
    [InlineData(2_500, 1)]
    [InlineData(2_500, 7)]
    [InlineData(2_500, 2024)]
    public void Evaluate_GeneratedRoster_EngineAgreesWithBaseline(int cadres, int seed)
    {
        var roster = RosterGenerator.Generate(cadres, seed);

        var engine = new CadreEvaluator(Rules).Evaluate(roster);
        var baseline = new BaselineEvaluator().Evaluate(roster);

        ReportComparison.Differences(baseline, engine).Should().BeEmpty();
        engine.Statistics.Should().Be(baseline.Statistics);
        engine.Counts.Should().Equal(baseline.Counts);
    }

    [Theory]
    [InlineData(2_500, 1)]
    [InlineData(2_500, 7)]
    [InlineData(2_500, 2024)]
    public void Evaluate_GeneratedRoster_RulesEngineAgreesWithBaseline(int cadres, int seed)
    {
        var roster = RosterGenerator.Generate(cadres, seed);

        var rulesEngine = new RulesEngineEvaluator().Evaluate(roster);
        var baseline = new BaselineEvaluator().Evaluate(roster);

        ReportComparison.Differences(baseline, rulesEngine).Should().BeEmpty();
        rulesEngine.Statistics.Should().Be(baseline.Statistics);
    }

    [Fact]
    public void Evaluate_GeneratedRoster_SequentialAndParallelEngineAgree()
    {
        var roster = RosterGenerator.Generate(2_000, 3);

        var sequential = new CadreEvaluator(Rules, engine: new CadreEngineOptions { MaxDegreeOfParallelism = 1, CadresPerSession = 1 }).Evaluate(roster);
        var parallel = new CadreEvaluator(Rules, engine: new CadreEngineOptions { MaxDegreeOfParallelism = -1, CadresPerSession = 37 }).Evaluate(roster);

        ReportComparison.Lines(parallel).Should().Equal(ReportComparison.Lines(sequential));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(2024)]
    public void Evaluate_ThousandCadreRoster_EveryBuiltInKindAndRuleAppears(int seed)
    {
        var roster = RosterGenerator.Generate(1_000, seed);

        var report = new CadreEvaluator(Rules).Evaluate(roster);

        report.Counts.Keys.Should().BeEquivalentTo(DecisionKind.BuiltIn.Select(k => k.Name));
        report.Decisions.SelectMany(d => d.Rules).Distinct().Should().BeEquivalentTo(Rules.Rules.Select(r => r.Id));
        report.Decisions.Where(d => d.Kind == DecisionKind.ReinstatementCandidate).Select(d => d.GetDetail(DetailKeys.Form))
            .Should().Contain(["Promotion", "Reappointment"]);
        report.Statistics.RedPromoted.Should().BePositive();
        report.Statistics.YellowReminded.Should().BePositive();
        report.Statistics.YellowAdjusted.Should().BePositive();
    }
}
