namespace CadreRules;

/// <summary>
/// One proposal to the organization department, merged from every rule that supports it
/// (REPORT-FORMAT.md, <c>decisions</c>). Immutable.
/// </summary>
public sealed class Decision
{
    /// <summary>Creates a decision.</summary>
    /// <param name="kind">The kind of decision.</param>
    /// <param name="subject">The cadre or unit id.</param>
    /// <param name="rules">The supporting rule ids, sorted ordinally.</param>
    /// <param name="evidence">The matched evidence and measure ids, sorted ordinally, distinct.</param>
    /// <param name="reasons">Human-readable sentences, one or more per supporting rule.</param>
    /// <param name="details">Kind-specific details (see <see cref="Details"/>).</param>
    public Decision(
        DecisionKind kind,
        string subject,
        IReadOnlyList<string> rules,
        IReadOnlyList<string> evidence,
        IReadOnlyList<string> reasons,
        IReadOnlyDictionary<string, object> details)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(details);
        Kind = kind;
        Subject = subject;
        Rules = rules;
        Evidence = evidence;
        Reasons = reasons;
        Details = details;
    }

    /// <summary>Gets the kind of decision.</summary>
    public DecisionKind Kind { get; }

    /// <summary>Gets the subject: a unit id for unit kinds, otherwise a cadre id.</summary>
    public string Subject { get; }

    /// <summary>Gets the ids of every rule supporting this decision, sorted ordinally.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>Gets the ids of the evidence records and measures the supporting rules matched, sorted, distinct.</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>Gets the reasons, human-readable sentences (their text is not part of the contract).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>
    /// Gets the kind-specific details, keyed by camelCase name and sorted ordinally. A value is a
    /// <see cref="string"/>, a <see cref="DateOnly"/> or an <see cref="IReadOnlyList{T}"/> of strings (sorted, distinct).
    /// </summary>
    public IReadOnlyDictionary<string, object> Details { get; }

    /// <summary>Gets the <c>category</c> detail of a negative-list entry, or <see langword="null"/>.</summary>
    public string? Category => Details.TryGetValue(DetailKeys.Category, out var value) ? value as string : null;

    /// <summary>Returns a string detail, or <see langword="null"/> when absent.</summary>
    /// <param name="key">The detail key.</param>
    /// <returns>The value as text (dates as <c>yyyy-MM-dd</c>).</returns>
    public string? GetDetail(string key) => Details.TryGetValue(key, out var value) ? DetailKeys.Format(value) : null;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Subject} [{string.Join(", ", Rules)}]";
}
