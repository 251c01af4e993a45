namespace CadreRules;

/// <summary>
/// Everything one evaluation needs (ROSTER-FORMAT.md, schema version 1): the period, the units,
/// the cadres, the evidence and the history. Read one with <c>CadreRules.Serialization.RosterReader</c>
/// or build one in code.
/// </summary>
public sealed class Roster
{
    /// <summary>The only schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the schema version; always 1.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the evaluated period.</summary>
    public required AssessmentPeriod Period { get; init; }

    /// <summary>Gets the explicit as-of date, if the input gave one.</summary>
    public DateOnly? AsOfOverride { get; init; }

    /// <summary>Gets the evaluation date: <see cref="AsOfOverride"/>, else the period's last day.</summary>
    public DateOnly AsOf => AsOfOverride ?? Period.End;

    /// <summary>Gets the units.</summary>
    public IReadOnlyList<Unit> Units { get; init; } = [];

    /// <summary>Gets the cadres.</summary>
    public IReadOnlyList<Cadre> Cadres { get; init; } = [];

    /// <summary>Gets the evidence records.</summary>
    /// <remarks>
    /// A large roster read by <see cref="Serialization.RosterReader"/> may keep its evidence compactly and
    /// make each <see cref="CadreRules.Evidence"/> object when the element is read: two reads of the same
    /// position then give equal objects, not the same instance. Compare evidence by
    /// <see cref="CadreRules.Evidence.Id"/>.
    /// </remarks>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Gets the annual grades.</summary>
    /// <remarks>
    /// As <see cref="Evidence"/>: a large roster read by <see cref="Serialization.RosterReader"/> may make each
    /// <see cref="AnnualGrade"/> when the element is read, so two reads give equal objects, not the same instance.
    /// </remarks>
    public IReadOnlyList<AnnualGrade> AnnualGrades { get; init; } = [];

    /// <summary>Gets the measures already taken.</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];

    /// <summary>Gets the past board placements.</summary>
    public IReadOnlyList<BoardPlacement> BoardHistory { get; init; } = [];

    /// <summary>
    /// Gets or sets how <c>RosterReader</c> found the records grouped (set by the reader on the roster it
    /// returns, and only there), or <see langword="null"/>.
    /// </summary>
    internal RosterLayout? Layout { get; set; }
}
