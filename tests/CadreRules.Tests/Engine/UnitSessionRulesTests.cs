using CadreRules.Rules;
using CadreRules.Serialization;
using CadreRules.Testing;
using CadreRules.Tests.Sdk;
using NRules.Fluent.Dsl;

namespace CadreRules.Tests.Engine;

/// <summary>
/// The unit sessions are compiled from the rules that can fire on a unit's facts only
/// (<see cref="CadreRuleSet.UnitRuleIds"/>): a rule whose top-level pattern takes a cadre session's
/// facts, or a built-in rule marked <see cref="CadreSessionOnlyAttribute"/>, never fires there.
/// </summary>
public sealed class UnitSessionRulesTests
{
    [Fact]
    public void DefaultRules_UnitSessionsHoldTheTwoUnitRules()
    {
        var rules = CadreRuleSet.CreateDefault();

        rules.UnitRuleIds.Should().Equal("ASSESS-01", "ASSESS-02");
        rules.UnitSessionFactory.Should().NotBeSameAs(rules.SessionFactory);
    }

    [Fact]
    public void HostRules_KeptUnlessATopLevelPatternTakesCadreSessionFacts()
    {
        var rules = new CadreRuleSet([typeof(UnitNoteRule), typeof(NoRecordUnitRule), typeof(ProposalEchoRule), typeof(RecordNoteRule), typeof(GradeNoteRule)], ["ASSESS-02"]);

        rules.UnitRuleIds.Should().Equal("ASSESS-01", UnitNoteRule.Id, NoRecordUnitRule.Id, ProposalEchoRule.Id);
    }

    [Fact]
    public void NoRuleCanFireOnAUnit_NoUnitSessions_CadreRulesStillFire()
    {
        var rules = new CadreRuleSet([], ["ASSESS-01", "ASSESS-02"]);
        var roster = Rosters.YellowAndRed().Build();

        var report = new CadreEvaluator(rules).Evaluate(roster);

        rules.UnitRuleIds.Should().BeEmpty();
        rules.UnitSessionFactory.Should().BeNull();
        report.Decisions.Should().Contain(d => d.Kind.Name == "YellowBoard").And.Contain(d => d.Kind.Name == "RedBoard");
        report.Decisions.Should().NotContain(d => d.Subject.StartsWith("U-", StringComparison.Ordinal));
    }

    [Fact]
    public void HostUnitRules_FireInTheUnitSessions_AsBefore()
    {
        // HOST-51's Not(CadreRecord) holds in a unit session (no records there); HOST-52 echoes the
        // unit's special inspection, a proposal of the same session.
        var roster = new RosterBuilder("2024H2")
            .Unit("U-1", configure: u => u.UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", severity: Severity.Serious, id: "E-1")
            .Unit("U-2", UnitKind.Department)
            .Cadre("C-2", "U-2")
            .Build();
        var evaluator = new CadreEvaluator(new CadreRuleSet([typeof(NoRecordUnitRule), typeof(ProposalEchoRule), typeof(RecordNoteRule)], []));

        var report = evaluator.Evaluate(roster);

        report.For("U-1").Select(d => d.Kind.Name).Should().Contain(["SpecialInspection", "NoRecords", "Echo"]);
        report.For("U-2").Select(d => d.Kind.Name).Should().Contain("NoRecords").And.NotContain("Echo");
        report.For("C-1").Select(d => d.Kind.Name).Should().Contain(["Adjustment", "RecordNote"], "ASSESS-03 still meets U-1's special inspection in C-1's session");
        report.For("C-2").Select(d => d.Kind.Name).Should().Contain("RecordNote");
        ReportWriter.ToJson(report).Should().Be(ReportWriter.ToJson(new CadreEvaluator(new CadreRuleSet([typeof(NoRecordUnitRule), typeof(ProposalEchoRule), typeof(RecordNoteRule)], []), engine: new CadreEngineOptions { MaxDegreeOfParallelism = 1, CadresPerSession = 1 }).Evaluate(roster)));
    }

    /// <summary>HOST-50: a note on every unit.</summary>
    [Name(Id)]
    public sealed class UnitNoteRule : Rule
    {
        public const string Id = "HOST-50";

        public override void Define()
        {
            Unit unit = null!;

            When()
                .Match(() => unit);

            Then()
                .Do(ctx => ctx.Propose(new DecisionKind("UnitNote"), unit.Id, "Unit note."));
        }
    }

    /// <summary>HOST-51: a unit with no cadre record beside it (always, in a unit session).</summary>
    [Name(Id)]
    public sealed class NoRecordUnitRule : Rule
    {
        public const string Id = "HOST-51";

        public override void Define()
        {
            Unit unit = null!;

            When()
                .Match(() => unit)
                .Not<CadreRecord>();

            Then()
                .Do(ctx => ctx.Propose(new DecisionKind("NoRecords"), unit.Id, "No records beside the unit."));
        }
    }

    /// <summary>HOST-52: echoes every special inspection.</summary>
    [Name(Id)]
    public sealed class ProposalEchoRule : Rule
    {
        public const string Id = "HOST-52";

        public override void Define()
        {
            Proposal inspection = null!;

            When()
                .Match(() => inspection, p => p.Kind == DecisionKind.SpecialInspection);

            Then()
                .Do(ctx => ctx.Propose(new DecisionKind("Echo"), inspection.Subject, "Echo."));
        }
    }

    /// <summary>HOST-53: a note on every cadre record (cadre sessions only).</summary>
    [Name(Id)]
    public sealed class RecordNoteRule : Rule
    {
        public const string Id = "HOST-53";

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record);

            Then()
                .Do(ctx => ctx.Propose(new DecisionKind("RecordNote"), record.Id, "Record note."));
        }
    }

    /// <summary>HOST-54: a note on every excellent grade (cadre sessions only).</summary>
    [Name(Id)]
    public sealed class GradeNoteRule : Rule
    {
        public const string Id = "HOST-54";

        public override void Define()
        {
            AnnualGrade grade = null!;
            Unit unit = null!;

            When()
                .Match(() => grade, g => g.Grade == AnnualGradeLevel.Excellent)
                .Match(() => unit);

            Then()
                .Do(ctx => ctx.Propose(new DecisionKind("GradeNote"), unit.Id, "Grade note."));
        }
    }
}
