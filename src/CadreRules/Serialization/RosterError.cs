namespace CadreRules.Serialization;

/// <summary>One violation of the roster format (ROSTER-FORMAT.md, "Invalid input").</summary>
/// <param name="Path">
/// The JSON path of the offending value, e.g. <c>$.evidence[3].cadreId</c>; for a missing property, the
/// path it should have had. Property names that are not plain identifiers are written <c>['a b']</c>.
/// </param>
/// <param name="Message">A sentence saying what is wrong and what was expected.</param>
public sealed record RosterError(string Path, string Message)
{
    /// <summary>Returns <c>{Path}: {Message}</c>, the form written one per line by the command-line tool.</summary>
    /// <returns>The path and the message.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
