namespace CadreRules.Cli;

/// <summary>The exit codes of <c>cadre-rules</c> (REPORT-FORMAT.md, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>The command did its work (report written, roster valid, explanation printed).</summary>
    public const int Success = 0;

    /// <summary>Any failure other than invalid input: an unreadable file, a bad option, a bug. The message is on stderr.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input: every error on stderr, one per line, each starting with its JSON path; nothing on stdout.</summary>
    public const int InvalidInput = 2;
}
