namespace CadreRules.Comparisons;

/// <summary>
/// The hand-written evaluation of POLICY.md: plain loops, arrays and dictionaries, no rules engine.
/// It is the floor the engine is measured against and, written from POLICY.md rather than from the
/// rule classes, the cross-check of the engine's decisions (reasons aside).
/// </summary>
public sealed class BaselineEvaluator
{
    private readonly CadrePolicyOptions _options;

    public BaselineEvaluator(CadrePolicyOptions? options = null)
    {
        _options = options ?? new CadrePolicyOptions();
    }

    public AssessmentReport Evaluate(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var p = new PolicyParameters(roster.Period, roster.AsOf, _options);
        var facts = new RosterFacts(roster, p);
        var decisions = new List<Decision>(roster.Cadres.Count * 2);

        var inspected = new bool[facts.Units.Count];
        for (int u = 0; u < facts.Units.Count; u++)
        {
            var unit = facts.Units[u];
            inspected[u] = !unit.IsDepartment && (unit.UnderStationedInspection || unit.DecliningCount > 0 || unit.LaggingCount > 0);
            DecisionWriter.WriteUnit(unit, screened: unit.DivisionTeam, inspected[u], p, decisions);
        }

        int redPromoted = 0, yellowReminded = 0, yellowAdjusted = 0;
        var o = new CadreOutcome();
        for (int c = 0; c < facts.CadreCount; c++)
        {
            var f = facts.Cadre(c, inspected[facts.UnitOf(c)]);
            Decide(f, p, o);
            DecisionWriter.WriteCadre(f, o, p, decisions);
            redPromoted += f.RedPromoted ? 1 : 0;
            yellowReminded += f.YellowReminded ? 1 : 0;
            yellowAdjusted += f.YellowAdjusted ? 1 : 0;
        }

        DecisionWriter.Sort(decisions);
        return new AssessmentReport(_options.PolicyName, _options.PolicyVersion, roster.Period, roster.AsOf, decisions,
            new OutcomeStatistics(p.StatisticsSince, redPromoted, yellowReminded, yellowAdjusted));
    }

    /// <summary>The cadre rules of POLICY.md, in the order their dependencies need.</summary>
    private static void Decide(CadreFacts f, PolicyParameters p, CadreOutcome o)
    {
        o.Clear();

        // 识 IDENT-01..04
        o.NegativeList = f.NegativeListCategories > 0;
        o.Excluded = f.VerifiedNegativeList > 0;
        o.EarlySignReminder = o.NegativeList && !o.Excluded;
        o.JointConsultation = f.OversightChannelCount >= p.JointConsultationMinChannels;

        // 考 ASSESS-03
        o.WorkStyleAdjustment = f.Leadership && f.UnitInspected && f.SeriousWorkStyle > 0;

        // 用 BOARD-02, BOARD-01
        o.Yellow = f.YellowEvidence > 0 || f.BadGradeRecent;
        o.Red = f.RedTasks > 0 && !o.Yellow && !o.NegativeList && !o.Excluded;

        // MECH-02 (highest step only), then MECH-01 when MECH-02 proposes nothing.
        o.EscalateToAdjustment = o.Yellow && f.Admonishments > 0;
        o.EscalateToAdmonishment = o.Yellow && !o.EscalateToAdjustment && (f.Reminders > 0 || f.YellowPreviousPeriod);
        o.Reminder = o.Yellow && !o.Escalated;

        // MECH-03
        o.Demotion = f.IncompetentRecent;
        o.Dismissal = f.IncompetentConsecutive;

        // MECH-04: the block is active while as-of is before its end.
        o.PromotionBlocked = o.Red && !o.Excluded && f.PromotionBlockEndDay > p.AsOfDay;
        o.PromotionCandidate = o.Red && !o.Excluded && !o.PromotionBlocked;

        // MECH-05, REINST-01
        o.Tracking = f.IsTracked;
        o.Reinstatement = o.Tracking && !o.Excluded && !f.ProblemAfterTracked && f.PositiveAfterTracked > 0 && f.OutstandingAfterTracked > 0
            && (p.AsOfDay >= f.PromotionEligibleFromDay || p.AsOfDay >= f.LeadershipEligibleFromDay);
    }
}
