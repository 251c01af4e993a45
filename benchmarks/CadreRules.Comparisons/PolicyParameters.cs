namespace CadreRules.Comparisons;

/// <summary>
/// The windows and thresholds of POLICY.md for one evaluation, computed from the options without the
/// engine's <c>PolicyContext</c> (the comparisons are a cross-check, so they derive the windows
/// themselves). Dates are also exposed as day numbers, which RulesEngine expressions compare as ints.
/// </summary>
public sealed class PolicyParameters
{
    private readonly bool[] _redTasks;
    private readonly int[] _promotionMonths;
    private readonly int[] _leadershipMonths;

    public PolicyParameters(AssessmentPeriod period, DateOnly asOf, CadrePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Period = period;
        AsOf = asOf;
        AsOfDay = asOf.DayNumber;

        // POLICY.md: a date d is inside a window of N months when asOf.AddMonths(-N) < d ≤ asOf.
        RecentAfterDay = asOf.AddMonths(-options.RecentWindowMonths).DayNumber;
        EarlySignAfterDay = asOf.AddMonths(-options.EarlySignWindowMonths).DayNumber;
        EscalationAfterDay = asOf.AddMonths(-options.EscalationWindowMonths).DayNumber;
        TrackingAfterDay = asOf.AddMonths(-options.TrackingHorizonMonths).DayNumber;
        GradeYearFrom = asOf.Year - 1;
        PreviousPeriod = period.Half == PeriodHalf.H2 ? new AssessmentPeriod(period.Year, PeriodHalf.H1) : new AssessmentPeriod(period.Year - 1, PeriodHalf.H2);
        StatisticsSince = options.StatisticsSince ?? new DateOnly(asOf.Year - 1, 1, 1);
        JointConsultationMinChannels = options.JointConsultationMinChannels;
        AdjustmentForm = options.AdjustmentForm.ToString();
        Assessment = period.Half == PeriodHalf.H1 ? "MidYear" : "YearEnd";

        _redTasks = new bool[Enum.GetValues<KeyTaskKind>().Length];
        foreach (var task in options.RedBoardTasks)
        {
            _redTasks[(int)task] = true;
        }

        int kinds = Enum.GetValues<MeasureKind>().Length;
        _promotionMonths = new int[kinds];
        _leadershipMonths = new int[kinds];
        foreach (var (kind, influence) in options.InfluencePeriods)
        {
            _promotionMonths[(int)kind] = influence.PromotionMonths;
            _leadershipMonths[(int)kind] = influence.LeadershipMonths;
        }
    }

    public CadrePolicyOptions Options { get; }

    public AssessmentPeriod Period { get; }

    public DateOnly AsOf { get; }

    public int AsOfDay { get; }

    public int RecentAfterDay { get; }

    public int EarlySignAfterDay { get; }

    public int EscalationAfterDay { get; }

    public int TrackingAfterDay { get; }

    public int GradeYearFrom { get; }

    public AssessmentPeriod PreviousPeriod { get; }

    public DateOnly StatisticsSince { get; }

    public int JointConsultationMinChannels { get; }

    public string AdjustmentForm { get; }

    /// <summary>ASSESS-01's detail: MidYear for H1, YearEnd for H2.</summary>
    public string Assessment { get; }

    public bool IsRecent(DateOnly date) => date.DayNumber > RecentAfterDay && date.DayNumber <= AsOfDay;

    public bool IsRedBoardTask(KeyTaskKind task) => _redTasks[(int)task];

    public int PromotionMonths(MeasureKind kind) => _promotionMonths[(int)kind];

    public int LeadershipMonths(MeasureKind kind) => _leadershipMonths[(int)kind];
}
