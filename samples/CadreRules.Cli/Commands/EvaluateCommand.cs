using System.CommandLine;
using System.Globalization;
using System.Text;
using CadreRules.Cli.Output;
using CadreRules.Serialization;

namespace CadreRules.Cli.Commands;

/// <summary>
/// <c>evaluate &lt;roster.json&gt; [--format json|table] [--out FILE]</c>: evaluates a roster and writes
/// the report (REPORT-FORMAT.md) or a console summary.
/// </summary>
internal static class EvaluateCommand
{
    public const string Json = "json";
    public const string Table = "table";

    public static Command Create(CliContext context)
    {
        var roster = CommonSymbols.Roster();
        var format = new Option<string>("--format", "-f")
        {
            Description = "json: the report document (the default, see docs/cli.md); table: a summary for reading at a console.",
            DefaultValueFactory = _ => Json,
        };
        format.AcceptOnlyFromAmong(Json, Table);
        var output = new Option<FileInfo?>("--out", "-o")
        {
            Description = "Write the report to this file instead of standard output (a one-line confirmation goes to standard error).",
            HelpName = "FILE",
        };
        output.AcceptLegalFilePathsOnly();

        var command = new Command("evaluate", "Evaluate a roster: every decision with its rules, evidence and reasons, counts per kind and outcome statistics.")
        {
            roster, format, output,
        };
        command.SetAction(parse =>
        {
            var (document, evaluator) = context.ReadForEvaluation(parse.GetRequiredValue(roster));
            string chosen = parse.GetValue(format) ?? Json;
            var file = parse.GetValue(output);
            if (file is null)
            {
                var report = evaluator().Evaluate(document);
                parse.InvocationConfiguration.Output.Write(Encoding.UTF8.GetString(Render(document, report, chosen)));
            }
            else
            {
                int decisions = 0;
                if (chosen == Json)
                {
                    // Written while evaluating (ICadreEvaluator.EvaluateTo): a million-cadre report never
                    // sits whole in memory. Same bytes as rendering the evaluated report.
                    var cadreEvaluator = evaluator();
                    WriteFile(file, stream =>
                    {
                        decisions = cadreEvaluator.EvaluateTo(document, stream, indented: true).DecisionCount;
                        stream.WriteByte((byte)'\n');
                    });
                }
                else
                {
                    var report = evaluator().Evaluate(document);
                    decisions = report.Decisions.Count;
                    WriteFile(file, stream => Render(document, report, chosen, stream));
                }

                parse.InvocationConfiguration.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"cadre-rules: wrote {decisions} decisions to {file.FullName}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Renders the report as UTF-8 bytes ending with a newline, so that <c>--out</c> and redirected
    /// standard output give the same file.
    /// </summary>
    internal static byte[] Render(Roster roster, AssessmentReport report, string format)
    {
        using var buffer = new MemoryStream();
        Render(roster, report, format, buffer);
        return buffer.ToArray();
    }

    // Streams straight to the destination: a million-cadre report is hundreds of megabytes, and a
    // buffered copy of it (twice, with ToArray) would double the peak memory of an evaluation.
    private static void Render(Roster roster, AssessmentReport report, string format, Stream destination)
    {
        if (format == Table)
        {
            using var writer = new StreamWriter(destination, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            ReportTable.Write(writer, roster, report);
        }
        else
        {
            ReportWriter.Write(report, destination, indented: true);
            destination.WriteByte((byte)'\n');
        }
    }

    // Written beside the target, then moved over it: a failure never leaves half a report behind.
    private static void WriteFile(FileInfo file, Action<Stream> write)
    {
        var directory = file.Directory ?? new DirectoryInfo(Environment.CurrentDirectory);
        directory.Create();
        string temporary = Path.Combine(directory.FullName, $".{file.Name}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, file.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
