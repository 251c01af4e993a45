using System.CommandLine;

namespace CadreRules.Cli.Commands;

/// <summary>Arguments shared by several commands.</summary>
internal static class CommonSymbols
{
    public static Argument<FileInfo> Roster() => new("roster")
    {
        Description = "The roster document (JSON, see docs/cli.md), e.g. samples/data/yinchuan-2024H2.json.",
    };
}
