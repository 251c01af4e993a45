using CadreRules.Serialization;

namespace CadreRules.Tests.Cli;

public sealed class GenerateCommandTests
{
    [Fact]
    public void Generate_CountSeedAndOut_WritesValidRosterWithThatManyCadres()
    {
        using var temp = new TempDirectory();
        string path = temp.File("roster.json");

        var result = CliHarness.Run("generate", "--cadres", "120", "--seed", "3", "--out", path);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("wrote 120 cadres");
        var roster = RosterReader.ReadFile(path);
        roster.Cadres.Should().HaveCount(120);
        roster.Period.Should().Be(new AssessmentPeriod(2024, PeriodHalf.H2));
    }

    [Fact]
    public void Generate_SameSeedTwice_SameBytes()
    {
        using var temp = new TempDirectory();

        CliHarness.Run("generate", "-n", "80", "-s", "9", "-o", temp.File("a.json")).ExitCode.Should().Be(0);
        CliHarness.Run("generate", "-n", "80", "-s", "9", "-o", temp.File("b.json")).ExitCode.Should().Be(0);

        File.ReadAllBytes(temp.File("b.json")).Should().Equal(File.ReadAllBytes(temp.File("a.json")));
    }

    [Fact]
    public void Generate_Period_EvaluatesAsThatPeriod()
    {
        using var temp = new TempDirectory();
        string path = temp.File("h1.json");

        CliHarness.Run("generate", "--cadres", "60", "--period", "2023H1", "--out", path).ExitCode.Should().Be(0);
        var result = CliHarness.Run("evaluate", path);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("\"period\": \"2023H1\"").And.Contain("\"asOf\": \"2023-06-30\"");
    }

    [Theory]
    [InlineData("--cadres", "-5")]
    [InlineData("--period", "2024H3")]
    public void Generate_InvalidArgument_FailsWithoutWriting(string option, string value)
    {
        using var temp = new TempDirectory();
        string path = temp.File("roster.json");
        var args = new List<string> { "generate", "--cadres", "10", "--out", path };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = CliHarness.Run([.. args]);

        result.ExitCode.Should().NotBe(0);
        result.Stderr.Should().Contain(option);
        File.Exists(path).Should().BeFalse();
    }
}
