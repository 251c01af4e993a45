using System.CommandLine;
using CadreRules.Cli.Output;

namespace CadreRules.Cli.Commands;

/// <summary>
/// <c>explain &lt;roster.json&gt; &lt;cadreId&gt;</c>: every decision about one cadre with its rules, the
/// evidence behind it and the plain-language explanation of <see cref="ICadreEvaluator.Explain"/>.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var roster = CommonSymbols.Roster();
        var cadreId = new Argument<string>("cadreId") { Description = "The id of the cadre to explain, e.g. C-017." };
        var command = new Command("explain", "Explain every decision about one cadre: rules, reasons and evidence (date, channel, kind), and what is still missing.")
        {
            roster, cadreId,
        };
        command.SetAction(parse =>
        {
            var (document, evaluator) = context.ReadForEvaluation(parse.GetRequiredValue(roster));
            string id = parse.GetRequiredValue(cadreId);
            if (!document.Cadres.Any(c => string.Equals(c.Id, id, StringComparison.Ordinal)))
            {
                string example = document.Cadres.Count > 0 ? $", e.g. '{document.Cadres[0].Id}'" : string.Empty;
                throw new CliInputException("$.cadres", $"no cadre has id '{id}'; expected the id of a cadre in the roster (case-sensitive{example}).");
            }

            var explanation = evaluator().Explain(document, id);
            ExplanationText.Write(parse.InvocationConfiguration.Output, explanation);
            return ExitCodes.Success;
        });
        return command;
    }
}
