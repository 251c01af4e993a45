namespace CadreRules;

/// <summary>
/// An evidence record about a cadre. Each <see cref="EvidenceKind"/> has its own sealed subclass;
/// rules match the subclass they need.
/// </summary>
public abstract class Evidence
{
    private protected Evidence()
    {
    }

    /// <summary>Gets the evidence id; evidence and measures share one id space.</summary>
    public required string Id { get; init; }

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
