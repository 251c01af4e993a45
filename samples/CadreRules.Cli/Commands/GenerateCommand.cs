using System.CommandLine;
using System.Globalization;
using CadreRules.Generation;
using CadreRules.Serialization;

namespace CadreRules.Cli.Commands;

/// <summary>
/// <c>generate --cadres N [--seed S] [--period P] --out FILE</c>: writes a generated, valid roster
/// (RosterGenerator) for trying the tool and measuring it at scale. The same N, seed and period
/// give the same file on every machine.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var cadres = new Option<int>("--cadres", "-n")
        {
            Description = "How many cadres (units of 20–100 cadres are made to hold them).",
            Required = true,
        };
        cadres.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--cadres must be 0 or more.");
            }
        });
        var seed = new Option<int>("--seed", "-s")
        {
            Description = "The seed; the same seed and count give the same roster.",
            DefaultValueFactory = _ => 1,
        };
        var period = new Option<string>("--period", "-p")
        {
            Description = "The evaluated period, YYYYH1 or YYYYH2.",
            DefaultValueFactory = _ => "2024H2",
        };
        period.Validators.Add(result =>
        {
            if (!AssessmentPeriod.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--period must be YYYYH1 or YYYYH2, e.g. 2024H2 (was '{result.GetValueOrDefault<string>()}').");
            }
        });
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "The roster file to write.",
            HelpName = "FILE",
            Required = true,
        };
        output.AcceptLegalFilePathsOnly();

        var command = new Command("generate", "Generate a realistic, valid roster of any size (deterministic for a seed) for trying and measuring the tool.")
        {
            cadres, seed, period, output,
        };
        command.SetAction(parse =>
        {
            var options = new RosterGeneratorOptions { Period = AssessmentPeriod.Parse(parse.GetRequiredValue(period)) };
            var roster = RosterGenerator.Generate(parse.GetValue(cadres), parse.GetValue(seed), options);
            var file = parse.GetRequiredValue(output);
            file.Directory?.Create();
            RosterWriter.WriteFile(roster, file.FullName);
            parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cadre-rules: wrote {roster.Cadres.Count} cadres, {roster.Units.Count} units, {roster.Evidence.Count} evidence records to {file.FullName}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
