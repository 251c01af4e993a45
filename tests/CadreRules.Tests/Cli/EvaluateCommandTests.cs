using System.Globalization;
using System.Text;
using System.Text.Json;
using CadreRules.Cli;
using CadreRules.Cli.Commands;
using CadreRules.Generation;
using CadreRules.Serialization;

namespace CadreRules.Tests.Cli;

public sealed class EvaluateCommandTests
{
    private const string InvalidRoster = """
        { "schemaVersion": 2, "period": "2024H3",
          "units": [ { "id": "U-1", "name": "x", "kind": "Town" } ],
          "cadres": [ { "id": "C-1", "name": "a", "unitId": "U-9", "rank": "Division", "leadershp": true } ] }
        """;

    [Fact]
    public void Evaluate_SampleRoster_ExitsZeroWithReportOnStdoutOnly()
    {
        var result = CliHarness.Run("evaluate", CliHarness.SamplePath);

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Stderr.Should().BeEmpty();
        using var report = JsonDocument.Parse(result.Stdout);
        report.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        report.RootElement.GetProperty("period").GetString().Should().Be("2024H2");
        report.RootElement.GetProperty("decisions").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public void Evaluate_SampleRoster_StdoutIsTheReportWriterJsonPlusNewline()
    {
        var roster = RosterReader.ReadFile(CliHarness.SamplePath);
        var expected = ReportWriter.ToJson(CliHarness.Evaluator.Evaluate(roster)) + "\n";

        var result = CliHarness.Run("evaluate", CliHarness.SamplePath, "--format", "json");

        result.Stdout.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_TwoRuns_ByteIdenticalJson()
    {
        using var temp = new TempDirectory();
        string first = temp.File("first.json");
        string second = temp.File("second.json");

        var a = CliHarness.Run("evaluate", CliHarness.SamplePath, "--out", first);
        var b = CliHarness.Run("evaluate", CliHarness.SamplePath, "--out", second);

        a.ExitCode.Should().Be(ExitCodes.Success);
        b.ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllBytes(first).Should().Equal(File.ReadAllBytes(second));
    }

    [Fact]
    public void Evaluate_Out_WritesFileIdenticalToStdoutAndNothingToStdout()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "nested", "report.json");
        string stdout = CliHarness.Run("evaluate", CliHarness.SamplePath).Stdout;

        var result = CliHarness.Run("evaluate", CliHarness.SamplePath, "--out", path);

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().Contain(path);
        File.ReadAllText(path, Encoding.UTF8).Should().Be(stdout);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().ContainSingle("the temporary file is moved, not left behind");
    }

    [Fact]
    public void Evaluate_OutWithGeneratedRoster_WrittenWhileEvaluatingIdenticalToStdout()
    {
        // Generated cadre ids ascend unit by unit, so --out streams the report (EvaluateTo); standard
        // output renders the evaluated report.
        using var temp = new TempDirectory();
        string roster = temp.File("roster.json");
        string path = temp.File("report.json");
        CliHarness.Run("generate", "--cadres", "400", "--seed", "8", "--out", roster).ExitCode.Should().Be(ExitCodes.Success);
        string stdout = CliHarness.Run("evaluate", roster).Stdout;

        var result = CliHarness.Run("evaluate", roster, "--out", path);

        result.ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllText(path, Encoding.UTF8).Should().Be(stdout);
        int decisions = JsonDocument.Parse(stdout).RootElement.GetProperty("decisions").GetArrayLength();
        decisions.Should().BeGreaterThan(100);
        result.StderrLines.Should().ContainSingle().Which.Should().Contain($"wrote {decisions} decisions");
    }

    [Fact]
    public void Evaluate_OutOverAnEarlierReport_ReplacesItWithNothingLeftBehind()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("report.json", "an earlier, longer report that the new one must replace entirely\n" + new string('x', 100_000));
        string stdout = CliHarness.Run("evaluate", CliHarness.SamplePath).Stdout;

        var result = CliHarness.Run("evaluate", CliHarness.SamplePath, "--out", path);

        result.ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllText(path, Encoding.UTF8).Should().Be(stdout);
        Directory.GetFiles(temp.Path).Should().ContainSingle("the earlier report is replaced and the temporary file moved");
    }

    [Fact]
    public void Evaluate_OutWithInvalidRoster_LeavesAnEarlierReportUntouched()
    {
        using var temp = new TempDirectory();
        string roster = temp.Write("bad.json", InvalidRoster);
        string path = temp.Write("report.json", "the earlier report");

        var result = CliHarness.Run("evaluate", roster, "--out", path);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        File.ReadAllText(path).Should().Be("the earlier report");
        Directory.GetFiles(temp.Path).Should().HaveCount(2, "only the roster and the earlier report");
    }

    [Fact]
    public void Evaluate_OutIsADirectory_FailsNamingItAndLeavesItAlone()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "reports");
        Directory.CreateDirectory(path);

        var result = CliHarness.Run("evaluate", CliHarness.SamplePath, "--out", path);

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Stderr.Should().Contain(path);
        Directory.Exists(path).Should().BeTrue();
        Directory.GetFiles(temp.Path).Should().BeEmpty("the temporary file is deleted");
    }

    [Fact]
    public void Evaluate_OutWithInvalidRoster_WritesNoFile()
    {
        using var temp = new TempDirectory();
        string roster = temp.Write("bad.json", InvalidRoster);
        string path = temp.File("report.json");

        var result = CliHarness.Run("evaluate", roster, "--out", path);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_InvalidRoster_ExitsTwoWithOneJsonPathPerLineAndEmptyStdout()
    {
        using var temp = new TempDirectory();
        string roster = temp.Write("bad.json", InvalidRoster);

        var result = CliHarness.Run("evaluate", roster);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().HaveCountGreaterThanOrEqualTo(5).And.OnlyContain(line => line.StartsWith("$", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("$.schemaVersion: ", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("$.period: ", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("$.units[0].kind: ", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("$.cadres[0].leadershp: ", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("$.cadres[0].unitId: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_InvalidRoster_ErrorLinesAreTheReaderErrorsInOrder()
    {
        using var temp = new TempDirectory();
        string roster = temp.Write("bad.json", InvalidRoster);
        var expected = FluentActions.Invoking(() => RosterReader.ReadFile(roster))
            .Should().Throw<RosterValidationException>().Which.Errors;

        var result = CliHarness.Run("evaluate", roster, "--format", "table");

        result.StderrLines.Should().Equal(expected.Select(e => $"{e.Path}: {e.Message}"));
    }

    [Fact]
    public void Evaluate_MalformedJson_ExitsTwoWithRootPath()
    {
        using var temp = new TempDirectory();
        string roster = temp.Write("truncated.json", "{ \"schemaVersion\": 1, ");

        var result = CliHarness.Run("evaluate", roster);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("$");
    }

    [Fact]
    public void Evaluate_MissingFile_ExitsOneWithMessageAndNoStackTrace()
    {
        using var temp = new TempDirectory();
        string missing = temp.File("missing.json");

        var result = CliHarness.Run("evaluate", missing);

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("cadre-rules: ").And.Contain("missing.json");
        result.Stderr.Should().NotContain(" at ");
    }

    [Fact]
    public void Evaluate_MissingFileWithVerbose_PrintsTheStackTrace()
    {
        using var temp = new TempDirectory();

        var result = CliHarness.Run("evaluate", temp.File("missing.json"), "--verbose");

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Stderr.Should().Contain(nameof(FileNotFoundException)).And.Contain(" at ");
    }

    [Fact]
    public void Evaluate_LargeRoster_ReadWhileTheRulesCompile_SameReport()
    {
        // From 1 MiB on, the CLI builds the evaluator on the thread pool while it reads the roster.
        using var temp = new TempDirectory();
        string path = temp.File("large.json");
        RosterWriter.WriteFile(RosterGenerator.Generate(1500, 7), path);
        new FileInfo(path).Length.Should().BeGreaterThanOrEqualTo(CliContext.OverlapMinimumBytes);
        var expected = EvaluateCommand.Render(RosterReader.ReadFile(path), CliHarness.Evaluator.Evaluate(RosterReader.ReadFile(path)), EvaluateCommand.Json);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(["evaluate", path], stdout, stderr, configure: null);

        code.Should().Be(ExitCodes.Success, stderr.ToString());
        stdout.ToString().Should().Be(Encoding.UTF8.GetString(expected));
    }

    [Fact]
    public void Evaluate_LargeInvalidRosterAndInvalidOptions_ReportsTheRosterFirst()
    {
        // The evaluator fails to build (invalid options) while the roster is read: the roster's
        // errors are still the ones reported, as when the two happen one after the other.
        using var temp = new TempDirectory();
        string path = temp.File("large.json");
        RosterWriter.WriteFile(RosterGenerator.Generate(1500, 7), path);
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("\"schemaVersion\":1", "\"schemaVersion\":2", StringComparison.Ordinal));
        new FileInfo(path).Length.Should().BeGreaterThanOrEqualTo(CliContext.OverlapMinimumBytes);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(["evaluate", path], stdout, stderr, o => o.RecentWindowMonths = -1);

        code.Should().Be(ExitCodes.InvalidInput);
        stderr.ToString().Should().StartWith("$.schemaVersion: ").And.NotContain(nameof(CadrePolicyOptions.RecentWindowMonths));
    }

    [Fact]
    public void Evaluate_LargeRosterAndInvalidOptions_ExitsOneNamingTheOption()
    {
        using var temp = new TempDirectory();
        string path = temp.File("large.json");
        RosterWriter.WriteFile(RosterGenerator.Generate(1500, 7), path);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(["evaluate", path], stdout, stderr, o => o.RecentWindowMonths = -1);

        code.Should().Be(ExitCodes.Failure);
        stdout.ToString().Should().BeEmpty();
        stderr.ToString().Should().StartWith("cadre-rules: ").And.Contain(nameof(CadrePolicyOptions.RecentWindowMonths));
    }

    [Fact]
    public void Evaluate_InvalidPolicyOptions_ExitsOneNamingTheOption()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = CliApp.Run(["evaluate", CliHarness.SamplePath], stdout, stderr, o => o.RecentWindowMonths = -1);

        code.Should().Be(ExitCodes.Failure);
        stdout.ToString().Should().BeEmpty();
        stderr.ToString().Should().StartWith("cadre-rules: ").And.Contain(nameof(CadrePolicyOptions.RecentWindowMonths));
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("evaluate", "x.json", "--format", "xml")]
    [InlineData("frobnicate")]
    public void Run_UsageError_ExitsOneWithNothingOnStdout(params string[] args)
    {
        var result = CliHarness.Run(args);

        result.ExitCode.Should().Be(ExitCodes.Failure);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("--help");
    }

    [Fact]
    public void Evaluate_Table_ContainsEverySection()
    {
        var roster = RosterReader.ReadFile(CliHarness.SamplePath);

        var result = CliHarness.Run("evaluate", CliHarness.SamplePath, "--format", "table");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Stderr.Should().BeEmpty();
        foreach (var unit in roster.Units)
        {
            result.Stdout.Should().Contain($"{unit.Name} ({unit.Id})");
        }

        result.Stdout.Should().Contain("Unit decisions").And.Contain("Cadres: boards, proposals, negative list")
            .And.Contain("Totals per kind").And.Contain("Outcome statistics since 2023-01-01")
            .And.Contain("redPromoted").And.Contain("yellowReminded").And.Contain("yellowAdjusted");
        foreach (var kind in DecisionKind.BuiltIn)
        {
            result.Stdout.Should().Contain(kind.Name);
        }
    }

    [Fact]
    public void Evaluate_Table_TotalsMatchTheReportCounts()
    {
        var roster = RosterReader.ReadFile(CliHarness.SamplePath);
        var report = CliHarness.Evaluator.Evaluate(roster);

        var lines = CliHarness.Run("evaluate", CliHarness.SamplePath, "--format", "table").Stdout.Split('\n');

        int totals = Array.IndexOf(lines, "Totals per kind");
        totals.Should().BePositive();
        foreach (var (kind, count) in report.Counts)
        {
            string[] expected = [kind, count.ToString(CultureInfo.InvariantCulture)];
            lines.Skip(totals).Should().Contain(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(expected));
        }
    }
}
