using System.Globalization;
using CadreRules.Cli;
using CadreRules.Generation;
using CadreRules.Serialization;

namespace CadreRules.Tests.Cli;

public sealed class ExplainCommandTests
{
    private static readonly Roster Sample = RosterReader.ReadFile(CliHarness.SamplePath);

    [Theory]
    [InlineData("C-017")]
    [InlineData("C-035")]
    [InlineData("C-064")]
    [InlineData("C-103")]
    public void Explain_CadreWithDecisions_ListsEveryRuleAndEveryEvidenceRecordWithDate(string cadreId)
    {
        var report = CliHarness.Evaluator.Evaluate(Sample);
        var decisions = report.For(cadreId).ToList();
        decisions.Should().NotBeEmpty("the sample cadre {0} demonstrates rules", cadreId);

        var result = CliHarness.Run("explain", CliHarness.SamplePath, cadreId);

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Stderr.Should().BeEmpty();
        foreach (var decision in decisions)
        {
            result.Stdout.Should().Contain(decision.Kind.Name);
            foreach (var rule in decision.Rules)
            {
                result.Stdout.Should().Contain(rule);
            }
        }

        var lines = result.Stdout.Split('\n');
        foreach (var evidence in Sample.Evidence.Where(e => e.CadreId == cadreId))
        {
            lines.Should().Contain(l => l.Contains(evidence.Id, StringComparison.Ordinal)
                && l.Contains(evidence.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                && l.Contains(evidence.Channel.ToString(), StringComparison.Ordinal)
                && l.Contains(evidence.Kind.ToString(), StringComparison.Ordinal));
        }

        foreach (var measure in Sample.Measures.Where(m => m.CadreId == cadreId))
        {
            lines.Should().Contain(l => l.Contains(measure.Id, StringComparison.Ordinal)
                && l.Contains(measure.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                && l.Contains(measure.Kind.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Explain_Cadre_IncludesTheDecisionsAboutItsUnit()
    {
        var result = CliHarness.Run("explain", CliHarness.SamplePath, "C-017");

        result.Stdout.Should().Contain("U-JF").And.Contain("SpecialInspection").And.Contain("ASSESS-02").And.Contain("Why");
    }

    [Fact]
    public void Explain_CadreWithoutDecisions_ExitsZeroAndSaysSo()
    {
        var result = CliHarness.Run("explain", CliHarness.SamplePath, "C-007");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Stdout.Should().Contain("0 decisions about the cadre").And.Contain("Unfounded");
    }

    [Fact]
    public void Explain_UnknownCadre_ExitsTwoNamingTheIdWithNothingOnStdout()
    {
        var result = CliHarness.Run("explain", CliHarness.SamplePath, "C-999");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("$.cadres: ").And.Contain("'C-999'");
    }

    [Fact]
    public void Explain_InvalidRoster_ExitsTwoBeforeLookingForTheCadre()
    {
        using var temp = new TempDirectory();
        string roster = temp.Write("bad.json", """{ "schemaVersion": 1, "period": "2024H2", "cadres": 5 }""");

        var result = CliHarness.Run("explain", roster, "C-001");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.StderrLines.Should().OnlyContain(l => l.StartsWith("$.cadres", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_LargeRosterUnknownCadreAndInvalidOptions_ReportsTheCadreFirst()
    {
        // The evaluator is built (and fails, options invalid) while the large roster is read; the
        // unknown cadre is still what is reported, as when the evaluator is asked for after the check.
        using var temp = new TempDirectory();
        string path = temp.File("large.json");
        RosterWriter.WriteFile(RosterGenerator.Generate(1500, 7), path);
        new FileInfo(path).Length.Should().BeGreaterThanOrEqualTo(CliContext.OverlapMinimumBytes);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(["explain", path, "C-999999"], stdout, stderr, o => o.RecentWindowMonths = -1);

        code.Should().Be(ExitCodes.InvalidInput);
        stderr.ToString().Should().StartWith("$.cadres: ").And.NotContain(nameof(CadrePolicyOptions.RecentWindowMonths));
    }

    [Fact]
    public void Explain_LargeRoster_SameAsTheSmallPath()
    {
        using var temp = new TempDirectory();
        string path = temp.File("large.json");
        var roster = RosterGenerator.Generate(1500, 7);
        RosterWriter.WriteFile(roster, path);
        string cadre = CliHarness.Evaluator.Evaluate(roster).Decisions.First(d => d.Subject.StartsWith("C-", StringComparison.Ordinal)).Subject;
        using var expected = new StringWriter();
        CadreRules.Cli.Output.ExplanationText.Write(expected, CliHarness.Evaluator.Explain(RosterReader.ReadFile(path), cadre));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(["explain", path, cadre], stdout, stderr, configure: null);

        code.Should().Be(ExitCodes.Success, stderr.ToString());
        stdout.ToString().Should().Be(expected.ToString());
    }
}
