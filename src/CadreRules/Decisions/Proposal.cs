namespace CadreRules;

/// <summary>
/// What one rule firing proposes: a fact that rules insert into the session and that other rules
/// may match (a yellow board keeps a cadre off the red board, say). The engine merges every
/// proposal with the same kind, subject and category into one <see cref="Decision"/>.
/// Proposals have reference identity, so two rules proposing the same thing are two facts.
/// </summary>
public sealed class Proposal
{
    /// <summary>Creates a proposal.</summary>
    /// <param name="ruleId">The id of the rule that proposes it (the rule's <c>[Name]</c>).</param>
    /// <param name="kind">The kind of decision proposed.</param>
    /// <param name="subject">The cadre or unit id.</param>
    /// <param name="reason">A human-readable sentence saying why.</param>
    /// <param name="evidence">The ids of the evidence records and measures the rule matched.</param>
    /// <param name="details">Kind-specific details; values are strings, dates or string lists.</param>
    public Proposal(
        string ruleId,
        DecisionKind kind,
        string subject,
        string reason,
        IEnumerable<string>? evidence = null,
        IReadOnlyDictionary<string, object>? details = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(reason);
        RuleId = ruleId;
        Kind = kind;
        Subject = subject;
        Reason = reason;
        Evidence = evidence is null ? [] : [.. evidence];
        Details = details ?? EmptyDetails;
    }

    private static readonly IReadOnlyDictionary<string, object> EmptyDetails = new Dictionary<string, object>();

    /// <summary>Gets the id of the proposing rule.</summary>
    public string RuleId { get; }

    /// <summary>Gets the kind of decision proposed.</summary>
    public DecisionKind Kind { get; }

    /// <summary>Gets the subject (cadre or unit id).</summary>
    public string Subject { get; }

    /// <summary>Gets the reason sentence.</summary>
    public string Reason { get; }

    /// <summary>Gets the ids of the evidence records and measures the rule matched.</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>Gets the kind-specific details.</summary>
    public IReadOnlyDictionary<string, object> Details { get; }

    /// <summary>
    /// Gets the <see cref="CadreRecord"/> of the subject while the proposal is in one of
    /// <see cref="CadreEvaluator"/>'s cadre sessions and the subject is a cadre of that session's batch;
    /// <see langword="null"/> otherwise. The built-in rules that react to a cadre's proposal (MECH-01,
    /// MECH-02, MECH-04, REINST-01) read the cadre's record through it: joining every record of the
    /// session on the subject would be a nested loop, and would need every record in the session.
    /// </summary>
    internal CadreRecord? Record => ProposalSink.Current?.RecordOf(Subject);

    /// <summary>Gets the <c>category</c> detail, or <see langword="null"/>.</summary>
    public string? Category => Details.TryGetValue(DetailKeys.Category, out var value) ? value as string : null;

    /// <summary>Returns a detail as text (dates as <c>yyyy-MM-dd</c>), or <see langword="null"/> when absent.</summary>
    /// <param name="key">The detail key.</param>
    /// <returns>The text.</returns>
    public string? GetDetail(string key) => Details.TryGetValue(key, out var value) ? DetailKeys.Format(value) : null;

    /// <summary>Returns whether this proposal is of <paramref name="kind"/> about <paramref name="subject"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="subject">The subject id.</param>
    /// <returns>Whether both match.</returns>
    public bool Is(DecisionKind kind, string subject) => Kind == kind && string.Equals(Subject, subject, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{RuleId}: {Kind} {Subject}";
}
