namespace CadreRules.Comparisons;

/// <summary>
/// Everything the cadre rules of POLICY.md need about one cadre, aggregated in one pass over its
/// records with every window applied: counts and flags for the conditions, and the matching record
/// ids for the decisions' <c>evidence</c>. The baseline decides on these with C# conditions;
/// RulesEngine decides on them with lambda-expression rules, because it has no joins or aggregates
/// across inputs of its own.
/// </summary>
public sealed class CadreFacts
{
    private static readonly List<string> None = [];
    private static readonly int CategoryCount = Enum.GetValues<NegativeListCategory>().Length;

    private List<string>?[]? _categoryIds;
    private bool[]? _categoryVerified;

    internal CadreFacts(
        Cadre cadre,
        bool unitInspected,
        ReadOnlySpan<Evidence> evidence,
        ReadOnlySpan<AnnualGrade> grades,
        ReadOnlySpan<Measure> measures,
        ReadOnlySpan<BoardPlacement> boards,
        PolicyParameters p)
    {
        Cadre = cadre;
        Leadership = cadre.Leadership;
        UnitInspected = unitInspected;
        AggregateMeasures(measures, p);
        AggregateEvidence(evidence, p);
        AggregateGrades(grades, p);
        AggregateBoards(boards, measures, p);
    }

    public Cadre Cadre { get; }

    public bool Leadership { get; }

    /// <summary>Whether ASSESS-02 fires for the cadre's unit.</summary>
    public bool UnitInspected { get; }

    // IDENT-01 / IDENT-02

    /// <summary>Categories with Verified (any date) or EarlySign (within EarlySignWindowMonths) evidence.</summary>
    public int NegativeListCategories { get; private set; }

    public int VerifiedNegativeList => VerifiedNegativeListIds.Count;

    public List<string> VerifiedNegativeListIds { get; private set; } = None;

    // IDENT-04

    public int OversightChannelCount => System.Numerics.BitOperations.PopCount((uint)OversightChannelMask);

    /// <summary>Bit per <see cref="EvidenceChannel"/> with recent problem evidence.</summary>
    public int OversightChannelMask { get; private set; }

    public List<string> OversightProblemIds { get; private set; } = None;

    // BOARD-02, BOARD-01, ASSESS-03

    public int YellowEvidence => YellowEvidenceIds.Count;

    public List<string> YellowEvidenceIds { get; private set; } = None;

    public bool BadGradeRecent { get; private set; }

    public int RedTasks => RedTaskIds.Count;

    public List<string> RedTaskIds { get; private set; } = None;

    public int SeriousWorkStyle => SeriousWorkStyleIds.Count;

    public List<string> SeriousWorkStyleIds { get; private set; } = None;

    // MECH-02

    public int Admonishments => AdmonishmentIds.Count;

    public List<string> AdmonishmentIds { get; private set; } = None;

    public int Reminders => ReminderIds.Count;

    public List<string> ReminderIds { get; private set; } = None;

    public bool YellowPreviousPeriod { get; private set; }

    // MECH-03

    public bool IncompetentRecent { get; private set; }

    public bool IncompetentConsecutive { get; private set; }

    // MECH-04 / MECH-05 / REINST-01

    /// <summary>The end of the promotion block as a day number, or <see cref="int.MinValue"/> when no measure blocks.</summary>
    public int PromotionBlockEndDay { get; private set; } = int.MinValue;

    public List<string> BlockingIds { get; private set; } = None;

    public Measure? Tracked { get; private set; }

    public bool IsTracked => Tracked is not null;

    public int PromotionEligibleFromDay { get; private set; }

    public int LeadershipEligibleFromDay { get; private set; }

    public bool ProblemAfterTracked { get; private set; }

    public int PositiveAfterTracked { get; private set; }

    public int OutstandingAfterTracked { get; private set; }

    public List<string> SupportingAfterTrackedIds { get; private set; } = None;

    // Outcome statistics

    public bool RedPromoted { get; private set; }

    public bool YellowReminded { get; private set; }

    public bool YellowAdjusted { get; private set; }

    /// <summary>The negative-list entries: category, strongest status and evidence ids, by category order.</summary>
    public IEnumerable<(NegativeListCategory Category, bool Verified, List<string> Ids)> NegativeListEntries()
    {
        if (_categoryIds is null)
        {
            yield break;
        }

        for (int i = 0; i < _categoryIds.Length; i++)
        {
            if (_categoryIds[i] is { } ids)
            {
                yield return ((NegativeListCategory)i, _categoryVerified![i], ids);
            }
        }
    }

    private static void Add(ref List<string> list, string id)
    {
        if (ReferenceEquals(list, None))
        {
            list = [];
        }

        list.Add(id);
    }

    private void AggregateMeasures(ReadOnlySpan<Measure> measures, PolicyParameters p)
    {
        int promotionEnd = int.MinValue, leadershipEnd = int.MinValue;
        Measure? tracked = null;
        var admonishments = None;
        var reminders = None;
        var blocking = None;
        foreach (var m in measures)
        {
            int day = m.Date.DayNumber;
            bool inEscalation = day > p.EscalationAfterDay && day <= p.AsOfDay;
            if (inEscalation && m.Kind == MeasureKind.Admonishment)
            {
                Add(ref admonishments, m.Id);
            }
            else if (inEscalation && m.Kind is MeasureKind.ReminderTalk or MeasureKind.WrittenInquiry)
            {
                Add(ref reminders, m.Id);
            }

            // Influence periods: a block ends at date + months; the cadre's block at the latest end.
            int promotionMonths = p.PromotionMonths(m.Kind);
            if (promotionMonths > 0)
            {
                int end = m.Date.AddMonths(promotionMonths).DayNumber;
                promotionEnd = Math.Max(promotionEnd, end);
                if (end > p.AsOfDay)
                {
                    Add(ref blocking, m.Id);
                }
            }

            int leadershipMonths = p.LeadershipMonths(m.Kind);
            if (leadershipMonths > 0)
            {
                leadershipEnd = Math.Max(leadershipEnd, m.Date.AddMonths(leadershipMonths).DayNumber);
            }

            // MECH-05: the latest adjustment-type measure within the horizon; ties go to the id that sorts last.
            if (m.Kind.IsAdjustment() && day > p.TrackingAfterDay && day <= p.AsOfDay
                && (tracked is null || m.Date > tracked.Date || (m.Date == tracked.Date && string.CompareOrdinal(m.Id, tracked.Id) > 0)))
            {
                tracked = m;
            }
        }

        AdmonishmentIds = admonishments;
        ReminderIds = reminders;
        BlockingIds = blocking;
        PromotionBlockEndDay = promotionEnd;
        if (tracked is null)
        {
            return;
        }

        foreach (var m in measures)
        {
            if (m.Kind is MeasureKind.Promotion or MeasureKind.RankAdvance or MeasureKind.Reappointment && m.Date > tracked.Date)
            {
                return;
            }
        }

        Tracked = tracked;
        PromotionEligibleFromDay = Math.Max(tracked.Date.DayNumber, promotionEnd);
        LeadershipEligibleFromDay = Math.Max(tracked.Date.DayNumber, leadershipEnd);
    }

    private void AggregateEvidence(ReadOnlySpan<Evidence> evidence, PolicyParameters p)
    {
        var yellow = None;
        var red = None;
        var serious = None;
        var oversight = None;
        var verifiedNegative = None;
        var supporting = None;
        int trackedDay = Tracked?.Date.DayNumber ?? int.MaxValue;
        foreach (var e in evidence)
        {
            int day = e.Date.DayNumber;
            bool recent = day > p.RecentAfterDay && day <= p.AsOfDay;
            bool problem = false;
            switch (e)
            {
                case WorkStyleEvidence ws when ws.Status == FindingStatus.Verified:
                    problem = true;
                    if (recent)
                    {
                        Add(ref yellow, e.Id);
                        if (ws.Severity == Severity.Serious)
                        {
                            Add(ref serious, e.Id);
                        }
                    }

                    break;
                case NegativeListEvidence nl when nl.Status != FindingStatus.Unfounded:
                    problem = true;
                    bool verified = nl.Status == FindingStatus.Verified;
                    if (verified)
                    {
                        Add(ref verifiedNegative, e.Id);
                    }

                    if (verified || (day > p.EarlySignAfterDay && day <= p.AsOfDay))
                    {
                        _categoryIds ??= new List<string>?[CategoryCount];
                        _categoryVerified ??= new bool[CategoryCount];
                        int c = (int)nl.Category;
                        if (_categoryIds[c] is null)
                        {
                            _categoryIds[c] = [];
                            NegativeListCategories++;
                        }

                        _categoryIds[c]!.Add(e.Id);
                        _categoryVerified[c] |= verified;
                    }

                    break;
                case KeyTaskEvidence kt when kt.Rating is KeyTaskRating.Poor or KeyTaskRating.Failed:
                    problem = true;
                    if (recent)
                    {
                        Add(ref yellow, e.Id);
                    }

                    break;
                case KeyTaskEvidence kt when kt.Rating == KeyTaskRating.Outstanding && p.IsRedBoardTask(kt.Task):
                    if (recent)
                    {
                        Add(ref red, e.Id);
                    }

                    if (day > trackedDay)
                    {
                        OutstandingAfterTracked++;
                        Add(ref supporting, e.Id);
                    }

                    break;
                case AttitudeEvidence { Attitude: AttitudeRating.Positive } when day > trackedDay:
                    PositiveAfterTracked++;
                    Add(ref supporting, e.Id);
                    break;
                default:
                    break;
            }

            if (problem)
            {
                ProblemAfterTracked |= day > trackedDay;
                if (recent && e.Channel is EvidenceChannel.Supervision or EvidenceChannel.Inspection or EvidenceChannel.Audit
                    or EvidenceChannel.KeyTaskReview or EvidenceChannel.StationedInspection)
                {
                    OversightChannelMask |= 1 << (int)e.Channel;
                    Add(ref oversight, e.Id);
                }
            }
        }

        YellowEvidenceIds = yellow;
        RedTaskIds = red;
        SeriousWorkStyleIds = serious;
        OversightProblemIds = oversight;
        VerifiedNegativeListIds = verifiedNegative;
        SupportingAfterTrackedIds = supporting;
    }

    private void AggregateGrades(ReadOnlySpan<AnnualGrade> grades, PolicyParameters p)
    {
        foreach (var g in grades)
        {
            if (g.Year < p.GradeYearFrom)
            {
                continue;
            }

            if (g.Grade is AnnualGradeLevel.BasicallyCompetent or AnnualGradeLevel.Incompetent)
            {
                BadGradeRecent = true;
            }

            if (g.Grade == AnnualGradeLevel.Incompetent)
            {
                IncompetentRecent = true;
                foreach (var earlier in grades)
                {
                    IncompetentConsecutive |= earlier.Year == g.Year - 1 && earlier.Grade == AnnualGradeLevel.Incompetent;
                }
            }
        }
    }

    private void AggregateBoards(ReadOnlySpan<BoardPlacement> boards, ReadOnlySpan<Measure> measures, PolicyParameters p)
    {
        foreach (var b in boards)
        {
            YellowPreviousPeriod |= b.Board == Board.Yellow && b.Period == p.PreviousPeriod;
            var start = b.Period.Start;
            if (start < p.StatisticsSince || start > p.AsOf)
            {
                continue;
            }

            foreach (var m in measures)
            {
                if (m.Date < start || m.Date > p.AsOf)
                {
                    continue;
                }

                if (b.Board == Board.Red)
                {
                    RedPromoted |= m.Kind is MeasureKind.Promotion or MeasureKind.RankAdvance;
                }
                else
                {
                    YellowReminded |= m.Kind == MeasureKind.ReminderTalk;
                    YellowAdjusted |= m.Kind.IsAdjustment();
                }
            }
        }
    }
}
