namespace CadreRules;

/// <summary>
/// The kind of a decision (POLICY.md, "Decision kinds"). The built-in kinds are static properties;
/// a host's own rules may use kinds of their own (any non-empty PascalCase name).
/// </summary>
public readonly record struct DecisionKind : IComparable<DecisionKind>
{
    /// <summary>Creates a decision kind.</summary>
    /// <param name="name">The kind's name, e.g. <c>RedBoard</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public DecisionKind(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Gets the kind's name as written in the report.</summary>
    public string Name { get; }

    /// <summary>ASSESS-01: half-yearly screening of a division-level team (定期考察识别). Subject: a unit.</summary>
    public static DecisionKind ScheduledAssessment { get; } = new(nameof(ScheduledAssessment));

    /// <summary>ASSESS-02: special stationed inspection (专项进驻考察). Subject: a unit.</summary>
    public static DecisionKind SpecialInspection { get; } = new(nameof(SpecialInspection));

    /// <summary>IDENT-01: political negative-list entry (政治负面清单), one per category.</summary>
    public static DecisionKind NegativeListEntry { get; } = new(nameof(NegativeListEntry));

    /// <summary>IDENT-02: excluded from selection and appointment (排除在外).</summary>
    public static DecisionKind Exclusion { get; } = new(nameof(Exclusion));

    /// <summary>IDENT-04: joint consultation of oversight channels (联合会商).</summary>
    public static DecisionKind JointConsultation { get; } = new(nameof(JointConsultation));

    /// <summary>BOARD-01: red board (红榜).</summary>
    public static DecisionKind RedBoard { get; } = new(nameof(RedBoard));

    /// <summary>BOARD-02: yellow board (黄榜).</summary>
    public static DecisionKind YellowBoard { get; } = new(nameof(YellowBoard));

    /// <summary>IDENT-03, MECH-01: reminder talk (提醒谈话).</summary>
    public static DecisionKind ReminderTalk { get; } = new(nameof(ReminderTalk));

    /// <summary>MECH-02: admonishment (诫勉).</summary>
    public static DecisionKind Admonishment { get; } = new(nameof(Admonishment));

    /// <summary>ASSESS-03, MECH-02: adjustment (调整).</summary>
    public static DecisionKind Adjustment { get; } = new(nameof(Adjustment));

    /// <summary>MECH-03: demotion (降职), 公务员法 Art. 50.</summary>
    public static DecisionKind Demotion { get; } = new(nameof(Demotion));

    /// <summary>MECH-03: dismissal (辞退), 公务员法 Art. 88.</summary>
    public static DecisionKind Dismissal { get; } = new(nameof(Dismissal));

    /// <summary>MECH-04: promotion candidate (提拔重用或晋升职级).</summary>
    public static DecisionKind PromotionCandidate { get; } = new(nameof(PromotionCandidate));

    /// <summary>MECH-04: red-board cadre whose promotion is blocked by an influence period.</summary>
    public static DecisionKind PromotionBlocked { get; } = new(nameof(PromotionBlocked));

    /// <summary>MECH-05: tracking of an adjusted cadre (跟踪管理).</summary>
    public static DecisionKind Tracking { get; } = new(nameof(Tracking));

    /// <summary>REINST-01: reinstatement candidate (重新任职或提拔使用).</summary>
    public static DecisionKind ReinstatementCandidate { get; } = new(nameof(ReinstatementCandidate));

    /// <summary>Gets the built-in kinds.</summary>
    public static IReadOnlyList<DecisionKind> BuiltIn { get; } =
    [
        ScheduledAssessment, SpecialInspection, NegativeListEntry, Exclusion, JointConsultation, RedBoard, YellowBoard,
        ReminderTalk, Admonishment, Adjustment, Demotion, Dismissal, PromotionCandidate, PromotionBlocked, Tracking,
        ReinstatementCandidate,
    ];

    /// <summary>Gets whether decisions of this kind are about a unit rather than a cadre.</summary>
    public bool IsAboutUnit => this == ScheduledAssessment || this == SpecialInspection;

    /// <inheritdoc />
    public int CompareTo(DecisionKind other) => string.CompareOrdinal(Name, other.Name);

    /// <summary>Returns the kind's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name ?? string.Empty;
}
