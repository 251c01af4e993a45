namespace CadreRules;

/// <summary>
/// The evaluation context: one fact in every rules session, carrying the as-of date, the period
/// and the policy options, with the windows of POLICY.md precomputed. Rules join on it instead
/// of reading a clock or a global (STYLE.md point 11).
/// </summary>
public sealed class PolicyContext
{
    /// <summary>Creates the context of one evaluation.</summary>
    /// <param name="period">The evaluated period.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="options">The policy options; treated as read-only from here on.</param>
    public PolicyContext(AssessmentPeriod period, DateOnly asOf, CadrePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Period = period;
        AsOf = asOf;
        Options = options;
        RecentAfter = asOf.AddMonths(-options.RecentWindowMonths);
        EarlySignAfter = asOf.AddMonths(-options.EarlySignWindowMonths);
        EscalationAfter = asOf.AddMonths(-options.EscalationWindowMonths);
        TrackingAfter = asOf.AddMonths(-options.TrackingHorizonMonths);
        GradeYearFrom = asOf.Year - 1;
        PreviousPeriod = period.Previous;
        StatisticsSince = options.StatisticsSince ?? new DateOnly(asOf.Year - 1, 1, 1);
        _redBoardTasks = new bool[Enum.GetValues<KeyTaskKind>().Length];
        foreach (var task in options.RedBoardTasks)
        {
            _redBoardTasks[(int)task] = true;
        }

        _influence = new InfluencePeriod[Enum.GetValues<MeasureKind>().Length];
        foreach (var (kind, period_) in options.InfluencePeriods)
        {
            _influence[(int)kind] = new InfluencePeriod(period_.PromotionMonths, period_.LeadershipMonths);
        }
    }

    private readonly bool[] _redBoardTasks;
    private readonly InfluencePeriod[] _influence;

    /// <summary>Gets the evaluated period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the evaluation date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the policy options.</summary>
    public CadrePolicyOptions Options { get; }

    /// <summary>Gets the exclusive lower bound of the recent window: recent means <c>RecentAfter &lt; d ≤ AsOf</c>.</summary>
    public DateOnly RecentAfter { get; }

    /// <summary>Gets the exclusive lower bound of the EarlySign window of IDENT-01.</summary>
    public DateOnly EarlySignAfter { get; }

    /// <summary>Gets the exclusive lower bound of the escalation window of MECH-02.</summary>
    public DateOnly EscalationAfter { get; }

    /// <summary>Gets the exclusive lower bound of the tracking horizon of MECH-05.</summary>
    public DateOnly TrackingAfter { get; }

    /// <summary>Gets the earliest annual-grade year that counts (as-of's year − 1).</summary>
    public int GradeYearFrom { get; }

    /// <summary>Gets the period immediately before the evaluated one.</summary>
    public AssessmentPeriod PreviousPeriod { get; }

    /// <summary>Gets the first day of the outcome-statistics window.</summary>
    public DateOnly StatisticsSince { get; }

    /// <summary>Returns whether a date is recent: in <c>(asOf − RecentWindowMonths, asOf]</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is recent.</returns>
    public bool IsRecent(DateOnly date) => date > RecentAfter && date <= AsOf;

    /// <summary>Returns whether a date lies in the half-open window of <c>months</c> before as-of.</summary>
    /// <param name="date">The date.</param>
    /// <param name="after">The exclusive lower bound (one of the <c>*After</c> properties).</param>
    /// <returns>Whether it lies in the window.</returns>
    public bool IsWithin(DateOnly date, DateOnly after) => date > after && date <= AsOf;

    /// <summary>Returns whether an Outstanding rating in this task earns the red board.</summary>
    /// <param name="task">The key task.</param>
    /// <returns>Whether it is a red-board task.</returns>
    public bool IsRedBoardTask(KeyTaskKind task) => (uint)task < (uint)_redBoardTasks.Length && _redBoardTasks[(int)task];

    /// <summary>Returns the influence period of a measure kind.</summary>
    /// <param name="kind">The measure kind.</param>
    /// <returns>The influence period.</returns>
    public InfluencePeriod InfluenceOf(MeasureKind kind) => _influence[(int)kind];

    /// <summary>
    /// Returns the end of a cadre's promotion block: the latest <c>date + PromotionMonths</c> over
    /// its measures with PromotionMonths &gt; 0, or <see langword="null"/> when none has one.
    /// </summary>
    /// <param name="measures">The cadre's measures.</param>
    /// <returns>The end date, or <see langword="null"/>.</returns>
    public DateOnly? PromotionBlockEnd(IEnumerable<Measure> measures) => BlockEnd(measures, promotion: true);

    /// <summary>
    /// Returns the measures whose promotion block is still active at as-of, each with the date it
    /// lapses, in the order given. Their latest lapse date is <see cref="PromotionBlockEnd"/>.
    /// </summary>
    /// <param name="measures">The cadre's measures.</param>
    /// <returns>The active blocks.</returns>
    public IReadOnlyList<(Measure Measure, DateOnly Until)> ActivePromotionBlocks(IEnumerable<Measure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        List<(Measure, DateOnly)>? blocks = null;
        foreach (var measure in measures)
        {
            int months = _influence[(int)measure.Kind].PromotionMonths;
            if (months > 0 && measure.Date.AddMonths(months) is var until && AsOf < until)
            {
                (blocks ??= []).Add((measure, until));
            }
        }

        return blocks is null ? [] : blocks;
    }

    /// <summary>Returns the end of a cadre's leadership-post block, like <see cref="PromotionBlockEnd"/>.</summary>
    /// <param name="measures">The cadre's measures.</param>
    /// <returns>The end date, or <see langword="null"/>.</returns>
    public DateOnly? LeadershipBlockEnd(IEnumerable<Measure> measures) => BlockEnd(measures, promotion: false);

    private DateOnly? BlockEnd(IEnumerable<Measure> measures, bool promotion)
    {
        DateOnly? end = null;
        foreach (var measure in measures)
        {
            var influence = _influence[(int)measure.Kind];
            int months = promotion ? influence.PromotionMonths : influence.LeadershipMonths;
            if (months > 0)
            {
                var candidate = measure.Date.AddMonths(months);
                if (end is null || candidate > end)
                {
                    end = candidate;
                }
            }
        }

        return end;
    }
}
