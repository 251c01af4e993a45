using CadreRules.Testing;
using CadreRules.Tests.Support;

namespace CadreRules.Tests.Rules;

/// <summary>POLICY.md, "How rules combine" and "Decision kinds"; REPORT-FORMAT.md ordering and counts.</summary>
public sealed class CombinationTests
{
    [Fact]
    public void RosterFormatExample_ProducesExactlyTheseDecisions()
    {
        // The example document of ROSTER-FORMAT.md, plus the 2021 GDP value that makes it decline.
        var roster = new RosterBuilder("2024H2")
            .Unit("U-XQ", UnitKind.District, u => u.Series("GDP", 2021, 830, 812.5, 790.1).Project("P-7", 0.8m, 0.55m, "2025-06-30"))
            .Cadre("C-001", "U-XQ", CadreRank.Division, leadership: true)
            .WorkStyle("C-001", "2024-09-10", WorkStyleProblem.Delaying, Severity.Serious, FindingStatus.Verified, EvidenceChannel.Supervision, "E-1")
            .NegativeList("C-001", "2024-05-02", NegativeListCategory.Cliques, FindingStatus.EarlySign, EvidenceChannel.Interview, "E-2")
            .KeyTask("C-001", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, EvidenceChannel.KeyTaskReview, "E-3")
            .Attitude("C-001", "2024-11-20", AttitudeRating.Positive, EvidenceChannel.Interview, "E-4")
            .Grade("C-001", 2023, AnnualGradeLevel.Competent)
            .Measure("C-001", "2024-01-15", MeasureKind.ReminderTalk, "M-1")
            .Board("C-001", "2024H1", Board.Yellow)
            .Build();

        var report = Policy.Evaluate(roster);

        DecisionText.Of(report, withReasons: false).Should().Equal(
            "Adjustment C-001 rules=[ASSESS-03] evidence=[E-1] details={form=PostTransfer}",
            "Admonishment C-001 rules=[MECH-02] evidence=[M-1] details={}",
            "NegativeListEntry C-001 rules=[IDENT-01] evidence=[E-2] details={category=Cliques; status=EarlySign}",
            "ReminderTalk C-001 rules=[IDENT-03] evidence=[E-2] details={}",
            "YellowBoard C-001 rules=[BOARD-02] evidence=[E-1] details={}",
            "ScheduledAssessment U-XQ rules=[ASSESS-01] evidence=[] details={assessment=YearEnd}",
            "SpecialInspection U-XQ rules=[ASSESS-02] evidence=[] details={indicators=[GDP]; projects=[P-7]}",
            "statistics since=2023-01-01 redPromoted=0 yellowReminded=1 yellowAdjusted=0");
        report.Counts.Should().Equal(new Dictionary<string, int>
        {
            ["Adjustment"] = 1, ["Admonishment"] = 1, ["NegativeListEntry"] = 1, ["ReminderTalk"] = 1,
            ["ScheduledAssessment"] = 1, ["SpecialInspection"] = 1, ["YellowBoard"] = 1,
        });
        report.Counts.Keys.Should().BeInAscendingOrder(StringComparer.Ordinal);
        report.Policy.Should().Be("yinchuan-2024");
        report.PolicyVersion.Should().Be(1);
        report.Period.ToString().Should().Be("2024H2");
        report.AsOf.Should().Be(new DateOnly(2024, 12, 31));
        report.Decisions.Should().OnlyContain(d => d.Reasons.Count >= 1 && d.Reasons.All(r => r.Length > 0));
    }

    [Fact]
    public void Exclusion_SuppressesRedPromotionAndReinstatementButNothingElse()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .NegativeList("C-1", "2016-01-01", NegativeListCategory.TwoFaced, FindingStatus.Verified, id: "E-1")
            .Measure("C-1", "2022-06-01", MeasureKind.PostTransfer, id: "M-1")
            .Attitude("C-1", "2024-08-01", id: "E-2")
            .KeyTask("C-1", "2024-09-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-3")
            .Evaluate();

        report.ShouldHaveKinds("C-1", "Exclusion", "NegativeListEntry", "Tracking");
    }

    [Fact]
    public void Exclusion_LeavesYellowBoardLadderAndGradeConsequences()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .NegativeList("C-1", "2020-01-01", NegativeListCategory.Cliques, FindingStatus.Verified, EvidenceChannel.Inspection, "E-1")
            .WorkStyle("C-1", "2024-09-10", channel: EvidenceChannel.Audit, id: "E-2")
            .NegativeList("C-1", "2024-10-01", NegativeListCategory.Cronyism, FindingStatus.EarlySign, EvidenceChannel.Inspection, "E-3")
            .Measure("C-1", "2024-02-01", MeasureKind.Admonishment, id: "M-1")
            .Grade("C-1", 2023, AnnualGradeLevel.Incompetent)
            .Grade("C-1", 2024, AnnualGradeLevel.Incompetent)
            .Evaluate();

        report.ShouldHaveKinds("C-1",
            "Adjustment", "Demotion", "Dismissal", "Exclusion", "JointConsultation", "NegativeListEntry", "NegativeListEntry", "YellowBoard");
        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("MECH-02").WithEvidence("M-1");
        report.ShouldHave(DecisionKind.JointConsultation, "C-1").WithEvidence("E-2", "E-3").WithDetailList("channels", "Audit", "Inspection");
    }

    [Fact]
    public void Assess03AdjustmentWithMech01Reminder_BothKept()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.Park, u => u.Project("P-1", 0.7m, 0.5m))
            .Cadre("C-1", "U-1", CadreRank.DeputyDivision, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Evaluate();

        DecisionText.Of(report, withReasons: false).Should().Equal(
            "Adjustment C-1 rules=[ASSESS-03] evidence=[E-1] details={form=PostTransfer}",
            "ReminderTalk C-1 rules=[MECH-01] evidence=[E-1] details={}",
            "YellowBoard C-1 rules=[BOARD-02] evidence=[E-1] details={}",
            "ScheduledAssessment U-1 rules=[ASSESS-01] evidence=[] details={assessment=YearEnd}",
            "SpecialInspection U-1 rules=[ASSESS-02] evidence=[] details={indicators=[]; projects=[P-1]}",
            "statistics since=2023-01-01 redPromoted=0 yellowReminded=0 yellowAdjusted=0");
    }

    [Fact]
    public void DemotionWithDismissal_BothKept()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Grade("C-1", 2023, AnnualGradeLevel.Incompetent)
            .Grade("C-1", 2024, AnnualGradeLevel.Incompetent)
            .Evaluate();

        report.ShouldHave(DecisionKind.Demotion, "C-1").WithRules("MECH-03");
        report.ShouldHave(DecisionKind.Dismissal, "C-1").WithRules("MECH-03");
    }

    [Fact]
    public void Decisions_SortedOrdinallyBySubjectThenKindThenCategory()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.County, u => u.UnderStationedInspection())
            .Unit("A-1", UnitKind.District, u => u.UnderStationedInspection())
            .Cadre("c-1", "U-1", CadreRank.Division, leadership: true)
            .Cadre("C-2", "A-1", CadreRank.Division, leadership: true)
            .Cadre("C-10", "U-1")
            .NegativeList("c-1", "2024-05-01", NegativeListCategory.TwoFaced, id: "E-1")
            .NegativeList("c-1", "2024-05-01", NegativeListCategory.Cliques, id: "E-2")
            .NegativeList("c-1", "2024-05-01", NegativeListCategory.Cronyism, id: "E-3")
            .KeyTask("C-10", "2024-05-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-4")
            .WorkStyle("C-2", "2024-05-01", id: "E-5")
            .Evaluate();

        report.Decisions.Select(d => $"{d.Subject} {d.Kind}{(d.Category is null ? string.Empty : " " + d.Category)}").Should().Equal(
            "A-1 ScheduledAssessment",
            "A-1 SpecialInspection",
            "C-10 PromotionCandidate",
            "C-10 RedBoard",
            "C-2 Adjustment",
            "C-2 ReminderTalk",
            "C-2 YellowBoard",
            "U-1 ScheduledAssessment",
            "U-1 SpecialInspection",
            "c-1 NegativeListEntry Cliques",
            "c-1 NegativeListEntry Cronyism",
            "c-1 NegativeListEntry TwoFaced",
            "c-1 ReminderTalk");
    }

    [Fact]
    public void OneDecisionPerKindAndSubject_EvenWithManySupportingFacts()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .WorkStyle("C-1", "2024-09-11", id: "E-2")
            .KeyTask("C-1", "2024-09-12", KeyTaskKind.Other, KeyTaskRating.Failed, id: "E-3")
            .NegativeList("C-1", "2024-05-02", NegativeListCategory.Cliques, id: "E-4")
            .NegativeList("C-1", "2024-05-03", NegativeListCategory.Cliques, id: "E-5")
            .Grade("C-1", 2024, AnnualGradeLevel.BasicallyCompetent)
            .Evaluate();

        report.Decisions.GroupBy(d => (d.Kind, d.Subject, d.Category)).Should().OnlyContain(g => g.Count() == 1);
        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("IDENT-03", "MECH-01").WithEvidence("E-1", "E-2", "E-3", "E-4", "E-5");
        report.ShouldHave(DecisionKind.YellowBoard, "C-1").WithEvidence("E-1", "E-2", "E-3");
    }

    [Fact]
    public void CadresAreEvaluatedIndependently()
    {
        var report = new RosterBuilder()
            .Cadre("C-1").Cadre("C-2").Cadre("C-3", "U-2")
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .KeyTask("C-2", "2024-09-10", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2")
            .NegativeList("C-3", "2019-09-10", NegativeListCategory.TwoFaced, FindingStatus.Verified, id: "E-3")
            .KeyTask("C-3", "2024-09-10", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-4")
            .Evaluate();

        report.ShouldHaveKinds("C-1", "ReminderTalk", "YellowBoard");
        report.ShouldHaveKinds("C-2", "PromotionCandidate", "RedBoard");
        report.ShouldHaveKinds("C-3", "Exclusion", "NegativeListEntry");
    }

    [Fact]
    public void EmptyRoster_EmptyReport()
    {
        var report = new RosterBuilder("2024H1").Evaluate();

        report.Decisions.Should().BeEmpty();
        report.Counts.Should().BeEmpty();
        report.AsOf.Should().Be(new DateOnly(2024, 6, 30));
        report.Statistics.Should().Be(new OutcomeStatistics(new DateOnly(2023, 1, 1), 0, 0, 0));
    }
}
