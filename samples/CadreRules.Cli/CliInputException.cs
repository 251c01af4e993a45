namespace CadreRules.Cli;

/// <summary>
/// Input that the roster reader accepts but a command cannot use (an unknown cadre id for
/// <c>explain</c>): reported like invalid input, exit code 2, the message starting with a JSON path.
/// </summary>
public sealed class CliInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path of the part of the roster the input refers to, e.g. <c>$.cadres</c>.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    public CliInputException(string path, string message)
        : base($"{path}: {message}")
    {
        Path = path;
    }

    /// <summary>Gets the JSON path the error refers to.</summary>
    public string Path { get; }
}
