using System.CommandLine;
using System.CommandLine.Invocation;
using CadreRules.Cli.Commands;
using CadreRules.Serialization;

namespace CadreRules.Cli;

/// <summary>
/// The <c>cadre-rules</c> command line, runnable in-process: <c>Program.Main</c> passes the console,
/// tests pass string writers. Exit codes are those of <see cref="ExitCodes"/>.
/// </summary>
public static class CliApp
{
    /// <summary>Runs one command line with the default policy.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Receives the command's output (a report, a table, an explanation).</param>
    /// <param name="stderr">Receives errors and confirmations; never part of a report.</param>
    /// <returns>The exit code: 0 success, 2 invalid input, 1 any other failure.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, configure: null);

    /// <summary>Runs one command line with policy options configured by the caller.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Receives the command's output.</param>
    /// <param name="stderr">Receives errors and confirmations.</param>
    /// <param name="configure">Configures the policy options passed to <c>AddCadreRules</c>; may be <see langword="null"/>.</param>
    /// <returns>The exit code: 0 success, 2 invalid input, 1 any other failure.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Action<CadrePolicyOptions>? configure)
    {
        using var context = CliContext.Own(configure);
        return Run(args, stdout, stderr, context);
    }

    /// <summary>
    /// Runs one command line with the caller's container, which must hold the CadreRules services
    /// (<c>services.AddCadreRules(...)</c>): a host with its own rules or options, or tests sharing one
    /// compiled rule set. The container is not disposed.
    /// </summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Receives the command's output.</param>
    /// <param name="stderr">Receives errors and confirmations.</param>
    /// <param name="services">A container with <see cref="ICadreEvaluator"/> and <see cref="CadreRuleSet"/>.</param>
    /// <returns>The exit code: 0 success, 2 invalid input, 1 any other failure.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var context = CliContext.Borrow(services);
        return Run(args, stdout, stderr, context);
    }

    private static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var verbose = new Option<bool>("--verbose")
        {
            Description = "On failure, print the exception's stack trace as well as its message.",
            Recursive = true,
        };
        var root = CreateRootCommand(context, verbose);
        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,

            // Failures are mapped to exit codes below; the default handler would print a stack trace
            // and return 1 for invalid input too.
            EnableDefaultExceptionHandler = false,
        };

        if (parsed.Action is ParseErrorAction parseError)
        {
            // Usage errors (and the typo suggestions that come with them) go to stderr only: anything on
            // stdout would look like output to a pipe. The full help would bury the error; point to it.
            parseError.ShowHelp = false;
            int code = parsed.Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
            stderr.WriteLine($"Run '{CommandPath(parsed)} --help' for usage.");
            return code == ExitCodes.Success ? ExitCodes.Failure : code;
        }

        try
        {
            return parsed.Invoke(invocation);
        }
        catch (RosterValidationException e)
        {
            foreach (var error in e.Errors)
            {
                stderr.WriteLine($"{error.Path}: {OneLine(error.Message)}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (CliInputException e)
        {
            stderr.WriteLine(OneLine(e.Message));
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"cadre-rules: {OneLine(e.Message)}");
            if (parsed.GetValue(verbose))
            {
                stderr.WriteLine(e.ToString());
            }

            return ExitCodes.Failure;
        }
    }

    private static RootCommand CreateRootCommand(CliContext context, Option<bool> verbose)
    {
        var root = new RootCommand(
            "cadre-rules — evaluate a cadre roster against the CadreRules policy (考 assess, 识 identify, 用 use). " +
            "Every outcome is a proposal to the organization department, with its rule ids and evidence. " +
            "Exit codes: 0 done, 2 invalid input (errors on stderr, each starting with its JSON path), 1 any other failure.");
        root.Options.Add(verbose);

        // One command per file under Commands/; a new command is one more line here.
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(RulesCommand.Create(context));
        return root;
    }

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "cadre-rules" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    // One error per line is the contract of exit code 2; a message with a line break would break it.
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
