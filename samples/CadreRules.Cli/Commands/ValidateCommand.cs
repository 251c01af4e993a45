using System.CommandLine;
using System.Globalization;

namespace CadreRules.Cli.Commands;

/// <summary><c>validate &lt;roster.json&gt;</c>: reads and validates a roster without evaluating it.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var roster = CommonSymbols.Roster();
        var command = new Command("validate", "Validate a roster document without evaluating it: exit 0 and a summary line, or exit 2 and every error.")
        {
            roster,
        };
        command.SetAction(parse =>
        {
            var document = CliContext.ReadRoster(parse.GetRequiredValue(roster));
            parse.InvocationConfiguration.Output.WriteLine(Summary(document));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Summary(Roster roster) => string.Create(
        CultureInfo.InvariantCulture,
        $"valid: {roster.Units.Count} units, {roster.Cadres.Count} cadres, {roster.Evidence.Count} evidence, " +
        $"{roster.AnnualGrades.Count} annual grades, {roster.Measures.Count} measures, {roster.BoardHistory.Count} board placements " +
        $"(period {roster.Period}, as of {roster.AsOf:yyyy-MM-dd})");
}
