namespace CadreRules;

/// <summary>
/// An evidence record about a cadre. Each <see cref="EvidenceKind"/> has its own sealed subclass;
/// rules match the subclass they need.
/// </summary>
public abstract class Evidence
{
    // RosterReader keeps a short ASCII id packed (PackedAscii) instead of a string per record: a
    // million-cadre roster has six million evidence ids, and rules cite only a few of them.
    private string? _id;
    private ulong _packedHigh;
    private ulong _packedLow;

    private protected Evidence()
    {
    }

    /// <summary>Gets the evidence id; evidence and measures share one id space.</summary>
    public required string Id
    {
        get => _id ?? Unpack();
        init => _id = value;
    }

    /// <summary>Gets the cadre's id.</summary>
    public required string CadreId { get; init; }

    /// <summary>Gets the date the evidence was recorded; never after as-of.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Gets the channel through which the evidence was gathered.</summary>
    public required EvidenceChannel Channel { get; init; }

    /// <summary>Gets the kind of evidence.</summary>
    public abstract EvidenceKind Kind { get; }

    /// <summary>
    /// Gets whether this is problem evidence (POLICY.md, Terms): Verified WorkStyle, EarlySign or
    /// Verified NegativeList, or KeyTask rated Poor or Failed. Unfounded evidence never is.
    /// </summary>
    public abstract bool IsProblem { get; }

    /// <summary>Sets the id in its packed form (the reader's; <see cref="Id"/> unpacks it when asked).</summary>
    internal void SetPackedId(ulong high, ulong low)
    {
        _id = null;
        _packedHigh = high;
        _packedLow = low;
    }

    private string Unpack()
    {
        if ((_packedHigh | _packedLow) == 0)
        {
            return null!;
        }

        // Not kept: the record is usually old by the time a rule cites it, and a young string stored
        // into it would be one more old-to-young reference for every collection to scan.
        return PackedAscii.Unpack(_packedHigh, _packedLow);
    }
}

/// <summary>A work-style problem (庸散懒, 推拖绕).</summary>
public sealed class WorkStyleEvidence : Evidence
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.WorkStyle;

    /// <summary>Gets the problem.</summary>
    public required WorkStyleProblem WorkStyle { get; init; }

    /// <summary>Gets the severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Gets the verification status.</summary>
    public required FindingStatus Status { get; init; }

    /// <inheritdoc />
    public override bool IsProblem => Status == FindingStatus.Verified;
}

/// <summary>A political negative-list finding (政治负面清单).</summary>
public sealed class NegativeListEvidence : Evidence
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.NegativeList;

    /// <summary>Gets the category.</summary>
    public required NegativeListCategory Category { get; init; }

    /// <summary>Gets the verification status.</summary>
    public required FindingStatus Status { get; init; }

    /// <inheritdoc />
    public override bool IsProblem => Status is FindingStatus.EarlySign or FindingStatus.Verified;
}

/// <summary>A rating of performance in a key task.</summary>
public sealed class KeyTaskEvidence : Evidence
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.KeyTask;

    /// <summary>Gets the task.</summary>
    public required KeyTaskKind Task { get; init; }

    /// <summary>Gets the rating.</summary>
    public required KeyTaskRating Rating { get; init; }

    /// <inheritdoc />
    public override bool IsProblem => Rating is KeyTaskRating.Poor or KeyTaskRating.Failed;
}

/// <summary>An observation of a cadre's attitude.</summary>
public sealed class AttitudeEvidence : Evidence
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Attitude;

    /// <summary>Gets the attitude.</summary>
    public required AttitudeRating Attitude { get; init; }

    /// <inheritdoc />
    public override bool IsProblem => false;
}
