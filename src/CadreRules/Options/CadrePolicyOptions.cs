using System.Globalization;

namespace CadreRules;

/// <summary>
/// The thresholds and tables of the policy (POLICY.md, every value marked <i>(option)</i>).
/// Mutable for binding; validated at start with one message listing every problem.
/// </summary>
public sealed class CadrePolicyOptions
{
    /// <summary>The name of the default policy.</summary>
    public const string DefaultPolicyName = "yinchuan-2024";

    /// <summary>Gets or sets the policy name written into every report.</summary>
    /// <value>The default value is <c>yinchuan-2024</c>.</value>
    public string PolicyName { get; set; } = DefaultPolicyName;

    /// <summary>Gets or sets the policy version written into every report.</summary>
    /// <value>The default value is 1.</value>
    public int PolicyVersion { get; set; } = 1;

    /// <summary>
    /// Gets or sets the first as-of date on which this policy is in force. The evaluator uses, for
    /// each roster, the registered policy with the latest <see cref="EffectiveFrom"/> on or before
    /// the roster's as-of date; <see langword="null"/> means in force from the beginning.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>Gets or sets how many months before as-of count as recent.</summary>
    /// <value>The default value is 12.</value>
    public int RecentWindowMonths { get; set; } = 12;

    /// <summary>Gets or sets how many consecutive yearly declines make a declining indicator (ASSESS-02 a).</summary>
    /// <value>The default value is 2.</value>
    public int DeclineYears { get; set; } = 2;

    /// <summary>Gets or sets the planned-minus-actual progress at which a project lags (ASSESS-02 b).</summary>
    /// <value>The default value is 0.20.</value>
    public decimal ProjectLagThreshold { get; set; } = 0.20m;

    /// <summary>Gets or sets the form of proposed adjustments (ASSESS-03, MECH-02); an adjustment-type measure kind.</summary>
    /// <value>The default value is <see cref="MeasureKind.PostTransfer"/>.</value>
    public MeasureKind AdjustmentForm { get; set; } = MeasureKind.PostTransfer;

    /// <summary>Gets or sets how many months an EarlySign negative-list finding counts (IDENT-01).</summary>
    /// <value>The default value is 24.</value>
    public int EarlySignWindowMonths { get; set; } = 24;

    /// <summary>Gets or sets how many distinct oversight channels call for joint consultation (IDENT-04).</summary>
    /// <value>The default value is 2.</value>
    public int JointConsultationMinChannels { get; set; } = 2;

    /// <summary>Gets or sets the key tasks whose Outstanding rating earns the red board (BOARD-01, REINST-01).</summary>
    /// <value>The default value is EpidemicPrevention, WorkSafety and ProjectConstruction.</value>
    public ISet<KeyTaskKind> RedBoardTasks { get; set; } =
        new HashSet<KeyTaskKind> { KeyTaskKind.EpidemicPrevention, KeyTaskKind.WorkSafety, KeyTaskKind.ProjectConstruction };

    /// <summary>Gets or sets the window for earlier measures in the escalation ladder (MECH-02).</summary>
    /// <value>The default value is 12.</value>
    public int EscalationWindowMonths { get; set; } = 12;

    /// <summary>Gets or sets how long after an adjustment-type measure the cadre is tracked (MECH-05).</summary>
    /// <value>The default value is 36.</value>
    public int TrackingHorizonMonths { get; set; } = 36;

    /// <summary>
    /// Gets or sets the first day of the outcome-statistics window; <see langword="null"/> means
    /// Jan 1 of the year before as-of.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateOnly? StatisticsSince { get; set; }

    /// <summary>Gets or sets the influence period (影响期) of each measure kind; every kind must be present.</summary>
    /// <value>The default value is the table of POLICY.md, "Influence periods".</value>
    public IDictionary<MeasureKind, InfluencePeriod> InfluencePeriods { get; set; } = CreateDefaultInfluencePeriods();

    /// <summary>Gets or sets the ids of built-in or host rules to switch off.</summary>
    /// <value>The default value is empty.</value>
    public ISet<string> DisabledRules { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Problems found while binding these options from configuration (an unknown key, a value that
    /// does not convert); <see cref="Validate"/> reports them with every other problem.
    /// </summary>
    internal List<string> ConfigurationProblems { get; } = [];

    /// <summary>Returns the default influence-period table of POLICY.md.</summary>
    /// <returns>A new mutable table.</returns>
    public static Dictionary<MeasureKind, InfluencePeriod> CreateDefaultInfluencePeriods() => new()
    {
        [MeasureKind.ReminderTalk] = new(0, 0),
        [MeasureKind.WrittenInquiry] = new(0, 0),
        [MeasureKind.Admonishment] = new(6, 0),
        [MeasureKind.PostTransfer] = new(12, 0),
        [MeasureKind.Removal] = new(24, 12),
        [MeasureKind.OrderedResignation] = new(24, 12),
        [MeasureKind.ResignationForFault] = new(24, 12),
        [MeasureKind.Demotion] = new(24, 0),
        [MeasureKind.PartyWarning] = new(12, 0),
        [MeasureKind.PartySeriousWarning] = new(18, 0),
        [MeasureKind.PartyPostRemoval] = new(24, 0),
        [MeasureKind.PartyProbation] = new(48, 0),
        [MeasureKind.GovWarning] = new(6, 0),
        [MeasureKind.GovDemerit] = new(12, 0),
        [MeasureKind.GovMajorDemerit] = new(18, 0),
        [MeasureKind.GovDemotion] = new(24, 0),
        [MeasureKind.GovDismissalFromPost] = new(24, 0),
        [MeasureKind.Promotion] = new(0, 0),
        [MeasureKind.RankAdvance] = new(0, 0),
        [MeasureKind.Reappointment] = new(0, 0),
    };

    /// <summary>Returns every problem with these options, each naming the option; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(ConfigurationProblems.Distinct(StringComparer.Ordinal));
        void Positive(int value, string name)
        {
            if (value < 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least 1 (was {value})."));
            }
        }

        if (string.IsNullOrWhiteSpace(PolicyName))
        {
            problems.Add("PolicyName must not be empty.");
        }

        Positive(PolicyVersion, nameof(PolicyVersion));
        Positive(RecentWindowMonths, nameof(RecentWindowMonths));
        Positive(DeclineYears, nameof(DeclineYears));
        Positive(EarlySignWindowMonths, nameof(EarlySignWindowMonths));
        Positive(JointConsultationMinChannels, nameof(JointConsultationMinChannels));
        Positive(EscalationWindowMonths, nameof(EscalationWindowMonths));
        Positive(TrackingHorizonMonths, nameof(TrackingHorizonMonths));
        if (JointConsultationMinChannels > 5)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"JointConsultationMinChannels must be at most 5, the number of oversight channels (was {JointConsultationMinChannels})."));
        }

        if (ProjectLagThreshold <= 0m || ProjectLagThreshold > 1m)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"ProjectLagThreshold must be greater than 0 and at most 1 (was {ProjectLagThreshold})."));
        }

        if (!Enum.IsDefined(AdjustmentForm) || !AdjustmentForm.IsAdjustment())
        {
            problems.Add($"AdjustmentForm must be an adjustment-type measure kind (PostTransfer, Removal, Demotion, OrderedResignation, ResignationForFault, GovDemotion, GovDismissalFromPost); was {AdjustmentForm}.");
        }

        if (RedBoardTasks is null || RedBoardTasks.Count == 0)
        {
            problems.Add("RedBoardTasks must name at least one key task.");
        }
        else if (RedBoardTasks.Any(t => !Enum.IsDefined(t)))
        {
            problems.Add("RedBoardTasks contains a value that is not a KeyTaskKind.");
        }

        if (InfluencePeriods is null)
        {
            problems.Add("InfluencePeriods must not be null.");
        }
        else
        {
            foreach (var kind in Enum.GetValues<MeasureKind>())
            {
                if (!InfluencePeriods.TryGetValue(kind, out var period) || period is null)
                {
                    problems.Add($"InfluencePeriods must have an entry for {kind}.");
                    continue;
                }

                if (period.PromotionMonths < 0)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"InfluencePeriods[{kind}].PromotionMonths must not be negative (was {period.PromotionMonths})."));
                }

                if (period.LeadershipMonths < 0)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"InfluencePeriods[{kind}].LeadershipMonths must not be negative (was {period.LeadershipMonths})."));
                }
            }
        }

        if (DisabledRules is null)
        {
            problems.Add("DisabledRules must not be null.");
        }

        return problems;
    }
}

/// <summary>The influence period (影响期) of one kind of measure.</summary>
public sealed class InfluencePeriod
{
    /// <summary>Creates an influence period of zero months.</summary>
    public InfluencePeriod()
    {
    }

    /// <summary>Creates an influence period.</summary>
    /// <param name="promotionMonths">Months during which promotion is blocked.</param>
    /// <param name="leadershipMonths">Months during which holding a leadership post is blocked.</param>
    public InfluencePeriod(int promotionMonths, int leadershipMonths)
    {
        PromotionMonths = promotionMonths;
        LeadershipMonths = leadershipMonths;
    }

    /// <summary>Gets or sets the months during which promotion is blocked.</summary>
    /// <value>The default value is 0.</value>
    public int PromotionMonths { get; set; }

    /// <summary>Gets or sets the months during which holding a leadership post is blocked.</summary>
    /// <value>The default value is 0.</value>
    public int LeadershipMonths { get; set; }
}

/// <summary>How the engine partitions and parallelises an evaluation. Never changes the output.</summary>
public sealed class CadreEngineOptions
{
    /// <summary>
    /// Gets or sets how many cadres (of one unit) share one rules session. Each session has a fixed
    /// cost, and each cadre is one fact, so larger sessions are cheaper up to the point where joins
    /// between cadres and the session's proposals grow (benchmarks/README.md).
    /// </summary>
    /// <value>The default value is 128: one session per unit for most units, measured a little faster than 32 at 100k cadres.</value>
    public int CadresPerSession { get; set; } = 128;

    /// <summary>Gets or sets the maximum number of sessions evaluated at once; -1 means one per processor.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Problems found while binding these options from configuration.</summary>
    internal List<string> ConfigurationProblems { get; } = [];

    /// <summary>Returns every problem with these options; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(ConfigurationProblems.Distinct(StringComparer.Ordinal));
        if (CadresPerSession < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"CadresPerSession must be at least 1 (was {CadresPerSession})."));
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxDegreeOfParallelism must be -1 or at least 1 (was {MaxDegreeOfParallelism})."));
        }

        return problems;
    }
}
