namespace CadreRules;

// Facts are classes, not records: NRules identifies facts by Equals, and two equal records
// would be one fact (STYLE.md point 12). Reference identity is what we want.

/// <summary>An organizational unit (单位): a county, district, park or department.</summary>
public sealed class Unit
{
    /// <summary>Gets the unit id, unique within the roster.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the unit's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the kind of unit.</summary>
    public required UnitKind Kind { get; init; }

    /// <summary>Gets whether the input marks the unit as under special stationed inspection (专项进驻).</summary>
    public bool UnderStationedInspection { get; init; }

    /// <summary>Gets the unit's economic indicators by year.</summary>
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    /// <summary>Gets the unit's key projects (重点工程).</summary>
    public IReadOnlyList<KeyProject> Projects { get; init; } = [];
}

/// <summary>One yearly value of an economic indicator of a unit.</summary>
public sealed class Indicator
{
    /// <summary>Gets the indicator's name, e.g. <c>GDP</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the calendar year of the value.</summary>
    public required int Year { get; init; }

    /// <summary>Gets the value (finite).</summary>
    public required double Value { get; init; }
}

/// <summary>A key project (重点工程) of a unit, with planned and actual progress.</summary>
public sealed class KeyProject
{
    /// <summary>Gets the project id, unique across all units.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the project's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the planned progress in [0, 1], compared with exact decimal arithmetic.</summary>
    public required decimal PlannedProgress { get; init; }

    /// <summary>Gets the actual progress in [0, 1].</summary>
    public required decimal ActualProgress { get; init; }

    /// <summary>Gets the due date, if any.</summary>
    public DateOnly? Due { get; init; }
}

/// <summary>A cadre (干部) on the roster.</summary>
public sealed class Cadre
{
    /// <summary>Gets the cadre id, unique within the roster.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the cadre's name. Names never appear in logs; ids do.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the id of the cadre's unit.</summary>
    public required string UnitId { get; init; }

    /// <summary>Gets the cadre's rank.</summary>
    public required CadreRank Rank { get; init; }

    /// <summary>Gets whether the cadre is a leading cadre (领导干部).</summary>
    public bool Leadership { get; init; }

    /// <summary>Gets whether the cadre is managed by the city (市管干部).</summary>
    public bool CityManaged { get; init; }
}

/// <summary>An annual assessment grade of a cadre (年度考核等次).</summary>
public sealed class AnnualGrade
{
    /// <summary>Gets the graded cadre's id.</summary>
    public required string CadreId { get; init; }

    /// <summary>Gets the assessed year.</summary>
    public required int Year { get; init; }

    /// <summary>Gets the grade.</summary>
    public required AnnualGradeLevel Grade { get; init; }
}

/// <summary>A measure already taken about a cadre (confirmed action fed back as input).</summary>
public sealed class Measure
{
    /// <summary>Gets the measure id; measures and evidence share one id space.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the cadre's id.</summary>
    public required string CadreId { get; init; }

    /// <summary>Gets the date the measure was taken.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Gets the kind of measure.</summary>
    public required MeasureKind Kind { get; init; }

    /// <summary>Gets whether the measure is adjustment-type (POLICY.md, Terms).</summary>
    public bool IsAdjustment => Kind.IsAdjustment();

    /// <summary>Gets whether the measure is an outcome (Promotion, RankAdvance or Reappointment).</summary>
    public bool IsOutcome => Kind is MeasureKind.Promotion or MeasureKind.RankAdvance or MeasureKind.Reappointment;
}

/// <summary>A past board placement (榜单记录) of a cadre.</summary>
public sealed class BoardPlacement
{
    /// <summary>Gets the cadre's id.</summary>
    public required string CadreId { get; init; }

    /// <summary>Gets the period of the placement; always before the evaluated period.</summary>
    public required AssessmentPeriod Period { get; init; }

    /// <summary>Gets the board.</summary>
    public required Board Board { get; init; }
}

/// <summary>Helpers on <see cref="MeasureKind"/>.</summary>
public static class MeasureKindExtensions
{
    /// <summary>
    /// Returns whether a measure kind is adjustment-type: PostTransfer, Removal, Demotion,
    /// OrderedResignation, ResignationForFault, GovDemotion or GovDismissalFromPost (POLICY.md, Terms).
    /// </summary>
    /// <param name="kind">The measure kind.</param>
    /// <returns>Whether it is adjustment-type.</returns>
    public static bool IsAdjustment(this MeasureKind kind) => kind is MeasureKind.PostTransfer or MeasureKind.Removal
        or MeasureKind.Demotion or MeasureKind.OrderedResignation or MeasureKind.ResignationForFault
        or MeasureKind.GovDemotion or MeasureKind.GovDismissalFromPost;
}
