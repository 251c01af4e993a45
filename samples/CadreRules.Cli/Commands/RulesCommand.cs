using System.CommandLine;
using CadreRules.Cli.Output;

namespace CadreRules.Cli.Commands;

/// <summary><c>rules</c>: lists the active rules of the policy.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rules", "List the active rules: id, tags (考 assess, 识 identify, 用 use) and what each decides.");
        command.SetAction(parse =>
        {
            var rules = context.RuleSet.Rules;
            var table = new TextTable("Rule", "Tags", "Description");
            foreach (var rule in rules)
            {
                table.AddRow(rule.Id, string.Join(", ", rule.Tags), rule.Description);
            }

            var output = parse.InvocationConfiguration.Output;
            table.WriteTo(output, string.Empty);
            output.WriteLine();
            output.WriteLine($"{rules.Count} rules; docs/policy.md describes each with its options and defaults.");
            return ExitCodes.Success;
        });
        return command;
    }
}
