using System.Globalization;

namespace CadreRules.Testing;

/// <summary>
/// Builds a <see cref="Roster"/> in code for tests: units, cadres, evidence, grades, measures and
/// board history, with dates written as <c>yyyy-MM-dd</c> and ids generated when not given.
/// </summary>
public sealed class RosterBuilder
{
    private readonly AssessmentPeriod _period;
    private DateOnly? _asOf;
    private readonly List<Unit> _units = [];
    private readonly List<Cadre> _cadres = [];
    private readonly List<Evidence> _evidence = [];
    private readonly List<AnnualGrade> _grades = [];
    private readonly List<Measure> _measures = [];
    private readonly List<BoardPlacement> _boards = [];
    private int _nextEvidence = 1;
    private int _nextMeasure = 1;

    /// <summary>Starts a roster for a period such as <c>2024H2</c>.</summary>
    /// <param name="period">The evaluated period.</param>
    public RosterBuilder(string period = "2024H2")
    {
        _period = AssessmentPeriod.Parse(period);
    }

    /// <summary>Sets the as-of date (default: the period's last day).</summary>
    /// <param name="asOf">The date, <c>yyyy-MM-dd</c>.</param>
    /// <returns>This builder.</returns>
    public RosterBuilder AsOf(string asOf)
    {
        _asOf = ParseDate(asOf);
        return this;
    }

    /// <summary>Adds a unit.</summary>
    /// <param name="id">The unit id.</param>
    /// <param name="kind">The unit kind.</param>
    /// <param name="configure">Adds indicators and projects.</param>
    /// <param name="name">The unit name (default: the id).</param>
    /// <returns>This builder.</returns>
    public RosterBuilder Unit(string id, UnitKind kind = UnitKind.District, Action<UnitBuilder>? configure = null, string? name = null)
    {
        var unit = new UnitBuilder();
        configure?.Invoke(unit);
        _units.Add(new Unit
        {
            Id = id,
            Name = name ?? id,
            Kind = kind,
            UnderStationedInspection = unit.Stationed,
            Indicators = unit.Indicators,
            Projects = unit.Projects,
        });
        return this;
    }

    /// <summary>Adds a cadre; adds a District unit of that id first when the unit does not exist yet.</summary>
    /// <param name="id">The cadre id.</param>
    /// <param name="unitId">The unit id.</param>
    /// <param name="rank">The rank.</param>
    /// <param name="leadership">Whether the cadre is a leading cadre.</param>
    /// <param name="name">The name (default: the id).</param>
    /// <returns>This builder.</returns>
    public RosterBuilder Cadre(string id, string unitId = "U-1", CadreRank rank = CadreRank.Section, bool leadership = false, string? name = null)
    {
        if (!_units.Exists(u => u.Id == unitId))
        {
            Unit(unitId);
        }

        _cadres.Add(new Cadre { Id = id, Name = name ?? id, UnitId = unitId, Rank = rank, Leadership = leadership });
        return this;
    }

    /// <summary>Adds work-style evidence.</summary>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="date">The date, <c>yyyy-MM-dd</c>.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="status">The status.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="id">The id (default: generated <c>E-n</c>).</param>
    /// <returns>This builder.</returns>
    public RosterBuilder WorkStyle(string cadreId, string date, WorkStyleProblem problem = WorkStyleProblem.Delaying,
        Severity severity = Severity.Serious, FindingStatus status = FindingStatus.Verified,
        EvidenceChannel channel = EvidenceChannel.Supervision, string? id = null)
    {
        _evidence.Add(new WorkStyleEvidence
        {
            Id = id ?? NextEvidenceId(), CadreId = cadreId, Date = ParseDate(date), Channel = channel,
            WorkStyle = problem, Severity = severity, Status = status,
        });
        return this;
    }

    /// <summary>Adds negative-list evidence.</summary>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="date">The date, <c>yyyy-MM-dd</c>.</param>
    /// <param name="category">The category.</param>
    /// <param name="status">The status.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="id">The id (default: generated <c>E-n</c>).</param>
    /// <returns>This builder.</returns>
    public RosterBuilder NegativeList(string cadreId, string date, NegativeListCategory category = NegativeListCategory.Cliques,
        FindingStatus status = FindingStatus.EarlySign, EvidenceChannel channel = EvidenceChannel.Interview, string? id = null)
    {
        _evidence.Add(new NegativeListEvidence
        {
            Id = id ?? NextEvidenceId(), CadreId = cadreId, Date = ParseDate(date), Channel = channel,
            Category = category, Status = status,
        });
        return this;
    }

    /// <summary>Adds key-task evidence.</summary>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="date">The date, <c>yyyy-MM-dd</c>.</param>
    /// <param name="task">The task.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="id">The id (default: generated <c>E-n</c>).</param>
    /// <returns>This builder.</returns>
    public RosterBuilder KeyTask(string cadreId, string date, KeyTaskKind task = KeyTaskKind.WorkSafety,
        KeyTaskRating rating = KeyTaskRating.Outstanding, EvidenceChannel channel = EvidenceChannel.KeyTaskReview, string? id = null)
    {
        _evidence.Add(new KeyTaskEvidence
        {
            Id = id ?? NextEvidenceId(), CadreId = cadreId, Date = ParseDate(date), Channel = channel,
            Task = task, Rating = rating,
        });
        return this;
    }

    /// <summary>Adds attitude evidence.</summary>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="date">The date, <c>yyyy-MM-dd</c>.</param>
    /// <param name="attitude">The attitude.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="id">The id (default: generated <c>E-n</c>).</param>
    /// <returns>This builder.</returns>
    public RosterBuilder Attitude(string cadreId, string date, AttitudeRating attitude = AttitudeRating.Positive,
        EvidenceChannel channel = EvidenceChannel.Interview, string? id = null)
    {
        _evidence.Add(new AttitudeEvidence
        {
            Id = id ?? NextEvidenceId(), CadreId = cadreId, Date = ParseDate(date), Channel = channel, Attitude = attitude,
        });
        return this;
    }

    /// <summary>Adds an annual grade.</summary>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="year">The year.</param>
    /// <param name="grade">The grade.</param>
    /// <returns>This builder.</returns>
    public RosterBuilder Grade(string cadreId, int year, AnnualGradeLevel grade)
    {
        _grades.Add(new AnnualGrade { CadreId = cadreId, Year = year, Grade = grade });
        return this;
    }

    /// <summary>Adds a measure already taken.</summary>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="date">The date, <c>yyyy-MM-dd</c>.</param>
    /// <param name="kind">The measure kind.</param>
    /// <param name="id">The id (default: generated <c>M-n</c>).</param>
    /// <returns>This builder.</returns>
    public RosterBuilder Measure(string cadreId, string date, MeasureKind kind, string? id = null)
    {
        _measures.Add(new Measure { Id = id ?? $"M-{_nextMeasure++}", CadreId = cadreId, Date = ParseDate(date), Kind = kind });
        return this;
    }

    /// <summary>Adds a past board placement.</summary>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="period">The period, e.g. <c>2024H1</c>.</param>
    /// <param name="board">The board.</param>
    /// <returns>This builder.</returns>
    public RosterBuilder Board(string cadreId, string period, Board board)
    {
        _boards.Add(new BoardPlacement { CadreId = cadreId, Period = AssessmentPeriod.Parse(period), Board = board });
        return this;
    }

    /// <summary>Builds the roster.</summary>
    /// <returns>A new roster holding copies of the lists built so far.</returns>
    public Roster Build() => new()
    {
        Period = _period,
        AsOfOverride = _asOf,
        Units = [.. _units],
        Cadres = [.. _cadres],
        Evidence = [.. _evidence],
        AnnualGrades = [.. _grades],
        Measures = [.. _measures],
        BoardHistory = [.. _boards],
    };

    private string NextEvidenceId() => $"E-{_nextEvidence++}";

    internal static DateOnly ParseDate(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Adds indicators and projects to a unit built by <see cref="RosterBuilder"/>.</summary>
public sealed class UnitBuilder
{
    internal List<Indicator> Indicators { get; } = [];

    internal List<KeyProject> Projects { get; } = [];

    internal bool Stationed { get; private set; }

    /// <summary>Adds one yearly value of an economic indicator.</summary>
    /// <param name="name">The indicator name.</param>
    /// <param name="year">The year.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public UnitBuilder Indicator(string name, int year, double value)
    {
        Indicators.Add(new Indicator { Name = name, Year = year, Value = value });
        return this;
    }

    /// <summary>Adds values of one indicator for consecutive years starting at <paramref name="firstYear"/>.</summary>
    /// <param name="name">The indicator name.</param>
    /// <param name="firstYear">The year of the first value.</param>
    /// <param name="values">The values, one per year.</param>
    /// <returns>This builder.</returns>
    public UnitBuilder Series(string name, int firstYear, params double[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            Indicator(name, firstYear + i, values[i]);
        }

        return this;
    }

    /// <summary>Adds a key project.</summary>
    /// <param name="id">The project id.</param>
    /// <param name="planned">The planned progress.</param>
    /// <param name="actual">The actual progress.</param>
    /// <param name="due">The due date, <c>yyyy-MM-dd</c>, if any.</param>
    /// <returns>This builder.</returns>
    public UnitBuilder Project(string id, decimal planned, decimal actual, string? due = null)
    {
        Projects.Add(new KeyProject
        {
            Id = id, Name = id, PlannedProgress = planned, ActualProgress = actual,
            Due = due is null ? null : RosterBuilder.ParseDate(due),
        });
        return this;
    }

    /// <summary>Marks the unit as under stationed inspection.</summary>
    /// <returns>This builder.</returns>
    public UnitBuilder UnderStationedInspection()
    {
        Stationed = true;
        return this;
    }
}
