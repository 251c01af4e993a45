using System.Globalization;
using System.Text;
using CsCheck;

namespace CadreRules.Tests.Support;

/// <summary>
/// CsCheck generators of small, valid rosters (ROSTER-FORMAT.md: unique ids, references that
/// resolve, nothing dated after as-of, no duplicate grade, placement or indicator). Dates cluster
/// around the edges of the policy windows (6, 12, 18, 24, 36, 48 months before as-of, ± a day) so
/// that properties meet the edge cases, and the mix of evidence makes red boards, yellow boards,
/// exclusions, tracking and reinstatement all common (about two cadres in five have no problem
/// evidence at all, and one in three has a recent positive attitude and outstanding red-board work).
/// </summary>
internal static class RosterGen
{
    private static readonly AssessmentPeriod[] Periods =
    [
        new(2023, PeriodHalf.H2), new(2024, PeriodHalf.H1), new(2024, PeriodHalf.H2),
    ];

    /// <summary>A roster of 1–3 units and 1–8 cadres with evidence, grades, measures and history.</summary>
    public static Gen<Roster> Roster { get; } =
        from period in Gen.OneOfConst(Periods)
        from early in Gen.Int[0, 3]
        let asOf = early == 0 ? period.End.AddDays(-40) : period.End
        from units in UnitDraft(asOf).Array[1, 3]
        from cadres in CadreDraft(units.Length).Array[1, 8]
        from evidence in EvidenceDraft(asOf, cadres.Length).Array[0, 4 * cadres.Length]
        from grades in GradeDraft(asOf, cadres.Length).Array[0, cadres.Length]
        from measures in MeasureDraft(asOf, cadres.Length).Array[0, 2 * cadres.Length]
        from boards in BoardDraft(period, cadres.Length).Array[0, cadres.Length]
        select Assemble(period, asOf, units, cadres, evidence, grades, measures, boards);

    /// <summary>An Unfounded work-style or negative-list record for one of the roster's cadres.</summary>
    public static Gen<Evidence> UnfoundedFor(Roster roster) =>
        from cadre in Gen.Int[0, roster.Cadres.Count - 1]
        from date in DateBefore(roster.AsOf)
        from channel in Gen.Enum<EvidenceChannel>()
        from workStyle in Gen.Bool
        from problem in Gen.Enum<WorkStyleProblem>()
        from severity in Gen.Enum<Severity>()
        from category in Gen.Enum<NegativeListCategory>()
        select workStyle
            ? new WorkStyleEvidence
            {
                Id = "E-unfounded", CadreId = roster.Cadres[cadre].Id, Date = date, Channel = channel,
                WorkStyle = problem, Severity = severity, Status = FindingStatus.Unfounded,
            }
            : (Evidence)new NegativeListEvidence
            {
                Id = "E-unfounded", CadreId = roster.Cadres[cadre].Id, Date = date, Channel = channel,
                Category = category, Status = FindingStatus.Unfounded,
            };

    /// <summary>A date at or before as-of, often on the edge of a policy window.</summary>
    public static Gen<DateOnly> DateBefore(DateOnly asOf) => Gen.Frequency(
        (2, Gen.Int[0, 1500].Select(days => asOf.AddDays(-days))),
        (2, Gen.Int[0, 400].Select(days => asOf.AddDays(-days))),
        (2, Gen.Select(Gen.OneOfConst(0, 6, 12, 18, 24, 36, 48), Gen.Int[-1, 1], (months, days) => Min(asOf.AddMonths(-months).AddDays(days), asOf))));

    /// <summary>Returns a copy of the roster with one more evidence record.</summary>
    public static Roster With(this Roster roster, Evidence extra) => Copy(roster, evidence: [.. roster.Evidence, extra]);

    /// <summary>Returns a copy of the roster with the evidence, grades, measures and history in reverse order.</summary>
    public static Roster Reversed(this Roster roster) => Copy(roster,
        units: roster.Units.Reverse().ToArray(),
        cadres: roster.Cadres.Reverse().ToArray(),
        evidence: roster.Evidence.Reverse().ToArray(),
        grades: roster.AnnualGrades.Reverse().ToArray(),
        measures: roster.Measures.Reverse().ToArray(),
        boards: roster.BoardHistory.Reverse().ToArray());

    /// <summary>A compact, readable description for shrunk counter-examples.</summary>
    public static string Describe(Roster roster)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{roster.Period} asOf {D(roster.AsOf)}");
        foreach (var u in roster.Units)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n unit {u.Id} {u.Kind}{(u.UnderStationedInspection ? " stationed" : string.Empty)}")
                .AppendJoin(string.Empty, u.Indicators.Select(i => string.Create(CultureInfo.InvariantCulture, $" {i.Name}{i.Year}={i.Value}")))
                .AppendJoin(string.Empty, u.Projects.Select(p => string.Create(CultureInfo.InvariantCulture, $" {p.Id}:{p.PlannedProgress}/{p.ActualProgress}{(p.Due is { } d ? "@" + D(d) : string.Empty)}")));
        }

        foreach (var c in roster.Cadres)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n cadre {c.Id} {c.UnitId} {c.Rank}{(c.Leadership ? " leader" : string.Empty)}");
        }

        foreach (var e in roster.Evidence)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n {e.Id} {e.CadreId} {D(e.Date)} {e.Channel} ").Append(e switch
            {
                WorkStyleEvidence w => $"WorkStyle {w.WorkStyle} {w.Severity} {w.Status}",
                NegativeListEvidence n => $"NegativeList {n.Category} {n.Status}",
                KeyTaskEvidence k => $"KeyTask {k.Task} {k.Rating}",
                AttitudeEvidence a => $"Attitude {a.Attitude}",
                _ => e.Kind.ToString(),
            });
        }

        foreach (var g in roster.AnnualGrades)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n grade {g.CadreId} {g.Year} {g.Grade}");
        }

        foreach (var m in roster.Measures)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n {m.Id} {m.CadreId} {D(m.Date)} {m.Kind}");
        }

        foreach (var b in roster.BoardHistory)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n board {b.CadreId} {b.Period} {b.Board}");
        }

        return text.ToString();
    }

    private sealed record UnitShape(UnitKind Kind, bool Stationed, (string Name, int LastYearBack, double[] Values)[] Indicators, (decimal Planned, decimal Actual, int? DueDaysBack)[] Projects);

    private sealed record CadreShape(int Unit, CadreRank Rank, bool Leadership, bool Clean, (int AttitudeDaysBack, int TaskDaysBack)? Story);

    private sealed record EvidenceShape(int Cadre, DateOnly Date, EvidenceChannel Channel, Func<string, string, DateOnly, EvidenceChannel, Evidence> Create);

    private sealed record GradeShape(int Cadre, int Year, AnnualGradeLevel Grade);

    private sealed record MeasureShape(int Cadre, DateOnly Date, MeasureKind Kind);

    private sealed record BoardShape(int Cadre, AssessmentPeriod Period, Board Board);

    private static readonly decimal[] Progress = [0m, 0.2m, 0.39m, 0.4m, 0.5m, 0.6m, 0.8m, 1m];

    private static Gen<UnitShape> UnitDraft(DateOnly asOf) =>
        from kind in Gen.Enum<UnitKind>()
        from stationed in Gen.Int[0, 7].Select(n => n == 0)
        from indicators in (
            from name in Gen.OneOfConst("GDP", "Revenue", "fiscal")
            from back in Gen.Int[0, 2]
            from values in Gen.OneOfConst(4.0, 3.0, 3.0, 2.0, 1.0).Array[1, 4]
            select (name, back, values)).Array[0, 2]
        from projects in (
            from planned in Gen.OneOfConst(Progress)
            from lag in Gen.FrequencyConst((6, 0m), (2, 0.1m), (1, 0.19m), (2, 0.2m), (1, 0.3m))
            from due in Gen.FrequencyConst((4, (int?)null), (4, -200), (1, -1), (1, 0), (1, 1))
            select (planned, Math.Max(0m, planned - lag), due)).Array[0, 2]
        select new UnitShape(kind, stationed, indicators, projects);

    private static Gen<CadreShape> CadreDraft(int units) =>
        from unit in Gen.Int[0, units - 1]
        from rank in Gen.Enum<CadreRank>()
        from leadership in Gen.Bool
        from clean in Gen.Int[0, 4].Select(n => n < 2)
        from story in Gen.Int[0, 2]
        from attitudeBack in Gen.Int[0, 400]
        from taskBack in Gen.Int[0, 400]
        select new CadreShape(unit, rank, leadership, clean, story == 0 ? (attitudeBack, taskBack) : null);

    private static Gen<EvidenceShape> EvidenceDraft(DateOnly asOf, int cadres) =>
        from cadre in Gen.Int[0, cadres - 1]
        from date in DateBefore(asOf)
        from channel in Gen.Frequency(
            (3, Gen.OneOfConst(EvidenceChannel.Supervision, EvidenceChannel.Inspection, EvidenceChannel.Audit, EvidenceChannel.KeyTaskReview, EvidenceChannel.StationedInspection)),
            (1, Gen.Enum<EvidenceChannel>()))
        from create in Gen.Frequency(
            (3, WorkStyle()),
            (2, NegativeList()),
            (4, KeyTask()),
            (2, Attitude()))
        select new EvidenceShape(cadre, date, channel, create);

    private static Gen<Func<string, string, DateOnly, EvidenceChannel, Evidence>> WorkStyle() =>
        from problem in Gen.Enum<WorkStyleProblem>()
        from severity in Gen.Enum<Severity>()
        from status in Gen.Enum<FindingStatus>()
        select (Func<string, string, DateOnly, EvidenceChannel, Evidence>)((id, cadre, date, channel) => new WorkStyleEvidence
        {
            Id = id, CadreId = cadre, Date = date, Channel = channel, WorkStyle = problem, Severity = severity, Status = status,
        });

    private static Gen<Func<string, string, DateOnly, EvidenceChannel, Evidence>> NegativeList() =>
        from category in Gen.OneOfConst(NegativeListCategory.Cliques, NegativeListCategory.Cronyism, NegativeListCategory.TwoFaced)
        from status in Gen.FrequencyConst((3, FindingStatus.EarlySign), (1, FindingStatus.Verified), (1, FindingStatus.Unfounded))
        select (Func<string, string, DateOnly, EvidenceChannel, Evidence>)((id, cadre, date, channel) => new NegativeListEvidence
        {
            Id = id, CadreId = cadre, Date = date, Channel = channel, Category = category, Status = status,
        });

    private static Gen<Func<string, string, DateOnly, EvidenceChannel, Evidence>> KeyTask() =>
        from task in Gen.Enum<KeyTaskKind>()
        from rating in Gen.FrequencyConst((4, KeyTaskRating.Outstanding), (1, KeyTaskRating.Good), (1, KeyTaskRating.Poor), (1, KeyTaskRating.Failed))
        select (Func<string, string, DateOnly, EvidenceChannel, Evidence>)((id, cadre, date, channel) => new KeyTaskEvidence
        {
            Id = id, CadreId = cadre, Date = date, Channel = channel, Task = task, Rating = rating,
        });

    private static Gen<Func<string, string, DateOnly, EvidenceChannel, Evidence>> Attitude() =>
        from attitude in Gen.FrequencyConst((3, AttitudeRating.Positive), (1, AttitudeRating.Negative))
        select (Func<string, string, DateOnly, EvidenceChannel, Evidence>)((id, cadre, date, channel) => new AttitudeEvidence
        {
            Id = id, CadreId = cadre, Date = date, Channel = channel, Attitude = attitude,
        });

    /// <summary>A run of grades of one cadre for consecutive years, the last 0–2 years before as-of's year.</summary>
    private static Gen<GradeShape[]> GradeDraft(DateOnly asOf, int cadres) =>
        from cadre in Gen.Int[0, cadres - 1]
        from back in Gen.Int[0, 2]
        from grades in Gen.FrequencyConst(
            (2, AnnualGradeLevel.Excellent), (2, AnnualGradeLevel.Competent), (1, AnnualGradeLevel.BasicallyCompetent), (2, AnnualGradeLevel.Incompetent)).Array[1, 3]
        select grades.Select((grade, k) => new GradeShape(cadre, asOf.Year - back - k, grade)).ToArray();

    private static Gen<MeasureShape> MeasureDraft(DateOnly asOf, int cadres) =>
        from cadre in Gen.Int[0, cadres - 1]
        from date in DateBefore(asOf)
        from kind in Gen.Frequency(
            (4, Gen.OneOfConst(MeasureKind.ReminderTalk, MeasureKind.Admonishment, MeasureKind.Admonishment, MeasureKind.PostTransfer, MeasureKind.Removal, MeasureKind.Promotion)),
            (2, Gen.Enum<MeasureKind>()))
        select new MeasureShape(cadre, date, kind);

    private static Gen<BoardShape> BoardDraft(AssessmentPeriod period, int cadres) =>
        from cadre in Gen.Int[0, cadres - 1]
        from back in Gen.Int[1, 5]
        from board in Gen.Enum<Board>()
        select new BoardShape(cadre, Back(period, back), board);

    private static Roster Assemble(
        AssessmentPeriod period, DateOnly asOf, UnitShape[] units, CadreShape[] cadres, EvidenceShape[] evidence,
        GradeShape[][] grades, MeasureShape[] measures, BoardShape[] boards)
    {
        string UnitId(int u) => $"U-{u + 1}";
        string CadreId(int c) => $"C-{c + 1}";
        var unitList = units.Select((u, i) => new Unit
        {
            Id = UnitId(i),
            Name = UnitId(i),
            Kind = u.Kind,
            UnderStationedInspection = u.Stationed,
            Indicators = u.Indicators
                .SelectMany(ind => ind.Values.Select((v, k) => new Indicator
                {
                    Name = ind.Name, Year = asOf.Year - ind.LastYearBack - (ind.Values.Length - 1 - k), Value = v,
                }))
                .DistinctBy(ind => (ind.Name, ind.Year))
                .ToArray(),
            Projects = u.Projects.Select((p, k) => new KeyProject
            {
                Id = $"P-{i + 1}-{k + 1}", Name = "project", PlannedProgress = p.Planned, ActualProgress = p.Actual,
                Due = p.DueDaysBack is { } back ? asOf.AddDays(-back) : null,
            }).ToArray(),
        }).ToArray();
        var cadreList = cadres.Select((c, i) => new Cadre
        {
            Id = CadreId(i), Name = CadreId(i), UnitId = UnitId(c.Unit), Rank = c.Rank, Leadership = c.Leadership,
        }).ToArray();

        // Evidence and measures share one id space; measures get M- ids, evidence E- ids.
        // A clean cadre has no problem evidence, so that reinstatement and red boards are common.
        var evidenceList = evidence.Select((e, i) => e.Create($"E-{i + 1}", CadreId(e.Cadre), e.Date, e.Channel))
            .Where(e => !(e.IsProblem && cadres[int.Parse(e.CadreId.AsSpan(2), CultureInfo.InvariantCulture) - 1].Clean))
            .ToList();

        // A "story" is the record reinstatement asks for: positive attitude and outstanding red-board work, lately.
        for (int c = 0; c < cadres.Length; c++)
        {
            if (cadres[c].Story is { } story)
            {
                evidenceList.Add(new AttitudeEvidence
                {
                    Id = $"E-{evidence.Length + 2 * c + 1}", CadreId = CadreId(c), Date = asOf.AddDays(-story.AttitudeDaysBack),
                    Channel = EvidenceChannel.Interview, Attitude = AttitudeRating.Positive,
                });
                evidenceList.Add(new KeyTaskEvidence
                {
                    Id = $"E-{evidence.Length + 2 * c + 2}", CadreId = CadreId(c), Date = asOf.AddDays(-story.TaskDaysBack),
                    Channel = EvidenceChannel.KeyTaskReview, Task = KeyTaskKind.ProjectConstruction, Rating = KeyTaskRating.Outstanding,
                });
            }
        }

        var gradeList = grades.SelectMany(run => run).DistinctBy(g => (g.Cadre, g.Year))
            .Select(g => new AnnualGrade { CadreId = CadreId(g.Cadre), Year = g.Year, Grade = g.Grade }).ToArray();
        var measureList = measures.Select((m, i) => new Measure { Id = $"M-{i + 1}", CadreId = CadreId(m.Cadre), Date = m.Date, Kind = m.Kind }).ToArray();
        var boardList = boards.DistinctBy(b => (b.Cadre, b.Period))
            .Select(b => new BoardPlacement { CadreId = CadreId(b.Cadre), Period = b.Period, Board = b.Board }).ToArray();
        return new Roster
        {
            Period = period,
            AsOfOverride = asOf == period.End ? null : asOf,
            Units = unitList,
            Cadres = cadreList,
            Evidence = evidenceList,
            AnnualGrades = gradeList,
            Measures = measureList,
            BoardHistory = boardList,
        };
    }

    private static Roster Copy(
        Roster roster,
        IReadOnlyList<Unit>? units = null,
        IReadOnlyList<Cadre>? cadres = null,
        IReadOnlyList<Evidence>? evidence = null,
        IReadOnlyList<AnnualGrade>? grades = null,
        IReadOnlyList<Measure>? measures = null,
        IReadOnlyList<BoardPlacement>? boards = null) => new()
    {
        Period = roster.Period,
        AsOfOverride = roster.AsOfOverride,
        Units = units ?? roster.Units,
        Cadres = cadres ?? roster.Cadres,
        Evidence = evidence ?? roster.Evidence,
        AnnualGrades = grades ?? roster.AnnualGrades,
        Measures = measures ?? roster.Measures,
        BoardHistory = boards ?? roster.BoardHistory,
    };

    private static AssessmentPeriod Back(AssessmentPeriod period, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            period = period.Previous;
        }

        return period;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
