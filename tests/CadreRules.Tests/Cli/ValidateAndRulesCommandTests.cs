using System.Globalization;
using CadreRules.Cli;
using CadreRules.Serialization;

namespace CadreRules.Tests.Cli;

public sealed class ValidateAndRulesCommandTests
{
    [Fact]
    public void Validate_SampleRoster_ExitsZeroWithCounts()
    {
        var roster = RosterReader.ReadFile(CliHarness.SamplePath);

        var result = CliHarness.Run("validate", CliHarness.SamplePath);

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().StartWith(string.Create(CultureInfo.InvariantCulture,
            $"valid: {roster.Units.Count} units, {roster.Cadres.Count} cadres, {roster.Evidence.Count} evidence, "));
        result.Stdout.Should().Contain("period 2024H2, as of 2024-12-31");
    }

    [Fact]
    public void Validate_RosterWithBrokenReferences_ExitsTwoWithEveryError()
    {
        using var temp = new TempDirectory();
        string roster = temp.Write("bad.json", """
            { "schemaVersion": 1, "period": "2024H2",
              "units": [ { "id": "U-1", "name": "一区", "kind": "District" } ],
              "cadres": [ { "id": "C-1", "name": "甲", "unitId": "U-1", "rank": "Section" } ],
              "evidence": [ { "id": "E-1", "cadreId": "C-2", "date": "2025-01-02", "channel": "Audit", "kind": "Attitude", "attitude": "Positive" } ],
              "measures": [ { "id": "E-1", "cadreId": "C-1", "date": "2024-03-01", "kind": "ReminderTalk" } ] }
            """);

        var result = CliHarness.Run("validate", roster);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().HaveCountGreaterThanOrEqualTo(3).And.OnlyContain(l => l.StartsWith("$.", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("$.evidence[0].cadreId: ", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("$.evidence[0].date: ", StringComparison.Ordinal));
        result.StderrLines.Should().Contain(l => l.StartsWith("$.measures[0].id: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_Default_ListsEveryActiveRuleWithTags()
    {
        var rules = CliHarness.RuleSet.Rules;

        var result = CliHarness.Run("rules");

        result.ExitCode.Should().Be(ExitCodes.Success);
        var lines = result.Stdout.Split('\n');
        foreach (var rule in rules)
        {
            lines.Should().Contain(l => l.StartsWith(rule.Id + " ", StringComparison.Ordinal)
                && rule.Tags.All(t => l.Contains(t, StringComparison.Ordinal)));
        }

        result.Stdout.Should().Contain($"{rules.Count} rules");
    }

    [Fact]
    public void Rules_DisabledRule_IsNotListed()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = CliApp.Run(["rules"], stdout, stderr, o => o.DisabledRules.Add("REINST-01"));

        code.Should().Be(ExitCodes.Success);
        stdout.ToString().Should().Contain("MECH-05").And.NotContain("REINST-01");
    }
}
