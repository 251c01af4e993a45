using CadreRules.Rules;
using CadreRules.Testing;
using NRules.Fluent.Dsl;

namespace CadreRules.Tests.Engine;

/// <summary>
/// A cadre session holds a <see cref="CadreRecord"/> only for cadres some record pattern can match
/// (<see cref="FactFilter{T}"/>), and the rules that react to a cadre's proposal find the cadre's record
/// through the session's batch (<see cref="Proposal.Record"/>) instead of joining every record. These
/// tests pin that both give what a session holding every record and joining on the subject gave.
/// </summary>
public sealed class RecordResolutionTests
{
    private static readonly PolicyContext Policy = new(new AssessmentPeriod(2024, PeriodHalf.H2), new DateOnly(2024, 12, 31), new CadrePolicyOptions());

    [Fact]
    public void Routing_AKindOnlyReadForACadreOfTheSession_NeedsThatCadresRecord()
    {
        // Only REINST-01 reads tracking, and only for a cadre of the session with measures.
        var routing = CadreRuleSet.CreateDefault().ProposalRouting;
        var tracking = new Proposal("MECH-05", DecisionKind.Tracking, "C-1", "r");
        var elsewhere = new Proposal("MECH-05", DecisionKind.Tracking, "C-9", "r");
        var records = new Dictionary<string, CadreRecord>(StringComparer.Ordinal) { ["C-1"] = Record("C-1", measures: 1) };

        using (ProposalSink.Enter(records))
        {
            tracking.Record.Should().BeSameAs(records["C-1"]);
            routing.MayMatch(tracking).Should().BeTrue();
            elsewhere.Record.Should().BeNull();
            routing.MayMatch(elsewhere).Should().BeFalse("C-9 is not a cadre of the session");
        }

        tracking.Record.Should().BeNull("no session is running");
        routing.MayMatch(tracking).Should().BeFalse();
        using (ProposalSink.Enter(new Dictionary<string, CadreRecord>(StringComparer.Ordinal) { ["C-1"] = Record("C-1", measures: 0) }))
        {
            routing.MayMatch(tracking).Should().BeFalse("REINST-01 needs a tracked measure");
        }
    }

    [Fact]
    public void Filter_DefaultRules_SkipsRecordsThatNoPatternCanMatch()
    {
        var filter = CadreRuleSet.CreateDefault().CadreRecordFilter;

        filter.PassesAll.Should().BeFalse("every built-in record pattern has a condition on the record alone");
        filter.MayMatch(Record("C-1")).Should().BeFalse("a cadre with nothing on record can match no built-in rule");
        filter.MayMatch(Record("C-1", measures: 1)).Should().BeFalse("an old reminder talk is not tracked");
        filter.MayMatch(Record("C-1", adjustment: true)).Should().BeTrue("MECH-05 tracks a recent adjustment");
    }

    [Fact]
    public void Filter_HostPatternWithoutConditions_PassesEveryRecord()
    {
        var filter = new CadreRuleSet([typeof(EveryCadreRule)], []).CadreRecordFilter;

        filter.PassesAll.Should().BeTrue();
        filter.MayMatch(Record("C-1")).Should().BeTrue();
    }

    [Fact]
    public void Filter_ConditionThatThrows_CountsAsMet()
    {
        // The record goes in, and NRules evaluates the condition and reports the failure with the
        // rule's name, as it would without the filter.
        var filter = new CadreRuleSet([typeof(ThrowingRecordRule)], []).CadreRecordFilter;

        filter.PassesAll.Should().BeFalse();
        filter.MayMatch(Record("C-1")).Should().BeTrue();
    }

    [Fact]
    public void HostRule_MatchingRecordsWithNothingOnThem_SeesThem()
    {
        // C-2 has nothing on record: no built-in rule can match it, the host rule can.
        var roster = new RosterBuilder("2024H2")
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Cadre("C-2", "U-1")
            .Cadre("C-3", "U-2");

        var result = new CadreRulesHarness().AddRule<EmptyRecordRule>().AddRule<EveryCadreRule>().Evaluate(roster);

        result.Fired(EmptyRecordRule.Id).For("C-2");
        result.Fired(EmptyRecordRule.Id).For("C-3");
        result.NotFired(EmptyRecordRule.Id, "C-1");
        result.Fired(EveryCadreRule.Id).For("C-1");
        result.Fired(EveryCadreRule.Id).For("C-2");
        result.Fired(EveryCadreRule.Id).For("C-3");
        result.Fired("MECH-01").For("C-1");
    }

    [Fact]
    public void HostRule_InsertingAYellowBoardItself_GetsTheBuiltInConsequences()
    {
        // The proposal goes in with IContext.Insert, not through Propose: MECH-01 still finds the
        // cadre's record.
        var roster = new RosterBuilder("2024H2")
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .Attitude("C-1", "2024-09-10", AttitudeRating.Positive, id: "E-1")
            .Cadre("C-2", "U-1");

        var result = new CadreRulesHarness().AddRule<DirectYellowRule>().Evaluate(roster);

        result.Decision(DecisionKind.ReminderTalk, "C-1").Single.Rules.Should().Equal("MECH-01");
        result.NoDecision(DecisionKind.ReminderTalk, "C-2");
    }

    [Fact]
    public void UnitProposal_AboutAnIdThatIsAlsoACadreOfTheUnit_ChainsOnThatCadre()
    {
        // Unit and cadre ids are separate id spaces, so a unit may share its id with one of its cadres.
        // A unit-phase red board about "X-1" reaches the cadre sessions of the unit, where X-1's record
        // is: MECH-04 reacts to it, as it did when it joined every record of the session on the subject.
        var roster = new RosterBuilder("2024H2")
            .Unit("X-1")
            .Cadre("X-1", "X-1", CadreRank.Division, leadership: true)
            .Attitude("X-1", "2024-09-10", AttitudeRating.Positive, id: "E-1")
            .Cadre("C-2", "X-1")
            .Cadre("C-3", "U-2");

        var result = new CadreRulesHarness().AddRule<UnitRedBoardRule>().Evaluate(roster);

        result.Decision(DecisionKind.RedBoard, "X-1").Single.Rules.Should().Equal(UnitRedBoardRule.Id);
        result.Decision(DecisionKind.PromotionCandidate, "X-1").Single.Rules.Should().Equal("MECH-04");
        result.NoDecision(DecisionKind.PromotionCandidate, "C-2");
        result.NoDecision(DecisionKind.RedBoard, "U-2");
    }

    private static CadreRecord Record(string id, int measures = 0, bool adjustment = false)
    {
        var list = new List<Measure>();
        for (int i = 0; i < measures; i++)
        {
            list.Add(new Measure { Id = $"M-{i}", CadreId = id, Date = new DateOnly(2019, 1, 10), Kind = MeasureKind.ReminderTalk });
        }

        if (adjustment)
        {
            list.Add(new Measure { Id = "M-A", CadreId = id, Date = new DateOnly(2024, 3, 1), Kind = MeasureKind.Demotion });
        }

        var cadre = new Cadre { Id = id, Name = id, UnitId = "U-1", Rank = CadreRank.Section };
        return new CadreRecord(Policy, cadre, [], [], list, []);
    }

    /// <summary>HOST-30: a cadre with nothing on record (a pattern whose condition no built-in rule shares).</summary>
    [Name(Id)]
    public sealed class EmptyRecordRule : Rule
    {
        public const string Id = "HOST-30";

        public static readonly DecisionKind NothingOnRecord = new("NothingOnRecord");

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record, r => r.Evidence.Count == 0 && r.Measures.Count == 0);

            Then()
                .Do(ctx => ctx.Propose(NothingOnRecord, record.Id, "Nothing on record."));
        }
    }

    /// <summary>HOST-34: a record condition that throws for a cadre with fewer than six evidence records.</summary>
    [Name(Id)]
    public sealed class ThrowingRecordRule : Rule
    {
        public const string Id = "HOST-34";

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record, r => r.Evidence[5].Id == "E-6");

            Then()
                .Do(ctx => ctx.Propose(DecisionKind.ReminderTalk, record.Id, "Sixth record."));
        }
    }

    /// <summary>HOST-31: every cadre (a record pattern without conditions).</summary>
    [Name(Id)]
    public sealed class EveryCadreRule : Rule
    {
        public const string Id = "HOST-31";

        public static readonly DecisionKind Seen = new("Seen");

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record);

            Then()
                .Do(ctx => ctx.Propose(Seen, record.Id, "Seen."));
        }
    }

    /// <summary>HOST-32: puts division-rank cadres on the yellow board with IContext.Insert.</summary>
    [Name(Id), Priority(RulePriority.Facts)]
    public sealed class DirectYellowRule : Rule
    {
        public const string Id = "HOST-32";

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record, r => r.Cadre.Rank == CadreRank.Division);

            Then()
                .Do(ctx => ctx.Insert(new Proposal(Id, DecisionKind.YellowBoard, record.Id, "Yellow by the host.", new[] { "E-1" })));
        }
    }

    /// <summary>HOST-33: a unit-phase red board about the unit's own id.</summary>
    [Name(Id), Priority(RulePriority.Facts)]
    public sealed class UnitRedBoardRule : Rule
    {
        public const string Id = "HOST-33";

        public override void Define()
        {
            Unit unit = null!;

            When()
                .Match(() => unit, u => u.Id == "X-1");

            Then()
                .Do(ctx => ctx.Propose(DecisionKind.RedBoard, unit.Id, "Red board for the unit's id.", new[] { "E-1" }));
        }
    }
}
