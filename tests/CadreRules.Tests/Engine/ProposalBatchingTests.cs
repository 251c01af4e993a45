using CadreRules.Rules;
using CadreRules.Testing;
using CadreRules.Tests.Sdk;
using NRules.Fluent.Dsl;

namespace CadreRules.Tests.Engine;

/// <summary>
/// The evaluator inserts proposals in batches, and only those some proposal pattern can match
/// (ProposalSink, ProposalRouting). These tests pin what that must not change for host rules.
/// </summary>
public sealed class ProposalBatchingTests
{
    [Fact]
    public void Routing_DefaultRules_InsertsOnlyTheKindsSomeRuleReads()
    {
        var routing = CadreRuleSet.CreateDefault().ProposalRouting;

        routing.MayMatch(new Proposal("BOARD-02", DecisionKind.YellowBoard, "C-1", "r")).Should().BeTrue("BOARD-01, MECH-01 and MECH-02 read yellow boards");
        routing.MayMatch(new Proposal("MECH-05", DecisionKind.Tracking, "C-1", "r")).Should().BeFalse("REINST-01 reads tracking, but only of a cadre of the session (RecordResolutionTests)");
        routing.MayMatch(new Proposal("MECH-02", DecisionKind.Admonishment, "C-1", "r")).Should().BeTrue("MECH-01 reads MECH-02's proposals");
        routing.MayMatch(new Proposal("ASSESS-02", DecisionKind.SpecialInspection, "U-1", "r")).Should().BeTrue("ASSESS-03 reads inspections");
        routing.MayMatch(new Proposal("MECH-01", DecisionKind.ReminderTalk, "C-1", "r")).Should().BeFalse();
        routing.MayMatch(new Proposal("MECH-03", DecisionKind.Demotion, "C-1", "r")).Should().BeFalse();
        routing.MayMatch(new Proposal("MECH-04", DecisionKind.PromotionCandidate, "C-1", "r")).Should().BeFalse();
    }

    [Fact]
    public void Routing_DefaultRules_KnowsWhichRulesReadProposals()
    {
        var set = CadreRuleSet.CreateDefault();
        var routing = set.ProposalRouting;
        var readers = set.Rules.Select(r => r.Id).Where(id => routing.Reads(id)).ToList();

        readers.Should().BeEquivalentTo("ASSESS-03", "BOARD-01", "IDENT-03", "MECH-01", "MECH-02", "MECH-04", "REINST-01");
    }

    [Fact]
    public void Routing_ConditionThatThrows_CountsAsMet()
    {
        // The proposal is inserted, so NRules evaluates the condition and reports the failure with
        // the rule's name, as it would without the routing.
        var routing = new CadreRuleSet([typeof(ThrowingConditionRule)], []).ProposalRouting;

        routing.MayMatch(new Proposal("MECH-01", DecisionKind.ReminderTalk, "C-1", "r")).Should().BeTrue();
        routing.Reads(ThrowingConditionRule.Id).Should().BeTrue();
    }

    [Fact]
    public void MustInsertBefore_OnlyProposalsThatARuleOfTheNextOnesPriorityOrHigherCanMatch()
    {
        var set = CadreRuleSet.CreateDefault();
        var routing = set.ProposalRouting;
        var rules = new NRules.Fluent.RuleRepository();
        rules.Load(x => x.From(CadreRuleSet.BuiltInRuleTypes));
        var byId = rules.GetRuleSets().SelectMany(r => r.Rules).ToDictionary(r => r.Name);
        var red = new Proposal("BOARD-01", DecisionKind.RedBoard, "C-1", "r");
        var yellow = new Proposal("BOARD-02", DecisionKind.YellowBoard, "C-1", "r");

        // A red board is read only by MECH-04 (Consequences), for a cadre of the session: it can wait
        // while Derived rules fire.
        var policy = new PolicyContext(new AssessmentPeriod(2024, PeriodHalf.H2), new DateOnly(2024, 12, 31), new CadrePolicyOptions());
        var cadre = new Cadre { Id = "C-1", Name = "C-1", UnitId = "U-1", Rank = CadreRank.Section };
        using (ProposalSink.Enter(new Dictionary<string, CadreRecord>(StringComparer.Ordinal) { ["C-1"] = new CadreRecord(policy, cadre, [], [], [], []) }))
        {
            routing.Reach(red).Should().Be(RulePriority.Consequences);
            routing.MustInsertBefore(byId["BOARD-01"], routing.Reach(red)).Should().BeFalse();
            routing.MustInsertBefore(byId["MECH-04"], routing.Reach(red)).Should().BeTrue();
        }

        // A yellow board is read by BOARD-01 (Derived): it goes in before any Derived rule fires.
        routing.Reach(yellow).Should().Be(RulePriority.Derived);
        routing.MustInsertBefore(byId["MECH-02"], routing.Reach(yellow)).Should().BeTrue();
        routing.MustInsertBefore(byId["ASSESS-03"], routing.Reach(yellow)).Should().BeFalse("ASSESS-03 (Facts) and every Facts rule read no yellow board");
        routing.MustInsertBefore(byId["IDENT-01"], routing.Reach(yellow)).Should().BeFalse("IDENT-01 reads no proposal");

        // A reminder talk is read by no rule: it never goes into a session.
        routing.Reach(new Proposal("MECH-01", DecisionKind.ReminderTalk, "C-1", "r")).Should().Be(int.MinValue);
    }

    [Fact]
    public void HostRules_AProposalAHigherPriorityRuleReads_GoesInBeforeALowerRuleFires()
    {
        // HOST-26 (priority 30) flags C-1; HOST-27 (25) excludes a flagged cadre. BOARD-01 (20) reads
        // no flag, but the flag must go in before it fires: HOST-27's exclusion comes first, as with
        // immediate inserts, and keeps C-1 off the red board.
        var roster = new RosterBuilder("2024H2")
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .KeyTask("C-1", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1")
            .Cadre("C-2", "U-1")
            .KeyTask("C-2", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2");

        var result = new CadreRulesHarness().AddRule<FlagRule>().AddRule<ExcludeFlaggedRule>().Evaluate(roster);

        result.Decision(DecisionKind.Exclusion, "C-1").Single.Rules.Should().Equal(ExcludeFlaggedRule.Id);
        result.NoDecision(DecisionKind.RedBoard, "C-1");
        result.Decision(DecisionKind.RedBoard, "C-2").Single.Rules.Should().Equal("BOARD-01");
    }

    [Fact]
    public void HostRule_ReadingAKindNoBuiltInRuleReads_StillSeesIt()
    {
        var result = new CadreRulesHarness().AddRule<FollowUpRule>().Evaluate(Rosters.YellowAndRed());

        result.Fired(FollowUpRule.Id).For("C-1");
        result.NotFired(FollowUpRule.Id, "C-2");
        result.Decision(FollowUpRule.FollowUp, "C-1").Single.Evidence.Should().Equal("E-1");
    }

    [Fact]
    public void HostRule_InsertingAProposalItself_ReachesTheReport()
    {
        var result = new CadreRulesHarness().AddRule<DirectInsertRule>().Evaluate(Rosters.YellowAndRed());

        result.Decision(DirectInsertRule.Direct, "C-1").Single.Rules.Should().Equal(DirectInsertRule.Id);
        result.NoDecision(DirectInsertRule.Direct, "C-2");
    }

    [Fact]
    public void HostRule_AfterTheBuiltIns_SeesEveryProposalOfTheCadre()
    {
        // C-1: YellowBoard + ReminderTalk; C-2: RedBoard + PromotionCandidate. The host rule counts a
        // cadre's proposals when it fires (priority 0, after the built-in rules).
        var result = new CadreRulesHarness().AddRule<ProposalCountRule>().Evaluate(Rosters.YellowAndRed());

        result.Decision(ProposalCountRule.Count, "C-1").Single.GetDetail("kinds").Should().Be("ReminderTalk, YellowBoard");
        result.Decision(ProposalCountRule.Count, "C-2").Single.GetDetail("kinds").Should().Be("PromotionCandidate, RedBoard");
    }

    /// <summary>HOST-26: flags C-1 (a host kind), before the built-in Derived rules.</summary>
    [Name(Id), Priority(30)]
    public sealed class FlagRule : Rule
    {
        public const string Id = "HOST-26";

        public static readonly DecisionKind Flag = new("Flag");

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record, r => r.Cadre.Id == "C-1");

            Then()
                .Do(ctx => ctx.Propose(Flag, record.Id, "Flagged."));
        }
    }

    /// <summary>HOST-27: excludes a flagged cadre, between the Facts and the Derived rules.</summary>
    [Name(Id), Priority(25)]
    public sealed class ExcludeFlaggedRule : Rule
    {
        public const string Id = "HOST-27";

        public override void Define()
        {
            Proposal flag = null!;

            When()
                .Match(() => flag, p => p.Kind == FlagRule.Flag);

            Then()
                .Do(ctx => ctx.Propose(DecisionKind.Exclusion, flag.Subject, "Excluded for the flag."));
        }
    }

    /// <summary>HOST-20: every reminder talk gets a follow-up (reads a kind no built-in rule reads).</summary>
    [Name(Id)]
    public sealed class FollowUpRule : Rule
    {
        public const string Id = "HOST-20";

        public static readonly DecisionKind FollowUp = new("FollowUp");

        public override void Define()
        {
            Proposal reminder = null!;

            When()
                .Match(() => reminder, p => p.Kind == DecisionKind.ReminderTalk);

            Then()
                .Do(ctx => ctx.Propose(FollowUp, reminder.Subject, "Follow up the reminder talk.", reminder.Evidence, null));
        }
    }

    /// <summary>HOST-24: a proposal condition that throws for proposals without a "level" detail.</summary>
    [Name(Id)]
    public sealed class ThrowingConditionRule : Rule
    {
        public const string Id = "HOST-24";

        public override void Define()
        {
            Proposal proposal = null!;

            When()
                .Match(() => proposal, p => (string)p.Details["level"] == "high");

            Then()
                .Do(ctx => ctx.Propose(DecisionKind.ReminderTalk, proposal.Subject, "High level."));
        }
    }

    /// <summary>HOST-21: inserts its proposal with IContext.Insert instead of Propose.</summary>
    [Name(Id)]
    public sealed class DirectInsertRule : Rule
    {
        public const string Id = "HOST-21";

        public static readonly DecisionKind Direct = new("Direct");

        public override void Define()
        {
            Cadre cadre = null!;

            When()
                .Match(() => cadre, c => c.Rank == CadreRank.Division);

            Then()
                .Do(ctx => ctx.Insert(new Proposal(Id, Direct, cadre.Id, "Inserted directly.")));
        }
    }

    /// <summary>HOST-22: lists the kinds of the proposals about a cadre with evidence (reads every proposal kind).</summary>
    [Name(Id)]
    public sealed class ProposalCountRule : Rule
    {
        public const string Id = "HOST-22";

        public static readonly DecisionKind Count = new("ProposalKinds");

        public override void Define()
        {
            CadreRecord record = null!;
            IEnumerable<Proposal> proposals = null!;

            When()
                .Match(() => record, r => r.Evidence.Count > 0)
                .Query(() => proposals, q => q
                    .Match<Proposal>(p => p.RuleId != Id, p => p.Subject == record.Cadre.Id)
                    .Collect()
                    .Where(x => x.Any()));

            Then()
                .Do(ctx => ctx.Propose(Count, record.Id, "Proposal kinds.", null, Detail.Of("kinds", Kinds(proposals))));
        }

        private static string Kinds(IEnumerable<Proposal> proposals) =>
            string.Join(", ", proposals.Select(p => p.Kind.Name).Order(StringComparer.Ordinal));
    }
}

public sealed class CancellationTests
{
    [Fact]
    public void Evaluate_CancelledWhileTheLastSessionFires_ThrowsInsteadOfReturningAPartialReport()
    {
        // One unit, one cadre: the cancellation happens while the last session fires; NRules stops
        // firing without throwing, and the evaluator must not merge what that session made so far.
        using var source = new CancellationTokenSource();
        CancellingRule.Source = source;
        var evaluator = new CadreEvaluator(new CadreRuleSet([typeof(CancellingRule)], []),
            engine: new CadreEngineOptions { MaxDegreeOfParallelism = 1 });
        var roster = new RosterBuilder("2024H2")
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Build();

        var act = () => evaluator.Evaluate(roster, source.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    /// <summary>HOST-23: cancels the evaluation the first time it fires (in the cadre phase).</summary>
    [Name(Id), Priority(100)]
    public sealed class CancellingRule : Rule
    {
        public const string Id = "HOST-23";

        public static CancellationTokenSource? Source { get; set; }

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record);

            Then()
                .Do(ctx => Cancel());
        }

        private static void Cancel() => Source?.Cancel();
    }
}
