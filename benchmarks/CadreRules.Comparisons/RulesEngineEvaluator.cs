using RulesEngine.Models;

namespace CadreRules.Comparisons;

/// <summary>
/// POLICY.md expressed as Microsoft RulesEngine 6 workflows of lambda-expression rules: what a .NET
/// team would write instead of CadreRules.
/// </summary>
/// <remarks>
/// RulesEngine evaluates expressions over the inputs it is given; it has no working memory, no joins
/// between facts and no aggregation over collections of facts. So, as a RulesEngine user would, we
/// precompute per-cadre aggregates in C# (<see cref="CadreFacts"/>: the cadre's records grouped, with
/// the POLICY.md windows applied) and per-unit facts (<see cref="UnitFacts"/>, including the
/// unit-to-cadre join of ASSESS-01), and let the rules decide on those. Rules that depend on other
/// rules' outcomes (BOARD-01 on BOARD-02, MECH-01 on MECH-02, …) run in later workflows that read the
/// earlier outcomes as an input, in the same three tiers as the NRules rule priorities. Rule actions —
/// building each decision's evidence and details — are C# code run for the rules that succeeded.
/// </remarks>
public sealed class RulesEngineEvaluator
{
    private const string UnitWorkflow = "units";
    private const string Tier1 = "cadres-1";
    private const string Tier2 = "cadres-2";
    private const string Tier3 = "cadres-3";

    private readonly CadrePolicyOptions _options;
    private readonly RulesEngine.RulesEngine _engine;

    public RulesEngineEvaluator(CadrePolicyOptions? options = null)
    {
        _options = options ?? new CadrePolicyOptions();
        var settings = new ReSettings
        {
            // Surface expression errors as exceptions instead of failed rules: a typo must not
            // silently turn into "rule did not fire".
            EnableExceptionAsErrorMessage = false,
        };
        _engine = new RulesEngine.RulesEngine(Workflows().ToArray(), settings);
    }

    /// <summary>The workflows, in the JSON-equivalent form a RulesEngine user keeps in configuration.</summary>
    public static IReadOnlyList<Workflow> Workflows() =>
    [
        Flow(UnitWorkflow,
            ("ASSESS-01", "u.DivisionTeam"),
            ("ASSESS-02", "!u.IsDepartment && (u.UnderStationedInspection || u.DecliningCount > 0 || u.LaggingCount > 0)")),
        Flow(Tier1,
            ("IDENT-01", "c.NegativeListCategories > 0"),
            ("IDENT-02", "c.VerifiedNegativeList > 0"),
            ("IDENT-04", "c.OversightChannelCount >= p.JointConsultationMinChannels"),
            ("BOARD-02", "c.YellowEvidence > 0 || c.BadGradeRecent"),
            ("MECH-03-demotion", "c.IncompetentRecent"),
            ("MECH-03-dismissal", "c.IncompetentConsecutive"),
            ("MECH-05", "c.IsTracked"),
            ("ASSESS-03", "c.Leadership && c.UnitInspected && c.SeriousWorkStyle > 0")),
        Flow(Tier2,
            ("IDENT-03", "o.NegativeList && !o.Excluded"),
            ("BOARD-01", "c.RedTasks > 0 && !o.Yellow && !o.NegativeList && !o.Excluded"),
            ("MECH-02-adjustment", "o.Yellow && c.Admonishments > 0"),
            ("MECH-02-admonishment", "o.Yellow && c.Admonishments == 0 && (c.Reminders > 0 || c.YellowPreviousPeriod)")),
        Flow(Tier3,
            ("MECH-01", "o.Yellow && !o.EscalateToAdjustment && !o.EscalateToAdmonishment"),
            ("MECH-04-blocked", "o.Red && !o.Excluded && c.PromotionBlockEndDay > p.AsOfDay"),
            ("MECH-04-candidate", "o.Red && !o.Excluded && c.PromotionBlockEndDay <= p.AsOfDay"),
            ("REINST-01", "o.Tracking && !o.Excluded && !c.ProblemAfterTracked && c.PositiveAfterTracked > 0 && c.OutstandingAfterTracked > 0"
                + " && (p.AsOfDay >= c.PromotionEligibleFromDay || p.AsOfDay >= c.LeadershipEligibleFromDay)")),
    ];

    public AssessmentReport Evaluate(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var p = new PolicyParameters(roster.Period, roster.AsOf, _options);
        var facts = new RosterFacts(roster, p);
        var decisions = new List<Decision>(roster.Cadres.Count * 2);
        var policyParameter = new RuleParameter("p", p);

        var inspected = new bool[facts.Units.Count];
        for (int u = 0; u < facts.Units.Count; u++)
        {
            var unit = facts.Units[u];
            var results = Run(UnitWorkflow, new RuleParameter("u", unit), policyParameter);
            inspected[u] = results[1].IsSuccess;
            DecisionWriter.WriteUnit(unit, results[0].IsSuccess, inspected[u], p, decisions);
        }

        int redPromoted = 0, yellowReminded = 0, yellowAdjusted = 0;
        var o = new CadreOutcome();
        var outcomeParameter = new RuleParameter("o", o);
        for (int c = 0; c < facts.CadreCount; c++)
        {
            var f = facts.Cadre(c, inspected[facts.UnitOf(c)]);
            var cadreParameter = new RuleParameter("c", f);
            o.Clear();

            var tier1 = Run(Tier1, cadreParameter, outcomeParameter, policyParameter);
            o.NegativeList = tier1[0].IsSuccess;
            o.Excluded = tier1[1].IsSuccess;
            o.JointConsultation = tier1[2].IsSuccess;
            o.Yellow = tier1[3].IsSuccess;
            o.Demotion = tier1[4].IsSuccess;
            o.Dismissal = tier1[5].IsSuccess;
            o.Tracking = tier1[6].IsSuccess;
            o.WorkStyleAdjustment = tier1[7].IsSuccess;

            var tier2 = Run(Tier2, cadreParameter, outcomeParameter, policyParameter);
            o.EarlySignReminder = tier2[0].IsSuccess;
            o.Red = tier2[1].IsSuccess;
            o.EscalateToAdjustment = tier2[2].IsSuccess;
            o.EscalateToAdmonishment = tier2[3].IsSuccess;

            var tier3 = Run(Tier3, cadreParameter, outcomeParameter, policyParameter);
            o.Reminder = tier3[0].IsSuccess;
            o.PromotionBlocked = tier3[1].IsSuccess;
            o.PromotionCandidate = tier3[2].IsSuccess;
            o.Reinstatement = tier3[3].IsSuccess;

            DecisionWriter.WriteCadre(f, o, p, decisions);
            redPromoted += f.RedPromoted ? 1 : 0;
            yellowReminded += f.YellowReminded ? 1 : 0;
            yellowAdjusted += f.YellowAdjusted ? 1 : 0;
        }

        DecisionWriter.Sort(decisions);
        return new AssessmentReport(_options.PolicyName, _options.PolicyVersion, roster.Period, roster.AsOf, decisions,
            new OutcomeStatistics(p.StatisticsSince, redPromoted, yellowReminded, yellowAdjusted));
    }

    private List<RuleResultTree> Run(string workflow, params RuleParameter[] parameters)
    {
        // The evaluation is CPU-bound and RulesEngine completes synchronously here; blocking on the
        // ValueTask keeps Evaluate synchronous like the other two implementations.
        var results = _engine.ExecuteAllRulesAsync(workflow, parameters).GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed: {result.ExceptionMessage}");
            }
        }

        return results;
    }

    private static Workflow Flow(string name, params (string Name, string Expression)[] rules) => new()
    {
        WorkflowName = name,
        Rules = rules.Select(r => new Rule
        {
            RuleName = r.Name,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = r.Expression,
        }).ToList(),
    };
}
