namespace CadreRules.Comparisons;

/// <summary>
/// The roster grouped by cadre (the joins a hand-written evaluation does with dictionaries), and
/// per-unit facts. Records of each cadre are kept in flat arrays with offsets so that grouping a
/// million cadres costs a few arrays rather than a million lists.
/// </summary>
public sealed class RosterFacts
{
    private readonly int[] _evidenceStart;
    private readonly Evidence[] _evidence;
    private readonly int[] _gradeStart;
    private readonly AnnualGrade[] _grades;
    private readonly int[] _measureStart;
    private readonly Measure[] _measures;
    private readonly int[] _boardStart;
    private readonly BoardPlacement[] _boards;
    private readonly int[] _unitOfCadre;

    public RosterFacts(Roster roster, PolicyParameters policy)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(policy);
        Roster = roster;
        Policy = policy;
        var cadreIndex = new Dictionary<string, int>(roster.Cadres.Count, StringComparer.Ordinal);
        for (int c = 0; c < roster.Cadres.Count; c++)
        {
            cadreIndex.Add(roster.Cadres[c].Id, c);
        }

        (_evidenceStart, _evidence) = Group(roster.Evidence, e => e.CadreId, cadreIndex);
        (_gradeStart, _grades) = Group(roster.AnnualGrades, g => g.CadreId, cadreIndex);
        (_measureStart, _measures) = Group(roster.Measures, m => m.CadreId, cadreIndex);
        (_boardStart, _boards) = Group(roster.BoardHistory, b => b.CadreId, cadreIndex);

        var unitIndex = new Dictionary<string, int>(roster.Units.Count, StringComparer.Ordinal);
        for (int u = 0; u < roster.Units.Count; u++)
        {
            unitIndex.Add(roster.Units[u].Id, u);
        }

        // ASSESS-01 joins units with their cadres: a division-level team has a leading cadre of rank
        // DeputyDivision or Division.
        _unitOfCadre = new int[roster.Cadres.Count];
        var divisionTeam = new bool[roster.Units.Count];
        for (int c = 0; c < roster.Cadres.Count; c++)
        {
            var cadre = roster.Cadres[c];
            int u = unitIndex[cadre.UnitId];
            _unitOfCadre[c] = u;
            divisionTeam[u] |= cadre.Leadership && cadre.Rank is CadreRank.DeputyDivision or CadreRank.Division;
        }

        var units = new UnitFacts[roster.Units.Count];
        for (int u = 0; u < units.Length; u++)
        {
            units[u] = new UnitFacts(roster.Units[u], divisionTeam[u], policy);
        }

        Units = units;
    }

    public Roster Roster { get; }

    public PolicyParameters Policy { get; }

    public IReadOnlyList<UnitFacts> Units { get; }

    public int CadreCount => _unitOfCadre.Length;

    /// <summary>Aggregates one cadre's records; <paramref name="unitInspected"/> is the result of ASSESS-02 for its unit.</summary>
    public CadreFacts Cadre(int cadre, bool unitInspected) => new(
        Roster.Cadres[cadre],
        unitInspected,
        _evidence.AsSpan(_evidenceStart[cadre], _evidenceStart[cadre + 1] - _evidenceStart[cadre]),
        _grades.AsSpan(_gradeStart[cadre], _gradeStart[cadre + 1] - _gradeStart[cadre]),
        _measures.AsSpan(_measureStart[cadre], _measureStart[cadre + 1] - _measureStart[cadre]),
        _boards.AsSpan(_boardStart[cadre], _boardStart[cadre + 1] - _boardStart[cadre]),
        Policy);

    public int UnitOf(int cadre) => _unitOfCadre[cadre];

    private static (int[] Start, T[] Items) Group<T>(IReadOnlyList<T> items, Func<T, string> owner, Dictionary<string, int> cadreIndex)
    {
        var owners = new int[items.Count];
        var start = new int[cadreIndex.Count + 1];
        for (int i = 0; i < items.Count; i++)
        {
            int c = cadreIndex[owner(items[i])];
            owners[i] = c;
            start[c + 1]++;
        }

        for (int c = 0; c < cadreIndex.Count; c++)
        {
            start[c + 1] += start[c];
        }

        var grouped = new T[items.Count];
        var next = (int[])start.Clone();
        for (int i = 0; i < items.Count; i++)
        {
            grouped[next[owners[i]]++] = items[i];
        }

        return (start, grouped);
    }
}

/// <summary>What ASSESS-01 and ASSESS-02 need to know about a unit.</summary>
public sealed class UnitFacts
{
    public UnitFacts(Unit unit, bool divisionTeam, PolicyParameters policy)
    {
        Unit = unit;
        DivisionTeam = divisionTeam;
        IsDepartment = unit.Kind == UnitKind.Department;
        UnderStationedInspection = unit.UnderStationedInspection;
        DecliningIndicators = Declining(unit, policy.Options.DeclineYears, policy.AsOf.Year);
        LaggingProjects = Lagging(unit, policy);
    }

    public Unit Unit { get; }

    public bool DivisionTeam { get; }

    public bool IsDepartment { get; }

    public bool UnderStationedInspection { get; }

    public IReadOnlyList<string> DecliningIndicators { get; }

    public IReadOnlyList<string> LaggingProjects { get; }

    public int DecliningCount => DecliningIndicators.Count;

    public int LaggingCount => LaggingProjects.Count;

    /// <summary>
    /// ASSESS-02 (a): the latest DeclineYears + 1 years present for the indicator are consecutive,
    /// strictly decreasing, and the latest is ≥ asOf.Year − 1.
    /// </summary>
    private static string[] Declining(Unit unit, int declineYears, int asOfYear)
    {
        if (unit.Indicators.Count == 0)
        {
            return [];
        }

        var byName = new Dictionary<string, List<Indicator>>(StringComparer.Ordinal);
        foreach (var indicator in unit.Indicators)
        {
            if (!byName.TryGetValue(indicator.Name, out var list))
            {
                byName[indicator.Name] = list = [];
            }

            list.Add(indicator);
        }

        var declining = new List<string>();
        foreach (var (name, series) in byName)
        {
            if (series.Count < declineYears + 1)
            {
                continue;
            }

            series.Sort((a, b) => b.Year.CompareTo(a.Year));
            if (series[0].Year < asOfYear - 1)
            {
                continue;
            }

            bool falling = true;
            for (int i = 1; i <= declineYears; i++)
            {
                // series[i] is the year before series[i - 1]: it must be exactly one year earlier and higher.
                if (series[i].Year != series[i - 1].Year - 1 || !(series[i].Value > series[i - 1].Value))
                {
                    falling = false;
                    break;
                }
            }

            if (falling)
            {
                declining.Add(name);
            }
        }

        declining.Sort(StringComparer.Ordinal);
        return [.. declining];
    }

    /// <summary>ASSESS-02 (b): planned − actual ≥ threshold, or due before as-of and not complete.</summary>
    private static string[] Lagging(Unit unit, PolicyParameters policy)
    {
        var lagging = new List<string>();
        foreach (var project in unit.Projects)
        {
            if (project.PlannedProgress - project.ActualProgress >= policy.Options.ProjectLagThreshold
                || (project.Due is { } due && due < policy.AsOf && project.ActualProgress < 1m))
            {
                lagging.Add(project.Id);
            }
        }

        lagging.Sort(StringComparer.Ordinal);
        return [.. lagging];
    }
}
