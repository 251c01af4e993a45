using CadreRules.Testing;
using CadreRules.Tests.Support;

namespace CadreRules.Tests.Rules;

/// <summary>POLICY.md, 用 — two boards: BOARD-02 (yellow) and BOARD-01 (red). As-of is 2024-12-31 unless stated.</summary>
public sealed class BoardRulesTests
{
    private static RosterBuilder Roster(string period = "2024H2") => new RosterBuilder(period).Cadre("C-1");

    // ---- BOARD-02 yellow board ----

    [Theory]
    [InlineData(Severity.Minor)]
    [InlineData(Severity.Serious)]
    public void Board02_RecentVerifiedWorkStyleOfAnySeverity_Yellow(Severity severity)
    {
        var report = Roster().WorkStyle("C-1", "2024-09-10", severity: severity, id: "E-1").Evaluate();

        report.ShouldHave(DecisionKind.YellowBoard, "C-1").WithRules("BOARD-02").WithEvidence("E-1").WithNoDetails();
    }

    [Theory]
    [InlineData(FindingStatus.EarlySign)]
    [InlineData(FindingStatus.Unfounded)]
    public void Board02_WorkStyleNotVerified_NotYellow(FindingStatus status)
    {
        var report = Roster().WorkStyle("C-1", "2024-09-10", status: status, id: "E-1").Evaluate();

        report.Decisions.Should().BeEmpty();
    }

    [Theory]
    [InlineData(KeyTaskRating.Poor, true)]
    [InlineData(KeyTaskRating.Failed, true)]
    [InlineData(KeyTaskRating.Good, false)]
    [InlineData(KeyTaskRating.Outstanding, false)]
    public void Board02_KeyTaskRating(KeyTaskRating rating, bool yellow)
    {
        var report = Roster().KeyTask("C-1", "2024-09-10", KeyTaskKind.ThematicEducation, rating, id: "E-1").Evaluate();

        if (yellow)
        {
            report.ShouldHave(DecisionKind.YellowBoard, "C-1").WithRules("BOARD-02").WithEvidence("E-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.YellowBoard, "C-1");
        }
    }

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    [InlineData("2024-12-31", true)]
    public void Board02_RecentWindowEdge_WorkStyle(string date, bool yellow)
    {
        var report = Roster().WorkStyle("C-1", date, id: "E-1").Evaluate();

        if (yellow)
        {
            report.ShouldHave(DecisionKind.YellowBoard, "C-1").WithEvidence("E-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.YellowBoard, "C-1");
        }
    }

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    public void Board02_RecentWindowEdge_KeyTask(string date, bool yellow)
    {
        var report = Roster().KeyTask("C-1", date, KeyTaskKind.WorkSafety, KeyTaskRating.Failed, id: "E-1").Evaluate();

        if (yellow)
        {
            report.ShouldHave(DecisionKind.YellowBoard, "C-1").WithEvidence("E-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.YellowBoard, "C-1");
        }
    }

    [Theory]
    [InlineData(2024, AnnualGradeLevel.BasicallyCompetent, true)]
    [InlineData(2023, AnnualGradeLevel.BasicallyCompetent, true)]
    [InlineData(2022, AnnualGradeLevel.BasicallyCompetent, false)]
    [InlineData(2023, AnnualGradeLevel.Incompetent, true)]
    [InlineData(2022, AnnualGradeLevel.Incompetent, false)]
    [InlineData(2023, AnnualGradeLevel.Competent, false)]
    [InlineData(2024, AnnualGradeLevel.Excellent, false)]
    public void Board02_GradeYearAndLevel(int year, AnnualGradeLevel grade, bool yellow)
    {
        var report = Roster().Grade("C-1", year, grade).Evaluate();

        if (yellow)
        {
            // Grades have no ids, so the decision lists no evidence.
            report.ShouldHave(DecisionKind.YellowBoard, "C-1").WithRules("BOARD-02").WithEvidence();
        }
        else
        {
            report.ShouldNotHave(DecisionKind.YellowBoard, "C-1");
        }
    }

    [Theory]
    [InlineData(2023, true)]
    [InlineData(2022, false)]
    public void Board02_GradeYear_InFirstHalfToo(int year, bool yellow)
    {
        var report = Roster("2024H1").Grade("C-1", year, AnnualGradeLevel.BasicallyCompetent).Evaluate();

        if (yellow)
        {
            report.ShouldHave(DecisionKind.YellowBoard, "C-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.YellowBoard, "C-1");
        }
    }

    [Fact]
    public void Board02_SeveralCauses_OneDecisionWithEveryRecentProblem()
    {
        var report = Roster()
            .WorkStyle("C-1", "2024-09-10", id: "E-2")
            .KeyTask("C-1", "2024-03-01", KeyTaskKind.Other, KeyTaskRating.Poor, id: "E-1")
            .WorkStyle("C-1", "2023-03-01", id: "E-3")
            .NegativeList("C-1", "2024-05-01", status: FindingStatus.EarlySign, id: "E-4")
            .Grade("C-1", 2023, AnnualGradeLevel.BasicallyCompetent)
            .Evaluate();

        // Negative-list evidence is problem evidence but not a yellow-board cause.
        report.ShouldHave(DecisionKind.YellowBoard, "C-1").WithRules("BOARD-02").WithEvidence("E-1", "E-2");
    }

    [Fact]
    public void Board02_NegativeListAlone_NotYellow()
    {
        var report = Roster().NegativeList("C-1", "2024-05-01", status: FindingStatus.Verified, id: "E-1").Evaluate();

        report.ShouldNotHave(DecisionKind.YellowBoard, "C-1");
    }

    // ---- BOARD-01 red board ----

    [Theory]
    [InlineData(KeyTaskKind.EpidemicPrevention)]
    [InlineData(KeyTaskKind.WorkSafety)]
    [InlineData(KeyTaskKind.ProjectConstruction)]
    public void Board01_RecentOutstandingInRedBoardTask_Red(KeyTaskKind task)
    {
        var report = Roster().KeyTask("C-1", "2024-03-15", task, KeyTaskRating.Outstanding, id: "E-1").Evaluate();

        report.ShouldHave(DecisionKind.RedBoard, "C-1").WithRules("BOARD-01").WithEvidence("E-1").WithNoDetails();
    }

    [Theory]
    [InlineData(KeyTaskKind.ThematicEducation)]
    [InlineData(KeyTaskKind.Other)]
    public void Board01_OutstandingInOtherTask_NotRed(KeyTaskKind task)
    {
        var report = Roster().KeyTask("C-1", "2024-03-15", task, KeyTaskRating.Outstanding, id: "E-1").Evaluate();

        report.Decisions.Should().BeEmpty();
    }

    [Fact]
    public void Board01_GoodRating_NotRed()
    {
        var report = Roster().KeyTask("C-1", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Good, id: "E-1").Evaluate();

        report.Decisions.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    public void Board01_RecentWindowEdge(string date, bool red)
    {
        var report = Roster().KeyTask("C-1", date, KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1").Evaluate();

        if (red)
        {
            report.ShouldHave(DecisionKind.RedBoard, "C-1").WithEvidence("E-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.RedBoard, "C-1");
        }
    }

    [Fact]
    public void Board01_SeveralOutstanding_ListsOnlyRecentRedBoardOnes()
    {
        var report = Roster()
            .KeyTask("C-1", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2")
            .KeyTask("C-1", "2024-04-15", KeyTaskKind.EpidemicPrevention, KeyTaskRating.Outstanding, id: "E-1")
            .KeyTask("C-1", "2024-05-15", KeyTaskKind.ThematicEducation, KeyTaskRating.Outstanding, id: "E-3")
            .KeyTask("C-1", "2023-05-15", KeyTaskKind.ProjectConstruction, KeyTaskRating.Outstanding, id: "E-4")
            .KeyTask("C-1", "2024-06-15", KeyTaskKind.WorkSafety, KeyTaskRating.Good, id: "E-5")
            .Evaluate();

        report.ShouldHave(DecisionKind.RedBoard, "C-1").WithEvidence("E-1", "E-2");
    }

    public static TheoryData<string> YellowCauses => new() { "work style", "poor key task", "grade" };

    [Theory]
    [MemberData(nameof(YellowCauses))]
    public void Board01_YellowCadre_NeverRed(string cause)
    {
        var builder = Roster().KeyTask("C-1", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1");
        _ = cause switch
        {
            "work style" => builder.WorkStyle("C-1", "2024-09-10", severity: Severity.Minor, id: "E-2"),
            "poor key task" => builder.KeyTask("C-1", "2024-10-01", KeyTaskKind.EpidemicPrevention, KeyTaskRating.Poor, id: "E-2"),
            "grade" => builder.Grade("C-1", 2023, AnnualGradeLevel.BasicallyCompetent),
            _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, "unknown case"),
        };

        var report = builder.Evaluate();

        report.ShouldHave(DecisionKind.YellowBoard, "C-1");
        report.ShouldNotHave(DecisionKind.RedBoard, "C-1");
        report.ShouldNotHave(DecisionKind.PromotionCandidate, "C-1");
        report.ShouldNotHave(DecisionKind.PromotionBlocked, "C-1");
    }

    [Fact]
    public void Board01_EarlySignNegativeListEntry_KeepsOffRed()
    {
        var report = Roster()
            .KeyTask("C-1", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1")
            .NegativeList("C-1", "2023-01-01", status: FindingStatus.EarlySign, id: "E-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "Cliques");
        report.ShouldNotHave(DecisionKind.Exclusion, "C-1");
        report.ShouldNotHave(DecisionKind.RedBoard, "C-1");
    }

    [Fact]
    public void Board01_OldVerifiedNegativeList_ExclusionKeepsOffRed()
    {
        var report = Roster()
            .KeyTask("C-1", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1")
            .NegativeList("C-1", "2012-01-01", NegativeListCategory.TwoFaced, FindingStatus.Verified, id: "E-2")
            .Evaluate();

        report.ShouldHaveKinds("C-1", "Exclusion", "NegativeListEntry");
    }

    [Theory]
    [InlineData("2022-12-31", FindingStatus.EarlySign)] // too old to be an entry
    [InlineData("2024-06-01", FindingStatus.Unfounded)]
    public void Board01_NegativeListEvidenceThatMakesNoEntry_StillRed(string date, FindingStatus status)
    {
        var report = Roster()
            .KeyTask("C-1", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1")
            .NegativeList("C-1", date, status: status, id: "E-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.RedBoard, "C-1").WithEvidence("E-1");
    }

    [Fact]
    public void Board01_YellowOutsideWindowOnly_StillRed()
    {
        var report = Roster()
            .KeyTask("C-1", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1")
            .WorkStyle("C-1", "2023-12-31", id: "E-2")
            .Grade("C-1", 2022, AnnualGradeLevel.Incompetent)
            .Evaluate();

        report.ShouldHaveKinds("C-1", "PromotionCandidate", "RedBoard");
    }

    [Fact]
    public void Board01_RedBoardTasksOption_AddsAndRemovesTasks()
    {
        var builder = Roster()
            .Cadre("C-2")
            .KeyTask("C-1", "2024-03-15", KeyTaskKind.ThematicEducation, KeyTaskRating.Outstanding, id: "E-1")
            .KeyTask("C-2", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2");

        var report = builder.Evaluate(o => o.RedBoardTasks = new HashSet<KeyTaskKind> { KeyTaskKind.ThematicEducation });

        report.ShouldHave(DecisionKind.RedBoard, "C-1").WithEvidence("E-1");
        report.ShouldNotHave(DecisionKind.RedBoard, "C-2");
    }
}
