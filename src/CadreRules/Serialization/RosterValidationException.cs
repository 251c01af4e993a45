using System.Text;

namespace CadreRules.Serialization;

/// <summary>
/// Thrown by <see cref="RosterReader"/> when a roster document is invalid. The document is rejected as a
/// whole; <see cref="Errors"/> lists every violation found, each with its JSON path.
/// </summary>
public sealed class RosterValidationException : Exception
{
    private const int ErrorsInMessage = 5;

    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The violations; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public RosterValidationException(IReadOnlyList<RosterError> errors)
        : base(Summarize(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets every violation, in the order found (see <see cref="RosterReader"/>).</summary>
    public IReadOnlyList<RosterError> Errors { get; }

    private static string Summarize(IReadOnlyList<RosterError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A validation exception needs at least one error.", nameof(errors));
        }

        var text = new StringBuilder();
        text.Append("The roster document is invalid (")
            .Append(errors.Count)
            .Append(errors.Count == 1 ? " error" : " errors")
            .Append("); fix every error listed and read it again:");
        int shown = Math.Min(errors.Count, ErrorsInMessage);
        for (int i = 0; i < shown; i++)
        {
            text.Append(Environment.NewLine).Append("  ").Append(errors[i]);
        }

        if (errors.Count > shown)
        {
            text.Append(Environment.NewLine).Append("  … and ").Append(errors.Count - shown).Append(" more (see Errors).");
        }

        return text.ToString();
    }
}
