namespace CadreRules;

/// <summary>
/// Everything the roster holds about one cadre — the cadre, its evidence, annual grades, measures
/// and board history — as one fact. The built-in cadre rules match this fact instead of joining the
/// cadre with each of its records: NRules joins are nested loops and every node a fact passes costs
/// bookkeeping, so one fact per cadre keeps a session's work proportional to its cadres
/// (benchmarks/README.md has the measurements). Host rules may match it too.
/// </summary>
public sealed class CadreRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="policy">The evaluation's context (as-of, windows, options) the record is judged in.</param>
    /// <param name="cadre">The cadre.</param>
    /// <param name="evidence">The cadre's evidence records.</param>
    /// <param name="grades">The cadre's annual grades.</param>
    /// <param name="measures">The measures taken about the cadre.</param>
    /// <param name="boardHistory">The cadre's past board placements.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CadreRecord(
        PolicyContext policy,
        Cadre cadre,
        IReadOnlyList<Evidence> evidence,
        IReadOnlyList<AnnualGrade> grades,
        IReadOnlyList<Measure> measures,
        IReadOnlyList<BoardPlacement> boardHistory)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(cadre);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(boardHistory);
        Policy = policy;
        Cadre = cadre;
        Evidence = evidence;
        Grades = grades;
        Measures = measures;
        BoardHistory = boardHistory;
        // Indexed, not foreach: the lists are usually array segments or list slices, whose interface enumerator
        // would be one more allocation per cadre.
        for (int i = 0; i < evidence.Count; i++)
        {
            _evidenceKinds |= 1 << (int)evidence[i].Kind;
        }
    }

    private readonly int _evidenceKinds;

    /// <summary>
    /// Gets the evaluation's context. The record carries it so that a rule can decide on the record
    /// alone — an alpha condition, which NRules tests once per fact without building a join tuple —
    /// instead of joining every record with the <see cref="PolicyContext"/> fact.
    /// </summary>
    public PolicyContext Policy { get; }

    /// <summary>Gets the cadre.</summary>
    public Cadre Cadre { get; }

    /// <summary>Gets the cadre's id.</summary>
    public string Id => Cadre.Id;

    /// <summary>Gets the cadre's evidence records, in roster order.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>
    /// Returns whether the cadre has evidence of a kind. Rules use it as a condition on the record
    /// alone, which NRules tests once per fact before any join, so a rule about negative-list
    /// findings costs nothing for the many cadres without any.
    /// </summary>
    /// <param name="kind">The evidence kind.</param>
    /// <returns>Whether any evidence record is of that kind.</returns>
    public bool Has(EvidenceKind kind) => (_evidenceKinds & (1 << (int)kind)) != 0;

    /// <summary>Gets the cadre's annual grades, in roster order.</summary>
    public IReadOnlyList<AnnualGrade> Grades { get; }

    /// <summary>Gets the measures taken about the cadre, in roster order.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>Gets the cadre's past board placements, in roster order.</summary>
    public IReadOnlyList<BoardPlacement> BoardHistory { get; }
}
