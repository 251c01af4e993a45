using CadreRules.Testing;
using CadreRules.Tests.Support;

namespace CadreRules.Tests.Rules;

/// <summary>POLICY.md, REINST-01 reinstatement. As-of is 2024-12-31 unless stated.</summary>
public sealed class ReinstatementRulesTests
{
    /// <summary>
    /// A cadre removed on <paramref name="removed"/> (Removal: promotion blocked 24 months,
    /// leadership 12) with positive attitude and outstanding red-board work afterwards.
    /// </summary>
    private static RosterBuilder Reinstatable(string removed = "2023-06-15", MeasureKind kind = MeasureKind.Removal) => new RosterBuilder()
        .Cadre("C-1")
        .Measure("C-1", removed, kind, id: "M-1")
        .Attitude("C-1", "2024-08-01", AttitudeRating.Positive, id: "E-1")
        .KeyTask("C-1", "2024-09-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2");

    [Fact]
    public void Reinst01_LeadershipEligiblePromotionNot_Reappointment()
    {
        var report = Reinstatable().Evaluate();

        report.ShouldHave(DecisionKind.ReinstatementCandidate, "C-1")
            .WithRules("REINST-01").WithEvidence("E-1", "E-2", "M-1")
            .WithDetailKeys("form", "measure").WithDetail("form", "Reappointment").WithDetail("measure", "M-1");
        report.ShouldHave(DecisionKind.Tracking, "C-1")
            .WithDetail("leadershipEligibleFrom", "2024-06-15").WithDetail("promotionEligibleFrom", "2025-06-15");
    }

    [Fact]
    public void Reinst01_PromotionEligible_Promotion()
    {
        var report = Reinstatable("2023-06-01", MeasureKind.PostTransfer).Evaluate();

        report.ShouldHave(DecisionKind.ReinstatementCandidate, "C-1").WithDetail("form", "Promotion").WithDetail("measure", "M-1");
    }

    [Theory]
    [InlineData("2022-12-31", "Promotion")] // promotion block ends 2024-12-31 == as-of
    [InlineData("2023-01-01", "Reappointment")] // promotion 2025-01-01, leadership 2024-01-01
    [InlineData("2023-12-31", "Reappointment")] // leadership block ends 2024-12-31 == as-of
    [InlineData("2024-01-01", null)] // leadership block ends 2025-01-01
    public void Reinst01_FormAtEachEligibilityEdge(string removed, string? form)
    {
        var report = Reinstatable(removed).Evaluate();

        if (form is null)
        {
            report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
            report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("leadershipEligibleFrom", "2025-01-01").WithDetail("status", "InInfluencePeriod");
        }
        else
        {
            report.ShouldHave(DecisionKind.ReinstatementCandidate, "C-1").WithDetail("form", form);
        }
    }

    [Fact]
    public void Reinst01_OtherMeasureExtendsThePromotionBlock_Reappointment()
    {
        var report = Reinstatable("2023-06-01", MeasureKind.PostTransfer)
            .Measure("C-1", "2023-05-01", MeasureKind.PartySeriousWarning, id: "M-2") // promotion until 2024-11-01
            .Measure("C-1", "2023-04-01", MeasureKind.PartyProbation, id: "M-3") // promotion until 2027-04-01
            .Evaluate();

        report.ShouldHave(DecisionKind.ReinstatementCandidate, "C-1").WithDetail("form", "Reappointment").WithEvidence("E-1", "E-2", "M-1");
    }

    [Fact]
    public void Reinst01_MissingPositiveAttitude_NoCandidate()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Measure("C-1", "2023-06-15", MeasureKind.Removal, id: "M-1")
            .KeyTask("C-1", "2024-09-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2")
            .Attitude("C-1", "2024-08-01", AttitudeRating.Negative, id: "E-1")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
        report.ShouldHave(DecisionKind.Tracking, "C-1");
    }

    [Theory]
    [InlineData(KeyTaskKind.ThematicEducation, KeyTaskRating.Outstanding)]
    [InlineData(KeyTaskKind.Other, KeyTaskRating.Outstanding)]
    [InlineData(KeyTaskKind.WorkSafety, KeyTaskRating.Good)]
    public void Reinst01_NoOutstandingRedBoardTask_NoCandidate(KeyTaskKind task, KeyTaskRating rating)
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Measure("C-1", "2023-06-15", MeasureKind.Removal, id: "M-1")
            .Attitude("C-1", "2024-08-01", id: "E-1")
            .KeyTask("C-1", "2024-09-01", task, rating, id: "E-2")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
    }

    [Fact]
    public void Reinst01_RedBoardTasksOption_AppliesToo()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Measure("C-1", "2023-06-15", MeasureKind.Removal, id: "M-1")
            .Attitude("C-1", "2024-08-01", id: "E-1")
            .KeyTask("C-1", "2024-09-01", KeyTaskKind.ThematicEducation, KeyTaskRating.Outstanding, id: "E-2")
            .Evaluate(o => o.RedBoardTasks.Add(KeyTaskKind.ThematicEducation));

        report.ShouldHave(DecisionKind.ReinstatementCandidate, "C-1").WithEvidence("E-1", "E-2", "M-1");
    }

    [Theory]
    [InlineData("attitude")]
    [InlineData("key task")]
    public void Reinst01_SupportOnTheTrackedDate_NotStrictlyAfter_NoCandidate(string which)
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Measure("C-1", "2023-06-15", MeasureKind.Removal, id: "M-1")
            .Attitude("C-1", which == "attitude" ? "2023-06-15" : "2024-08-01", id: "E-1")
            .KeyTask("C-1", which == "key task" ? "2023-06-15" : "2024-09-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
    }

    [Fact]
    public void Reinst01_SupportBeforeTheTrackedMeasure_NotCounted()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Attitude("C-1", "2023-06-01", id: "E-1")
            .KeyTask("C-1", "2023-06-02", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2")
            .Measure("C-1", "2023-06-15", MeasureKind.Removal, id: "M-1")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
    }

    [Fact]
    public void Reinst01_SupportBeforeAndAfter_ListsOnlyWhatCameAfter()
    {
        var report = Reinstatable()
            .Attitude("C-1", "2023-06-01", id: "E-3")
            .KeyTask("C-1", "2023-06-02", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-4")
            .Attitude("C-1", "2024-10-01", id: "E-5")
            .Attitude("C-1", "2024-10-02", AttitudeRating.Negative, id: "E-6")
            .KeyTask("C-1", "2024-10-03", KeyTaskKind.Other, KeyTaskRating.Good, id: "E-7")
            .Evaluate();

        report.ShouldHave(DecisionKind.ReinstatementCandidate, "C-1").WithEvidence("E-1", "E-2", "E-5", "M-1");
    }

    public static TheoryData<string> ProblemsAfter => new()
    {
        "work style verified minor", "key task poor", "key task failed", "negative list early sign", "negative list verified",
    };

    [Theory]
    [MemberData(nameof(ProblemsAfter))]
    public void Reinst01_ProblemEvidenceAfterTheMeasure_NoCandidate(string problem)
    {
        var builder = Reinstatable();
        _ = problem switch
        {
            "work style verified minor" => builder.WorkStyle("C-1", "2023-06-16", severity: Severity.Minor, id: "E-9"),
            "key task poor" => builder.KeyTask("C-1", "2023-07-01", KeyTaskKind.Other, KeyTaskRating.Poor, id: "E-9"),
            "key task failed" => builder.KeyTask("C-1", "2023-07-01", KeyTaskKind.WorkSafety, KeyTaskRating.Failed, id: "E-9"),
            "negative list early sign" => builder.NegativeList("C-1", "2023-07-01", status: FindingStatus.EarlySign, id: "E-9"),
            "negative list verified" => builder.NegativeList("C-1", "2023-07-01", status: FindingStatus.Verified, id: "E-9"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "unknown case"),
        };

        var report = builder.Evaluate();

        report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
        report.ShouldHave(DecisionKind.Tracking, "C-1");
    }

    public static TheoryData<string> NotProblemsAfter => new()
    {
        "work style unfounded", "work style early sign", "negative list unfounded", "key task good", "attitude negative",
    };

    [Theory]
    [MemberData(nameof(NotProblemsAfter))]
    public void Reinst01_EvidenceThatIsNoProblem_StillCandidate(string evidence)
    {
        var builder = Reinstatable();
        _ = evidence switch
        {
            "work style unfounded" => builder.WorkStyle("C-1", "2024-06-16", status: FindingStatus.Unfounded, id: "E-9"),
            "work style early sign" => builder.WorkStyle("C-1", "2024-06-16", status: FindingStatus.EarlySign, id: "E-9"),
            "negative list unfounded" => builder.NegativeList("C-1", "2024-07-01", status: FindingStatus.Unfounded, id: "E-9"),
            "key task good" => builder.KeyTask("C-1", "2024-07-01", KeyTaskKind.Other, KeyTaskRating.Good, id: "E-9"),
            "attitude negative" => builder.Attitude("C-1", "2024-07-01", AttitudeRating.Negative, id: "E-9"),
            _ => throw new ArgumentOutOfRangeException(nameof(evidence), evidence, "unknown case"),
        };

        var report = builder.Evaluate();

        report.ShouldHave(DecisionKind.ReinstatementCandidate, "C-1").WithEvidence("E-1", "E-2", "M-1");
    }

    [Theory]
    [InlineData("2023-06-14")] // before the tracked measure
    [InlineData("2023-06-15")] // on its date: not strictly after
    public void Reinst01_ProblemNotStrictlyAfterTheMeasure_DoesNotBlock(string date)
    {
        var report = Reinstatable().KeyTask("C-1", date, KeyTaskKind.Other, KeyTaskRating.Failed, id: "E-9").Evaluate();

        report.ShouldHave(DecisionKind.ReinstatementCandidate, "C-1").WithDetail("form", "Reappointment");
    }

    [Fact]
    public void Reinst01_ExcludedCadre_NeverCandidate()
    {
        var report = Reinstatable("2022-06-01", MeasureKind.PostTransfer)
            .NegativeList("C-1", "2016-01-01", NegativeListCategory.TwoFaced, FindingStatus.Verified, id: "E-9")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
        report.ShouldNotHave(DecisionKind.RedBoard, "C-1");
        report.ShouldHaveKinds("C-1", "Exclusion", "NegativeListEntry", "Tracking");
    }

    [Fact]
    public void Reinst01_NotTracked_NoCandidate()
    {
        var report = Reinstatable().Measure("C-1", "2024-01-01", MeasureKind.Reappointment, id: "M-2").Evaluate();

        report.ShouldNotHave(DecisionKind.Tracking, "C-1");
        report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
    }

    [Fact]
    public void Reinst01_TrackedMeasureIsTheLatest_EvidenceCountsAfterIt()
    {
        // The attitude falls between the two adjustments, so it is not after the tracked (latest) one.
        var report = new RosterBuilder().Cadre("C-1")
            .Measure("C-1", "2022-06-01", MeasureKind.PostTransfer, id: "M-1")
            .Attitude("C-1", "2023-01-01", id: "E-1")
            .Measure("C-1", "2023-02-01", MeasureKind.PostTransfer, id: "M-2")
            .KeyTask("C-1", "2024-09-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("measure", "M-2");
        report.ShouldNotHave(DecisionKind.ReinstatementCandidate, "C-1");
    }

    [Fact]
    public void Reinst01_CandidateBesideRedBoardAndPromotionBlock()
    {
        // The outstanding task also earns the red board; MECH-04 still sees the running promotion block.
        var report = Reinstatable().Evaluate();

        report.ShouldHaveKinds("C-1", "PromotionBlocked", "RedBoard", "ReinstatementCandidate", "Tracking");
        report.ShouldHave(DecisionKind.PromotionBlocked, "C-1").WithDetail("eligibleFrom", "2025-06-15").WithEvidence("M-1");
    }
}
