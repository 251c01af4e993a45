using CadreRules.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace CadreRules.Tests.Cli;

/// <summary>The outcome of one in-process run of <c>cadre-rules</c>.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>
/// Runs the CLI in-process against one shared container, so that the rules are compiled once for
/// all CLI tests rather than once per run.
/// </summary>
public static class CliHarness
{
    private static readonly Lazy<ServiceProvider> Services = new(() => new ServiceCollection().AddCadreRules().BuildServiceProvider());

    public static ICadreEvaluator Evaluator => Services.Value.GetRequiredService<ICadreEvaluator>();

    public static CadreRuleSet RuleSet => Services.Value.GetRequiredService<CadreRuleSet>();

    public static string SamplePath { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "yinchuan-2024H2.json");

    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, Services.Value);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary directory deleted with everything in it when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cadre-rules-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
