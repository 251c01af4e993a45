using System.Globalization;

namespace CadreRules.Generation;

/// <summary>
/// Generates realistic, valid rosters (ROSTER-FORMAT.md) of any size for tests, benchmarks and
/// demonstrations: units of 20–100 cadres with economic indicators (some declining) and key projects
/// (some lagging), leadership teams, on average six evidence records per cadre of every kind and
/// status, annual grades, measures and board history. A share of cadres gets a scripted history
/// (reinstatement, escalation, grade consequences, red board, outcome statistics) so that every
/// built-in rule fires somewhere in a roster of a thousand cadres or more.
/// </summary>
/// <remarks>
/// Deterministic: the same cadre count, seed and options give the identical roster on every machine
/// and runtime, because the generator uses its own SplitMix64 stream (the algorithm behind
/// <see cref="Random"/> is unspecified and has changed between .NET versions).
/// </remarks>
public static class RosterGenerator
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenChars = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "文", "华", "建", "国", "志", "红", "海", "宁"];
    private static readonly string[] PlaceChars = ["兴", "庆", "金", "凤", "西", "夏", "永", "宁", "贺", "兰", "灵", "武", "阅", "海", "宝", "湖", "滨", "河", "东", "南", "北", "山", "川", "源"];
    private static readonly string[] IndicatorNames = ["GDP", "FiscalRevenue", "FixedAssetInvestment", "RetailSales"];
    private static readonly string[] ProjectWords = ["环路改造", "产业园建设", "污水处理厂", "棚户区改造", "物流中心", "生态修复", "学校扩建", "医院新院区"];
    private static readonly KeyTaskKind[] RedBoardTasks = [KeyTaskKind.EpidemicPrevention, KeyTaskKind.WorkSafety, KeyTaskKind.ProjectConstruction];
    private static readonly MeasureKind[] SanctionKinds =
    [
        MeasureKind.ReminderTalk, MeasureKind.WrittenInquiry, MeasureKind.Admonishment, MeasureKind.PostTransfer, MeasureKind.Removal,
        MeasureKind.OrderedResignation, MeasureKind.ResignationForFault, MeasureKind.Demotion, MeasureKind.PartyWarning,
        MeasureKind.PartySeriousWarning, MeasureKind.PartyPostRemoval, MeasureKind.PartyProbation, MeasureKind.GovWarning,
        MeasureKind.GovDemerit, MeasureKind.GovMajorDemerit, MeasureKind.GovDemotion, MeasureKind.GovDismissalFromPost,
    ];

    private static readonly EvidenceChannel[] AllChannels = Enum.GetValues<EvidenceChannel>();
    private static readonly EvidenceChannel[] OversightChannels =
        [EvidenceChannel.Supervision, EvidenceChannel.Inspection, EvidenceChannel.Audit, EvidenceChannel.KeyTaskReview, EvidenceChannel.StationedInspection];

    /// <summary>Generates a roster.</summary>
    /// <param name="cadres">The number of cadres (0 or more).</param>
    /// <param name="seed">The seed; the same seed, count and options give the same roster.</param>
    /// <param name="options">The shape of the roster; <see langword="null"/> for the defaults.</param>
    /// <returns>A valid roster with exactly <paramref name="cadres"/> cadres.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cadres"/> is negative.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static Roster Generate(int cadres, int seed, RosterGeneratorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cadres);
        options ??= new RosterGeneratorOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid roster generator options: " + string.Join(" ", problems), nameof(options));
        }

        return new Builder(cadres, seed, options).Build();
    }

    /// <summary>The scripted histories; each makes one or more rules fire for the cadre.</summary>
    private enum Scenario
    {
        None,
        ReinstatePromotion,
        ReinstateReappointment,
        TrackingInInfluence,
        EscalateToAdjustment,
        EscalateToAdmonishment,
        YellowAgain,
        Dismissal,
        Demotion,
        RedCandidate,
        RedBlocked,
        JointConsultation,
        Excluded,
        EarlySign,
        StatisticsRed,
        StatisticsYellow,
    }

    private sealed class Builder
    {
        private readonly int _cadreCount;
        private readonly ulong _seed;
        private readonly RosterGeneratorOptions _options;
        private readonly AssessmentPeriod _period;
        private readonly DateOnly _asOf;
        private readonly List<Unit> _units;
        private readonly List<Cadre> _cadres;
        private readonly List<Evidence> _evidence;
        private readonly List<AnnualGrade> _grades;
        private readonly List<Measure> _measures;
        private readonly List<BoardPlacement> _boards;
        private readonly AssessmentPeriod[] _pastPeriods;
        private int _nextEvidence = 1;
        private int _nextMeasure = 1;
        private int _nextProject = 1;

        public Builder(int cadres, int seed, RosterGeneratorOptions options)
        {
            _cadreCount = cadres;
            _seed = (ulong)(uint)seed;
            _options = options;
            _period = options.Period;
            _asOf = options.Period.End;
            _units = new List<Unit>(cadres / Math.Max(1, (options.MinUnitSize + options.MaxUnitSize) / 2) + 1);
            _cadres = new List<Cadre>(cadres);
            _evidence = new List<Evidence>(cadres * (options.AverageEvidencePerCadre + 1));
            _grades = new List<AnnualGrade>(cadres * 3);
            _measures = new List<Measure>(cadres / 4);
            _boards = new List<BoardPlacement>(cadres / 4);
            _pastPeriods = new AssessmentPeriod[4];
            var p = _period;
            for (int i = 0; i < _pastPeriods.Length; i++)
            {
                p = p.Previous;
                _pastPeriods[i] = p;
            }
        }

        public Roster Build()
        {
            // Unit sizes come from one stream; each unit and each cadre then has a stream of its own,
            // derived from the seed and its index, so that one cadre's history never shifts another's.
            var sizes = new SplitMix64(Mix(_seed, 0x5157_0001));
            int assigned = 0;
            while (assigned < _cadreCount)
            {
                int size = Math.Min(_cadreCount - assigned, _options.MinUnitSize + sizes.Next(_options.MaxUnitSize - _options.MinUnitSize + 1));
                AddUnit(_units.Count, assigned, size);
                assigned += size;
            }

            return new Roster
            {
                Period = _period,
                Units = _units,
                Cadres = _cadres,
                Evidence = _evidence,
                AnnualGrades = _grades,
                Measures = _measures,
                BoardHistory = _boards,
            };
        }

        private void AddUnit(int index, int firstCadre, int size)
        {
            var rng = new SplitMix64(Mix(_seed, 0x1000_0000_0000UL + (ulong)index));
            double k = rng.NextDouble();
            var kind = k < 0.25 ? UnitKind.County : k < 0.50 ? UnitKind.District : k < 0.62 ? UnitKind.Park : UnitKind.Department;
            string id = string.Create(CultureInfo.InvariantCulture, $"U-{index + 1:D5}");
            string suffix = kind switch { UnitKind.County => "县", UnitKind.District => "区", UnitKind.Park => "园区", _ => "局" };
            string name = PlaceChars[rng.Next(PlaceChars.Length)] + PlaceChars[rng.Next(PlaceChars.Length)] + suffix;

            bool declining = kind != UnitKind.Department && rng.Chance(0.2);
            var indicators = Indicators(ref rng, declining);
            var projects = Projects(ref rng, out bool lagging);
            bool stationed = rng.Chance(0.05);
            _units.Add(new Unit
            {
                Id = id,
                Name = name,
                Kind = kind,
                UnderStationedInspection = stationed,
                Indicators = indicators,
                Projects = projects,
            });

            // ASSESS-03 needs leading cadres with serious work-style problems in inspected units.
            bool inspected = kind != UnitKind.Department && (declining || lagging || stationed);
            bool divisionTeam = kind != UnitKind.Department || rng.Chance(0.8);
            int leaders = Math.Min(size, 3 + rng.Next(4));
            for (int i = 0; i < size; i++)
            {
                AddCadre(firstCadre + i, id, leader: i < leaders, head: i == 0, divisionTeam, inspected);
            }
        }

        private Indicator[] Indicators(ref SplitMix64 rng, bool declining)
        {
            int count = 2 + rng.Next(3);
            int years = 4;
            var indicators = new Indicator[count * years];
            int decliningIndex = rng.Next(count);
            for (int n = 0; n < count; n++)
            {
                double value = Math.Round(100 + (rng.NextDouble() * 900), 1);
                for (int y = 0; y < years; y++)
                {
                    int year = _asOf.Year - years + y;
                    if (y > 0)
                    {
                        double change = declining && n == decliningIndex && y >= years - 3
                            ? -(0.01 + (rng.NextDouble() * 0.08))
                            : rng.Chance(0.15) ? -(rng.NextDouble() * 0.05) : rng.NextDouble() * 0.09;
                        value = Math.Round(value * (1 + change), 1);
                    }

                    indicators[(n * years) + y] = new Indicator { Name = IndicatorNames[n], Year = year, Value = value };
                }
            }

            return indicators;
        }

        private KeyProject[] Projects(ref SplitMix64 rng, out bool lagging)
        {
            lagging = false;
            int count = rng.Next(4);
            var projects = new KeyProject[count];
            for (int i = 0; i < count; i++)
            {
                decimal planned = 0.40m + (rng.Next(61) / 100m);
                decimal lag = rng.Chance(0.2) ? 0.20m + (rng.Next(21) / 100m) : rng.Next(16) / 100m;
                decimal actual = Math.Max(0m, planned - lag);
                DateOnly? due = null;
                if (rng.Chance(0.7))
                {
                    var date = _asOf.AddDays(-180 + rng.Next(900));
                    due = date;
                    if (date < _asOf && rng.Chance(0.7))
                    {
                        planned = 1m;
                        actual = 1m;
                    }
                }

                var project = new KeyProject
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"P-{_nextProject++:D6}"),
                    Name = PlaceChars[rng.Next(PlaceChars.Length)] + ProjectWords[rng.Next(ProjectWords.Length)],
                    PlannedProgress = planned,
                    ActualProgress = actual,
                    Due = due,
                };
                lagging |= planned - actual >= 0.20m || (due is { } d && d < _asOf && actual < 1m);
                projects[i] = project;
            }

            return projects;
        }

        private void AddCadre(int index, string unitId, bool leader, bool head, bool divisionTeam, bool inspected)
        {
            var rng = new SplitMix64(Mix(_seed, 0x2000_0000_0000UL + (ulong)index));
            CadreRank rank;
            if (leader)
            {
                rank = !divisionTeam ? CadreRank.Section
                    : rng.Chance(0.02) ? CadreRank.DeputyBureau
                    : head ? CadreRank.Division : CadreRank.DeputyDivision;
            }
            else
            {
                double r = rng.NextDouble();
                rank = r < 0.45 ? CadreRank.DeputySection : r < 0.85 ? CadreRank.Section : CadreRank.DeputyDivision;
            }

            string id = string.Create(CultureInfo.InvariantCulture, $"C-{index + 1:D7}");
            _cadres.Add(new Cadre
            {
                Id = id,
                Name = Surnames[rng.Next(Surnames.Length)] + GivenChars[rng.Next(GivenChars.Length)] + GivenChars[rng.Next(GivenChars.Length)],
                UnitId = unitId,
                Rank = rank,
                Leadership = leader,
                CityManaged = leader && rank >= CadreRank.DeputyDivision,
            });

            var scenario = rng.Chance(_options.ScenarioRate) ? (Scenario)(1 + rng.Next(15)) : Scenario.None;
            bool clean = scenario is Scenario.ReinstatePromotion or Scenario.ReinstateReappointment or Scenario.RedCandidate or Scenario.RedBlocked;

            // Background: random evidence, grades, measures and board history.
            int evidenceCount = rng.Next((2 * _options.AverageEvidencePerCadre) + 1);
            for (int i = 0; i < evidenceCount; i++)
            {
                RandomEvidence(ref rng, id, clean);
            }

            for (int year = _asOf.Year - 3; year < _asOf.Year; year++)
            {
                if ((scenario is Scenario.Dismissal or Scenario.Demotion or Scenario.YellowAgain) && year >= _asOf.Year - 2)
                {
                    continue;
                }

                if (rng.Chance(0.9))
                {
                    double g = rng.NextDouble();
                    var grade = clean ? (g < 0.3 ? AnnualGradeLevel.Excellent : AnnualGradeLevel.Competent)
                        : g < 0.15 ? AnnualGradeLevel.Excellent : g < 0.94 ? AnnualGradeLevel.Competent
                        : g < 0.985 ? AnnualGradeLevel.BasicallyCompetent : AnnualGradeLevel.Incompetent;
                    Grade(id, year, grade);
                }
            }

            if (scenario == Scenario.None)
            {
                if (rng.Chance(0.06))
                {
                    Measure(id, DaysBack(ref rng, 48 * 31), SanctionKinds[rng.Next(SanctionKinds.Length)]);
                }

                if (rng.Chance(0.03))
                {
                    Measure(id, DaysBack(ref rng, 48 * 31), rng.Chance(0.5) ? MeasureKind.Promotion : MeasureKind.RankAdvance);
                }

                foreach (var past in _pastPeriods)
                {
                    double b = rng.NextDouble();
                    if (b < 0.05)
                    {
                        Board(id, past, CadreRules.Board.Red);
                    }
                    else if (b < 0.11)
                    {
                        Board(id, past, CadreRules.Board.Yellow);
                    }
                }
            }

            if (inspected && leader && rng.Chance(0.3))
            {
                WorkStyle(id, DaysBack(ref rng, 330), EvidenceChannel.StationedInspection, Severity.Serious, FindingStatus.Verified, ref rng);
            }

            Script(ref rng, id, scenario);
        }

        private void Script(ref SplitMix64 rng, string id, Scenario scenario)
        {
            switch (scenario)
            {
                case Scenario.ReinstatePromotion:
                case Scenario.ReinstateReappointment:
                {
                    // PostTransfer blocks promotion 12 months: eligible for promotion after 13+ months.
                    // Removal blocks promotion 24 and leadership 12 months: 13–23 months means reappointment only.
                    var kind = scenario == Scenario.ReinstatePromotion ? MeasureKind.PostTransfer : MeasureKind.Removal;
                    var date = _asOf.AddMonths(-(13 + rng.Next(scenario == Scenario.ReinstatePromotion ? 18 : 10)));
                    Measure(id, date, kind);
                    int afterDays = _asOf.DayNumber - date.DayNumber;
                    Attitude(id, DaysBack(ref rng, afterDays - 1), AttitudeRating.Positive, ref rng);
                    KeyTask(id, DaysBack(ref rng, afterDays - 1), RedBoardTasks[rng.Next(RedBoardTasks.Length)], KeyTaskRating.Outstanding, ref rng);
                    break;
                }

                case Scenario.TrackingInInfluence:
                    Measure(id, _asOf.AddMonths(-(1 + rng.Next(11))), rng.Chance(0.5) ? MeasureKind.GovDemotion : MeasureKind.Demotion);
                    break;
                case Scenario.EscalateToAdjustment:
                    Measure(id, _asOf.AddMonths(-(1 + rng.Next(11))), MeasureKind.Admonishment);
                    WorkStyle(id, DaysBack(ref rng, 300), RandomChannel(ref rng), rng.Chance(0.5) ? Severity.Serious : Severity.Minor, FindingStatus.Verified, ref rng);
                    break;
                case Scenario.EscalateToAdmonishment:
                    Measure(id, _asOf.AddMonths(-(1 + rng.Next(11))), rng.Chance(0.5) ? MeasureKind.ReminderTalk : MeasureKind.WrittenInquiry);
                    KeyTask(id, DaysBack(ref rng, 300), (KeyTaskKind)rng.Next(5), rng.Chance(0.7) ? KeyTaskRating.Poor : KeyTaskRating.Failed, ref rng);
                    break;
                case Scenario.YellowAgain:
                    Board(id, _period.Previous, CadreRules.Board.Yellow);
                    Grade(id, _asOf.Year - 1, AnnualGradeLevel.BasicallyCompetent);
                    break;
                case Scenario.Dismissal:
                    Grade(id, _asOf.Year - 2, AnnualGradeLevel.Incompetent);
                    Grade(id, _asOf.Year - 1, AnnualGradeLevel.Incompetent);
                    break;
                case Scenario.Demotion:
                    Grade(id, _asOf.Year - 1, AnnualGradeLevel.Incompetent);
                    break;
                case Scenario.RedCandidate:
                    KeyTask(id, DaysBack(ref rng, 330), RedBoardTasks[rng.Next(RedBoardTasks.Length)], KeyTaskRating.Outstanding, ref rng);
                    break;
                case Scenario.RedBlocked:
                {
                    // Admonishment and GovWarning block promotion 6 months, PartyWarning 12: all still running.
                    var kind = rng.Next(3) switch { 0 => MeasureKind.Admonishment, 1 => MeasureKind.GovWarning, _ => MeasureKind.PartyWarning };
                    Measure(id, _asOf.AddMonths(-(1 + rng.Next(5))), kind);
                    KeyTask(id, DaysBack(ref rng, 330), RedBoardTasks[rng.Next(RedBoardTasks.Length)], KeyTaskRating.Outstanding, ref rng);
                    break;
                }

                case Scenario.JointConsultation:
                {
                    int first = rng.Next(OversightChannels.Length);
                    int second = (first + 1 + rng.Next(OversightChannels.Length - 1)) % OversightChannels.Length;
                    WorkStyle(id, DaysBack(ref rng, 330), OversightChannels[first], Severity.Minor, FindingStatus.Verified, ref rng);
                    KeyTask(id, DaysBack(ref rng, 330), (KeyTaskKind)rng.Next(5), KeyTaskRating.Poor, ref rng, OversightChannels[second]);
                    break;
                }

                case Scenario.Excluded:
                    NegativeList(id, DaysBack(ref rng, 1000), (NegativeListCategory)rng.Next(8), FindingStatus.Verified, ref rng);
                    break;
                case Scenario.EarlySign:
                    NegativeList(id, DaysBack(ref rng, 600), (NegativeListCategory)rng.Next(8), FindingStatus.EarlySign, ref rng);
                    break;
                case Scenario.StatisticsRed:
                {
                    var past = _pastPeriods[rng.Next(2)];
                    Board(id, past, CadreRules.Board.Red);
                    Measure(id, past.Start.AddDays(rng.Next(_asOf.DayNumber - past.Start.DayNumber)), rng.Chance(0.5) ? MeasureKind.Promotion : MeasureKind.RankAdvance);
                    break;
                }

                case Scenario.StatisticsYellow:
                {
                    var past = _pastPeriods[rng.Next(2)];
                    Board(id, past, CadreRules.Board.Yellow);
                    var kind = rng.Chance(0.6) ? MeasureKind.ReminderTalk : MeasureKind.PostTransfer;
                    Measure(id, past.Start.AddDays(rng.Next(_asOf.DayNumber - past.Start.DayNumber)), kind);
                    break;
                }

                default:
                    break;
            }
        }

        private void RandomEvidence(ref SplitMix64 rng, string cadreId, bool clean)
        {
            var date = DaysBack(ref rng, 40 * 30);
            double k = rng.NextDouble();
            if (k < 0.40)
            {
                double r = rng.NextDouble();
                var rating = clean ? (r < 0.2 ? KeyTaskRating.Outstanding : KeyTaskRating.Good)
                    : r < 0.12 ? KeyTaskRating.Outstanding : r < 0.93 ? KeyTaskRating.Good : r < 0.98 ? KeyTaskRating.Poor : KeyTaskRating.Failed;
                KeyTask(cadreId, date, (KeyTaskKind)rng.Next(5), rating, ref rng);
            }
            else if (k < 0.82 || clean)
            {
                Attitude(cadreId, date, rng.Chance(clean ? 1 : 0.85) ? AttitudeRating.Positive : AttitudeRating.Negative, ref rng);
            }
            else if (k < 0.96)
            {
                double s = rng.NextDouble();
                var status = s < 0.40 ? FindingStatus.EarlySign : s < 0.70 ? FindingStatus.Verified : FindingStatus.Unfounded;
                WorkStyle(cadreId, date, RandomChannel(ref rng), rng.Chance(0.3) ? Severity.Serious : Severity.Minor, status, ref rng);
            }
            else
            {
                double s = rng.NextDouble();
                var status = s < 0.5 ? FindingStatus.EarlySign : s < 0.65 ? FindingStatus.Verified : FindingStatus.Unfounded;
                NegativeList(cadreId, date, (NegativeListCategory)rng.Next(8), status, ref rng);
            }
        }

        private static EvidenceChannel RandomChannel(ref SplitMix64 rng) => AllChannels[rng.Next(AllChannels.Length)];

        /// <summary>A date in <c>(asOf − maxDays, asOf]</c>.</summary>
        private DateOnly DaysBack(ref SplitMix64 rng, int maxDays) => _asOf.AddDays(-rng.Next(Math.Max(1, maxDays)));

        private string NextEvidenceId() => string.Create(CultureInfo.InvariantCulture, $"E-{_nextEvidence++:D8}");

        private void WorkStyle(string cadreId, DateOnly date, EvidenceChannel channel, Severity severity, FindingStatus status, ref SplitMix64 rng) =>
            _evidence.Add(new WorkStyleEvidence
            {
                Id = NextEvidenceId(),
                CadreId = cadreId,
                Date = date,
                Channel = channel,
                WorkStyle = (WorkStyleProblem)rng.Next(6),
                Severity = severity,
                Status = status,
            });

        private void NegativeList(string cadreId, DateOnly date, NegativeListCategory category, FindingStatus status, ref SplitMix64 rng) =>
            _evidence.Add(new NegativeListEvidence
            {
                Id = NextEvidenceId(),
                CadreId = cadreId,
                Date = date,
                Channel = RandomChannel(ref rng),
                Category = category,
                Status = status,
            });

        private void KeyTask(string cadreId, DateOnly date, KeyTaskKind task, KeyTaskRating rating, ref SplitMix64 rng, EvidenceChannel? channel = null) =>
            _evidence.Add(new KeyTaskEvidence
            {
                Id = NextEvidenceId(),
                CadreId = cadreId,
                Date = date,
                Channel = channel ?? (rng.Chance(0.6) ? EvidenceChannel.KeyTaskReview : rng.Chance(0.5) ? EvidenceChannel.FieldResearch : EvidenceChannel.Supervision),
                Task = task,
                Rating = rating,
            });

        private void Attitude(string cadreId, DateOnly date, AttitudeRating attitude, ref SplitMix64 rng) =>
            _evidence.Add(new AttitudeEvidence
            {
                Id = NextEvidenceId(),
                CadreId = cadreId,
                Date = date,
                Channel = rng.Chance(0.7) ? EvidenceChannel.Interview : rng.Chance(0.5) ? EvidenceChannel.FieldResearch : EvidenceChannel.Other,
                Attitude = attitude,
            });

        private void Grade(string cadreId, int year, AnnualGradeLevel grade) =>
            _grades.Add(new AnnualGrade { CadreId = cadreId, Year = year, Grade = grade });

        private void Measure(string cadreId, DateOnly date, MeasureKind kind) =>
            _measures.Add(new Measure
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"M-{_nextMeasure++:D7}"),
                CadreId = cadreId,
                Date = date,
                Kind = kind,
            });

        // Random placements go only to cadres without a scripted history, and a script adds at most
        // one, so (cadre, period) stays unique as ROSTER-FORMAT.md requires.
        private void Board(string cadreId, AssessmentPeriod period, Board board) =>
            _boards.Add(new BoardPlacement { CadreId = cadreId, Period = period, Board = board });
    }

    /// <summary>Derives an independent stream seed from a seed and an index (SplitMix64 finaliser).</summary>
    private static ulong Mix(ulong seed, ulong index)
    {
        ulong z = (seed * 0x9E37_79B9_7F4A_7C15UL) ^ (index + 0x632B_E59B_D9B4_E019UL);
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): small, fast, and the same on every machine.</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public ulong NextUInt64()
        {
            ulong z = _state += 0x9E37_79B9_7F4A_7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A uniform integer in [0, n) for n ≥ 1 (multiply-shift; the bias is below 2⁻³² for the small n used here).</summary>
        public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

        /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        public bool Chance(double p) => NextDouble() < p;
    }
}
