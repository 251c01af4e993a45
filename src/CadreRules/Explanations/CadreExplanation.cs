namespace CadreRules;

/// <summary>
/// Why the engine proposed what it did about one cadre: the decisions with their rules and
/// evidence, the evidence records cited, and plain sentences with dates answering the questions
/// people ask (why this board, why this step of the ladder, why not promotable, what is missing
/// for reinstatement). Immutable.
/// </summary>
public sealed class CadreExplanation
{
    /// <summary>Creates an explanation.</summary>
    /// <param name="cadre">The cadre.</param>
    /// <param name="unit">The cadre's unit, if known.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="decisions">The decisions about the cadre (and its unit), in report order.</param>
    /// <param name="evidence">The cadre's evidence records and measures, by date.</param>
    /// <param name="sentences">The narrative, one sentence per line.</param>
    public CadreExplanation(Cadre cadre, Unit? unit, DateOnly asOf, IReadOnlyList<Decision> decisions, IReadOnlyList<EvidenceRecord> evidence, IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(cadre);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(sentences);
        Cadre = cadre;
        Unit = unit;
        AsOf = asOf;
        Decisions = decisions;
        Evidence = evidence;
        Sentences = sentences;
    }

    /// <summary>Gets the cadre.</summary>
    public Cadre Cadre { get; }

    /// <summary>Gets the cadre's unit, if the roster has it.</summary>
    public Unit? Unit { get; }

    /// <summary>Gets the evaluation date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the decisions about the cadre, followed by those about its unit.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>Gets the cadre's evidence records and measures, oldest first.</summary>
    public IReadOnlyList<EvidenceRecord> Evidence { get; }

    /// <summary>Gets the narrative sentences.</summary>
    public IReadOnlyList<string> Sentences { get; }
}

/// <summary>One evidence record or measure as cited by an explanation.</summary>
/// <param name="Id">The evidence or measure id.</param>
/// <param name="Date">The date.</param>
/// <param name="Channel">The channel (evidence), or <see langword="null"/> for a measure.</param>
/// <param name="Kind">The evidence kind (<c>WorkStyle</c>, …) or <c>Measure</c>.</param>
/// <param name="Summary">What it says, e.g. <c>Delaying, Serious, Verified</c> or <c>Admonishment</c>.</param>
/// <param name="CitedBy">The kinds of the decisions that cite it.</param>
public sealed record EvidenceRecord(string Id, DateOnly Date, EvidenceChannel? Channel, string Kind, string Summary, IReadOnlyList<string> CitedBy);
