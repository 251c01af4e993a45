using System.Globalization;
using CadreRules.Testing;
using CadreRules.Tests.Support;

namespace CadreRules.Tests.Rules;

/// <summary>POLICY.md, 考 — Assess: ASSESS-01, ASSESS-02, ASSESS-03. As-of is 2024-12-31 unless stated.</summary>
public sealed class AssessRulesTests
{
    // ---- ASSESS-01 periodic screening ----

    [Theory]
    [InlineData(CadreRank.DeputyDivision, true, true)]
    [InlineData(CadreRank.Division, true, true)]
    [InlineData(CadreRank.Section, true, false)]
    [InlineData(CadreRank.DeputySection, true, false)]
    [InlineData(CadreRank.DeputyDivision, false, false)]
    [InlineData(CadreRank.Division, false, false)]
    // POLICY.md defines a division-level team literally as DeputyDivision or Division; bureau ranks are not in it.
    [InlineData(CadreRank.DeputyBureau, true, false)]
    [InlineData(CadreRank.Bureau, true, false)]
    public void Assess01_DivisionLevelTeam_FiresOnlyForDivisionRankLeaders(CadreRank rank, bool leadership, bool fires)
    {
        var report = new RosterBuilder("2024H2").Cadre("C-1", "U-1", rank, leadership).Evaluate();

        if (fires)
        {
            report.ShouldHave(DecisionKind.ScheduledAssessment, "U-1").WithRules("ASSESS-01").WithEvidence();
        }
        else
        {
            report.ShouldNotHave(DecisionKind.ScheduledAssessment, "U-1");
        }
    }

    [Theory]
    [InlineData("2024H1", "MidYear")]
    [InlineData("2024H2", "YearEnd")]
    [InlineData("2023H2", "YearEnd")]
    public void Assess01_Period_SetsAssessmentDetail(string period, string assessment)
    {
        var report = new RosterBuilder(period).Cadre("C-1", "U-1", CadreRank.Division, leadership: true).Evaluate();

        report.ShouldHave(DecisionKind.ScheduledAssessment, "U-1")
            .WithRules("ASSESS-01").WithEvidence().WithDetailKeys("assessment").WithDetail("assessment", assessment);
    }

    [Fact]
    public void Assess01_UnitWithoutCadres_DoesNotFire()
    {
        var report = new RosterBuilder().Unit("U-1").Cadre("C-1", "U-2", CadreRank.Division, leadership: true).Evaluate();

        report.ShouldNotHave(DecisionKind.ScheduledAssessment, "U-1");
        report.ShouldHave(DecisionKind.ScheduledAssessment, "U-2");
    }

    [Theory]
    [InlineData(UnitKind.County)]
    [InlineData(UnitKind.District)]
    [InlineData(UnitKind.Park)]
    [InlineData(UnitKind.Department)]
    public void Assess01_AnyUnitKind_Fires(UnitKind kind)
    {
        var report = new RosterBuilder().Unit("U-1", kind).Cadre("C-1", "U-1", CadreRank.DeputyDivision, leadership: true).Evaluate();

        report.ShouldHave(DecisionKind.ScheduledAssessment, "U-1");
    }

    [Fact]
    public void Assess01_SeveralDivisionLeadersAndOthers_OneDecisionPerUnit()
    {
        var report = new RosterBuilder()
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .Cadre("C-2", "U-1", CadreRank.DeputyDivision, leadership: true)
            .Cadre("C-3", "U-1", CadreRank.Section)
            .Cadre("C-4", "U-2", CadreRank.Division, leadership: false)
            .Evaluate();

        report.Decisions.Where(d => d.Kind == DecisionKind.ScheduledAssessment).Select(d => d.Subject).Should().Equal("U-1");
    }

    // ---- ASSESS-02 (a) declining indicators ----

    private static AssessmentReport Indicators(Action<UnitBuilder> configure, UnitKind kind = UnitKind.District, string period = "2024H2", Action<CadrePolicyOptions>? options = null) =>
        new RosterBuilder(period).Unit("U-1", kind, configure).Cadre("C-1", "U-1").Evaluate(options);

    [Theory]
    [InlineData(2021)] // latest year = asOf.Year - 1
    [InlineData(2022)] // latest year = asOf.Year
    public void Assess02_ThreeConsecutiveFallingYearsRecent_Fires(int firstYear)
    {
        var report = Indicators(u => u.Series("GDP", firstYear, 830, 812.5, 790.1));

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1")
            .WithRules("ASSESS-02").WithEvidence().WithDetailKeys("indicators", "projects")
            .WithDetailList("indicators", "GDP").WithDetailList("projects");
    }

    [Fact]
    public void Assess02_LatestYearTwoYearsBeforeAsOf_DoesNotFire()
    {
        var report = Indicators(u => u.Series("GDP", 2020, 830, 812.5, 790.1));

        report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
    }

    [Fact]
    public void Assess02_OnlyTwoYears_DoesNotFire()
    {
        var report = Indicators(u => u.Series("GDP", 2022, 830, 812.5));

        report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
    }

    [Theory]
    [InlineData(100, 90, 90)]
    [InlineData(100, 100, 90)]
    [InlineData(100, 110, 90)]
    [InlineData(90, 100, 110)]
    public void Assess02_NotStrictlyFalling_DoesNotFire(double first, double second, double third)
    {
        var report = Indicators(u => u.Series("GDP", 2021, first, second, third));

        report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
    }

    [Fact]
    public void Assess02_GapYear_BreaksTheSeries()
    {
        var report = Indicators(u => u.Indicator("GDP", 2020, 120).Indicator("GDP", 2022, 110).Indicator("GDP", 2023, 100));

        report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
    }

    [Fact]
    public void Assess02_GapInsideTheLatestYearsPresent_DoesNotFireEvenWithAnEarlierFallingRun()
    {
        // Latest three years present are 2023, 2021, 2020: not consecutive, although 2019-2021 fall.
        var report = Indicators(u => u.Series("GDP", 2019, 130, 120, 110).Indicator("GDP", 2023, 100));

        report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
    }

    [Fact]
    public void Assess02_OnlyTheLatestYearsCount_EarlierRiseIgnored()
    {
        var report = Indicators(u => u.Series("GDP", 2019, 50, 60, 100, 90, 80));

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("indicators", "GDP");
    }

    [Fact]
    public void Assess02_OnlyTheLatestYearsCount_EarlierFallIgnored()
    {
        var report = Indicators(u => u.Series("GDP", 2019, 130, 120, 110, 100, 105));

        report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
    }

    [Fact]
    public void Assess02_GapBeforeTheLatestYears_Ignored()
    {
        var report = Indicators(u => u.Indicator("GDP", 2018, 50).Series("GDP", 2021, 100, 90, 80));

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("indicators", "GDP");
    }

    [Fact]
    public void Assess02_SeveralIndicators_NamesOnlyTheDecliningOnesSortedOrdinally()
    {
        var report = Indicators(u => u
            .Series("Revenue", 2021, 3, 2, 1)
            .Series("fiscal", 2021, 3, 2, 1)
            .Series("GDP", 2021, 3, 2, 1)
            .Series("Exports", 2021, 1, 2, 3));

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("indicators", "GDP", "Revenue", "fiscal");
    }

    [Theory]
    [InlineData(UnitKind.County, true)]
    [InlineData(UnitKind.District, true)]
    [InlineData(UnitKind.Park, true)]
    [InlineData(UnitKind.Department, false)]
    public void Assess02_UnitKind_DepartmentNeverQualifies(UnitKind kind, bool fires)
    {
        var report = Indicators(u => u.Series("GDP", 2021, 3, 2, 1).Project("P-1", 0.9m, 0.1m, "2024-01-01").UnderStationedInspection(), kind);

        if (fires)
        {
            report.ShouldHave(DecisionKind.SpecialInspection, "U-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
        }
    }

    // ---- ASSESS-02 (b) lagging projects ----

    [Theory]
    [InlineData("0.6", "0.4", true)] // exactly 0.20 in decimal arithmetic (in double, 0.6 - 0.4 < 0.2)
    [InlineData("0.8", "0.6", true)]
    [InlineData("1", "0.8", true)]
    [InlineData("0.59", "0.4", false)]
    [InlineData("0.6", "0.41", false)]
    [InlineData("0.5", "0.5", false)]
    [InlineData("0.3", "0.5", false)]
    public void Assess02_ProjectLag_FiresFromThresholdInclusive(string planned, string actual, bool fires)
    {
        var report = Indicators(u => u.Project("P-1", Dec(planned), Dec(actual)));

        if (fires)
        {
            report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("projects", "P-1").WithDetailList("indicators");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
        }
    }

    [Theory]
    [InlineData("2024-12-30", "0.99", true)]
    [InlineData("2020-01-01", "0", true)]
    [InlineData("2024-12-31", "0.5", false)] // due == as-of is not "before as-of"
    [InlineData("2025-06-30", "0.5", false)]
    [InlineData("2024-12-30", "1", false)]
    public void Assess02_ProjectDue_FiresWhenDueBeforeAsOfAndUnfinished(string due, string actual, bool fires)
    {
        // planned == actual, so there is no lag: only the due date can make it fire.
        var report = Indicators(u => u.Project("P-1", Dec(actual), Dec(actual), due));

        if (fires)
        {
            report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("projects", "P-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
        }
    }

    [Fact]
    public void Assess02_ProjectDue_ComparesWithExplicitAsOf()
    {
        var report = new RosterBuilder("2024H2").AsOf("2024-09-30")
            .Unit("U-1", UnitKind.Park, u => u.Project("P-1", 0.5m, 0.5m, "2024-09-29").Project("P-2", 0.5m, 0.5m, "2024-09-30"))
            .Evaluate();

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("projects", "P-1");
    }

    [Fact]
    public void Assess02_SeveralProjects_NamesOnlyLaggingOnesSortedOrdinally()
    {
        var report = Indicators(u => u
            .Project("P-2", 0.9m, 0.1m)
            .Project("P-10", 0.5m, 0.3m)
            .Project("P-1", 0.5m, 0.5m, "2024-06-30")
            .Project("P-3", 0.5m, 0.4m));

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("projects", "P-1", "P-10", "P-2");
    }

    [Fact]
    public void Assess02_UnderStationedInspectionAlone_FiresWithEmptyLists()
    {
        var report = Indicators(u => u.UnderStationedInspection());

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1")
            .WithRules("ASSESS-02").WithEvidence().WithDetailList("indicators").WithDetailList("projects");
    }

    [Fact]
    public void Assess02_NothingWrong_DoesNotFire()
    {
        var report = Indicators(u => u.Series("GDP", 2021, 1, 2, 3).Project("P-1", 0.5m, 0.4m, "2025-01-01"));

        report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
    }

    [Fact]
    public void Assess02_UnitWithoutCadres_StillFires()
    {
        var report = new RosterBuilder().Unit("U-1", UnitKind.County, u => u.UnderStationedInspection()).Evaluate();

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1");
    }

    [Fact]
    public void Assess02_IndicatorsAndProjects_NamesBoth()
    {
        var report = Indicators(u => u.Series("GDP", 2021, 3, 2, 1).Project("P-7", 0.8m, 0.55m, "2025-06-30"));

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("indicators", "GDP").WithDetailList("projects", "P-7");
    }

    // ---- ASSESS-03 prompt adjustment for work style ----

    private static RosterBuilder Inspected(string period = "2024H2") => new RosterBuilder(period)
        .Unit("U-1", UnitKind.District, u => u.UnderStationedInspection())
        .Cadre("C-1", "U-1", CadreRank.Division, leadership: true);

    [Fact]
    public void Assess03_LeaderWithRecentVerifiedSeriousWorkStyleInInspectedUnit_ProposesAdjustment()
    {
        var report = Inspected().WorkStyle("C-1", "2024-09-10", WorkStyleProblem.Delaying, Severity.Serious, id: "E-1").Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1")
            .WithRules("ASSESS-03").WithEvidence("E-1").WithDetailKeys("form").WithDetail("form", "PostTransfer");
    }

    [Theory]
    [InlineData(WorkStyleProblem.Mediocre)]
    [InlineData(WorkStyleProblem.Lax)]
    [InlineData(WorkStyleProblem.Lazy)]
    [InlineData(WorkStyleProblem.Shirking)]
    [InlineData(WorkStyleProblem.Delaying)]
    [InlineData(WorkStyleProblem.Evading)]
    public void Assess03_EverySeriousWorkStyleProblem_Fires(WorkStyleProblem problem)
    {
        var report = Inspected().WorkStyle("C-1", "2024-09-10", problem, id: "E-1").Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("ASSESS-03");
    }

    [Fact]
    public void Assess03_UnitNotUnderSpecialInspection_DoesNotFire()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.District, u => u.Series("GDP", 2021, 1, 2, 3))
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.Adjustment, "C-1");
    }

    [Fact]
    public void Assess03_DepartmentMarkedStationed_DoesNotFire()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.Department, u => u.UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.Adjustment, "C-1");
    }

    [Fact]
    public void Assess03_InspectionOfAnotherUnit_DoesNotFire()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.District, u => u.UnderStationedInspection())
            .Unit("U-2", UnitKind.District)
            .Cadre("C-1", "U-2", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Evaluate();

        report.ShouldHave(DecisionKind.SpecialInspection, "U-1");
        report.ShouldNotHave(DecisionKind.Adjustment, "C-1");
    }

    [Fact]
    public void Assess03_NonLeadershipCadre_DoesNotFire()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.District, u => u.UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: false)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.Adjustment, "C-1");
    }

    [Fact]
    public void Assess03_LeaderOfAnyRank_Fires()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.District, u => u.UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Section, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("ASSESS-03");
    }

    [Fact]
    public void Assess03_MinorSeverity_DoesNotFire()
    {
        var report = Inspected().WorkStyle("C-1", "2024-09-10", severity: Severity.Minor, id: "E-1").Evaluate();

        report.ShouldNotHave(DecisionKind.Adjustment, "C-1");
    }

    [Theory]
    [InlineData(FindingStatus.EarlySign)]
    [InlineData(FindingStatus.Unfounded)]
    public void Assess03_NotVerified_DoesNotFire(FindingStatus status)
    {
        var report = Inspected().WorkStyle("C-1", "2024-09-10", status: status, id: "E-1").Evaluate();

        report.ShouldNotHave(DecisionKind.Adjustment, "C-1");
    }

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    [InlineData("2024-12-31", true)]
    public void Assess03_RecentWindowEdge(string date, bool fires)
    {
        var report = Inspected().WorkStyle("C-1", date, id: "E-1").Evaluate();

        if (fires)
        {
            report.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("ASSESS-03").WithEvidence("E-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.Adjustment, "C-1");
        }
    }

    [Fact]
    public void Assess03_MixedEvidence_ListsOnlyRecentVerifiedSeriousOnes()
    {
        var report = Inspected()
            .WorkStyle("C-1", "2024-09-10", id: "E-3")
            .WorkStyle("C-1", "2024-02-01", WorkStyleProblem.Lazy, id: "E-10")
            .WorkStyle("C-1", "2024-03-01", severity: Severity.Minor, id: "E-4")
            .WorkStyle("C-1", "2023-06-01", id: "E-5")
            .WorkStyle("C-1", "2024-04-01", status: FindingStatus.Unfounded, id: "E-6")
            .Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("ASSESS-03").WithEvidence("E-10", "E-3");
    }

    [Theory]
    [InlineData(MeasureKind.Removal)]
    [InlineData(MeasureKind.Demotion)]
    [InlineData(MeasureKind.GovDismissalFromPost)]
    public void Assess03_AdjustmentFormOption_Honoured(MeasureKind form)
    {
        var report = Inspected().WorkStyle("C-1", "2024-09-10", id: "E-1").Evaluate(o => o.AdjustmentForm = form);

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithDetail("form", form.ToString());
    }

    [Fact]
    public void Assess03_SpecialInspectionByLaggingProject_Fires()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.Park, u => u.Project("P-1", 0.6m, 0.4m))
            .Cadre("C-1", "U-1", CadreRank.DeputyDivision, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("ASSESS-03");
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
