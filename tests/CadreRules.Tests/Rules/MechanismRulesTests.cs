using CadreRules.Testing;
using CadreRules.Tests.Support;

namespace CadreRules.Tests.Rules;

/// <summary>POLICY.md, 用 — four mechanisms: MECH-01 to MECH-05. As-of is 2024-12-31 unless stated.</summary>
public sealed class MechanismRulesTests
{
    /// <summary>A cadre on the yellow board this period because of E-1.</summary>
    private static RosterBuilder Yellow(string period = "2024H2", string date = "2024-06-10") =>
        new RosterBuilder(period).Cadre("C-1").WorkStyle("C-1", date, severity: Severity.Minor, id: "E-1");

    /// <summary>A cadre on the red board this period because of E-1.</summary>
    private static RosterBuilder Red(string period = "2024H2", string? asOf = null, string date = "2024-03-15")
    {
        var builder = new RosterBuilder(period);
        if (asOf is not null)
        {
            builder.AsOf(asOf);
        }

        return builder.Cadre("C-1").KeyTask("C-1", date, KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1");
    }

    // ---- MECH-01 reminder and MECH-02 escalation ----

    [Fact]
    public void Mech01_FirstYellow_ReminderTalkOnly()
    {
        var report = Yellow().Evaluate();

        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("MECH-01").WithEvidence("E-1").WithNoDetails();
        report.ShouldHaveKinds("C-1", "ReminderTalk", "YellowBoard");
    }

    [Fact]
    public void Mech01_NotYellow_NoReminder()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Measure("C-1", "2024-06-01", MeasureKind.ReminderTalk, id: "M-1")
            .Board("C-1", "2024H1", Board.Yellow)
            .Evaluate();

        report.Decisions.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2024-01-01")]
    [InlineData("2024-12-31")]
    public void Mech02_AdmonishmentInWindow_Adjustment(string date)
    {
        var report = Yellow().Measure("C-1", date, MeasureKind.Admonishment, id: "M-1").Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1")
            .WithRules("MECH-02").WithEvidence("M-1").WithDetailKeys("form").WithDetail("form", "PostTransfer");
        report.ShouldHaveKinds("C-1", "Adjustment", "YellowBoard");
    }

    [Fact]
    public void Mech02_AdmonishmentJustOutsideWindow_NoEscalation()
    {
        var report = Yellow().Measure("C-1", "2023-12-31", MeasureKind.Admonishment, id: "M-1").Evaluate();

        report.ShouldHaveKinds("C-1", "ReminderTalk", "YellowBoard");
        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("MECH-01");
    }

    [Fact]
    public void Mech02_AdmonishmentAndReminderInWindow_OnlyTheHighestStep()
    {
        var report = Yellow()
            .Measure("C-1", "2024-02-01", MeasureKind.ReminderTalk, id: "M-1")
            .Measure("C-1", "2024-05-01", MeasureKind.Admonishment, id: "M-2")
            .Measure("C-1", "2024-03-01", MeasureKind.WrittenInquiry, id: "M-3")
            .Board("C-1", "2024H1", Board.Yellow)
            .Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("MECH-02").WithEvidence("M-2");
        report.ShouldHaveKinds("C-1", "Adjustment", "YellowBoard");
    }

    [Fact]
    public void Mech02_SeveralAdmonishmentsInWindow_ListsThemAll()
    {
        var report = Yellow()
            .Measure("C-1", "2024-02-01", MeasureKind.Admonishment, id: "M-2")
            .Measure("C-1", "2024-05-01", MeasureKind.Admonishment, id: "M-1")
            .Measure("C-1", "2023-05-01", MeasureKind.Admonishment, id: "M-3")
            .Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithEvidence("M-1", "M-2");
    }

    [Theory]
    [InlineData(MeasureKind.ReminderTalk)]
    [InlineData(MeasureKind.WrittenInquiry)]
    public void Mech02_ReminderOrInquiryInWindow_Admonishment(MeasureKind kind)
    {
        var report = Yellow().Measure("C-1", "2024-01-01", kind, id: "M-1").Evaluate();

        report.ShouldHave(DecisionKind.Admonishment, "C-1").WithRules("MECH-02").WithEvidence("M-1").WithNoDetails();
        report.ShouldHaveKinds("C-1", "Admonishment", "YellowBoard");
    }

    [Theory]
    [InlineData(MeasureKind.ReminderTalk)]
    [InlineData(MeasureKind.WrittenInquiry)]
    public void Mech02_ReminderOrInquiryJustOutsideWindow_ReminderOnly(MeasureKind kind)
    {
        var report = Yellow().Measure("C-1", "2023-12-31", kind, id: "M-1").Evaluate();

        report.ShouldHaveKinds("C-1", "ReminderTalk", "YellowBoard");
    }

    [Theory]
    [InlineData(MeasureKind.PostTransfer)]
    [InlineData(MeasureKind.Removal)]
    [InlineData(MeasureKind.PartyWarning)]
    [InlineData(MeasureKind.GovWarning)]
    [InlineData(MeasureKind.Promotion)]
    public void Mech02_OtherMeasuresInWindow_DoNotEscalate(MeasureKind kind)
    {
        var report = Yellow().Measure("C-1", "2024-05-01", kind, id: "M-1").Evaluate();

        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("MECH-01");
        report.ShouldNotHave(DecisionKind.Admonishment, "C-1");
        report.ShouldNotHave(DecisionKind.Adjustment, "C-1");
    }

    [Theory]
    [InlineData("2024H2", "2024H1", true)]
    [InlineData("2024H1", "2023H2", true)]
    [InlineData("2024H2", "2023H2", false)] // older than the period immediately before
    [InlineData("2024H1", "2023H1", false)]
    [InlineData("2024H2", "2022H2", false)]
    public void Mech02_YellowInPreviousPeriod_Admonishment(string period, string previous, bool admonish)
    {
        var date = period.EndsWith("H1", StringComparison.Ordinal) ? "2024-03-10" : "2024-09-10";
        var report = Yellow(period, date).Board("C-1", previous, Board.Yellow).Evaluate();

        if (admonish)
        {
            report.ShouldHave(DecisionKind.Admonishment, "C-1").WithRules("MECH-02").WithEvidence();
            report.ShouldNotHave(DecisionKind.ReminderTalk, "C-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.Admonishment, "C-1");
            report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("MECH-01");
        }
    }

    [Fact]
    public void Mech02_RedInPreviousPeriod_NoEscalation()
    {
        var report = Yellow().Board("C-1", "2024H1", Board.Red).Evaluate();

        report.ShouldHaveKinds("C-1", "ReminderTalk", "YellowBoard");
    }

    [Fact]
    public void Mech02_ReminderAndPreviousYellow_OneAdmonishmentListingTheReminder()
    {
        var report = Yellow()
            .Measure("C-1", "2024-02-01", MeasureKind.ReminderTalk, id: "M-2")
            .Measure("C-1", "2024-03-01", MeasureKind.WrittenInquiry, id: "M-1")
            .Board("C-1", "2024H1", Board.Yellow)
            .Evaluate();

        report.ShouldHave(DecisionKind.Admonishment, "C-1").WithRules("MECH-02").WithEvidence("M-1", "M-2");
    }

    [Fact]
    public void Mech02_MeasuresOfAnotherCadre_DoNotEscalate()
    {
        var report = Yellow().Cadre("C-2")
            .Measure("C-2", "2024-05-01", MeasureKind.Admonishment, id: "M-1")
            .Board("C-2", "2024H1", Board.Yellow)
            .Evaluate();

        report.ShouldHaveKinds("C-1", "ReminderTalk", "YellowBoard");
        report.KindsOf("C-2").Should().BeEmpty();
    }

    [Fact]
    public void Mech02_AdjustmentFormOption_Honoured()
    {
        var report = Yellow().Measure("C-1", "2024-05-01", MeasureKind.Admonishment, id: "M-1")
            .Evaluate(o => o.AdjustmentForm = MeasureKind.OrderedResignation);

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithDetail("form", "OrderedResignation");
    }

    [Fact]
    public void Mech01_Assess03Adjustment_DoesNotSuppressReminder()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.County, u => u.UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Evaluate();

        report.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("ASSESS-03").WithEvidence("E-1");
        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("MECH-01").WithEvidence("E-1");
        report.ShouldHaveKinds("C-1", "Adjustment", "ReminderTalk", "YellowBoard");
    }

    [Fact]
    public void Mech02_AndAssess03_OneAdjustmentWithBothRules()
    {
        var report = new RosterBuilder()
            .Unit("U-1", UnitKind.County, u => u.UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Measure("C-1", "2024-03-01", MeasureKind.Admonishment, id: "M-1")
            .Evaluate(o => o.AdjustmentForm = MeasureKind.Removal);

        report.ShouldHave(DecisionKind.Adjustment, "C-1")
            .WithRules("ASSESS-03", "MECH-02").WithEvidence("E-1", "M-1").WithDetailKeys("form").WithDetail("form", "Removal");
        report.ShouldHaveKinds("C-1", "Adjustment", "YellowBoard");
        report.ShouldHave(DecisionKind.Adjustment, "C-1").Decision.Reasons.Should().HaveCount(2);
    }

    [Fact]
    public void Mech01_AndIdent03_OneReminderTalkWithBothRules()
    {
        var report = Yellow().NegativeList("C-1", "2024-05-02", NegativeListCategory.Cliques, FindingStatus.EarlySign, id: "E-2").Evaluate();

        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("IDENT-03", "MECH-01").WithEvidence("E-1", "E-2");
        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").Decision.Reasons.Should().HaveCount(2);
    }

    [Fact]
    public void Mech02_Ident03Reminder_StaysBesideAdmonishment()
    {
        // IDENT-03 is not MECH-01: MECH-02's admonishment suppresses only MECH-01's reminder.
        var report = Yellow()
            .NegativeList("C-1", "2024-05-02", id: "E-2")
            .Measure("C-1", "2024-02-01", MeasureKind.ReminderTalk, id: "M-1")
            .Evaluate();

        report.ShouldHave(DecisionKind.Admonishment, "C-1").WithRules("MECH-02").WithEvidence("M-1");
        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("IDENT-03").WithEvidence("E-2");
    }

    [Fact]
    public void Mech02_EscalationWindowIsRelativeToAsOf()
    {
        var report = Yellow("2024H1", "2024-03-10")
            .AsOf("2024-04-30")
            .Measure("C-1", "2023-04-30", MeasureKind.Admonishment, id: "M-1")
            .Measure("C-1", "2023-05-01", MeasureKind.ReminderTalk, id: "M-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.Admonishment, "C-1").WithEvidence("M-2");
    }

    // ---- MECH-03 grade consequences ----

    public static TheoryData<int[], bool, bool> IncompetentYears => new()
    {
        { [2023], true, false },
        { [2024], true, false },
        { [2022], false, false },
        { [2022, 2023], true, true },
        { [2023, 2024], true, true },
        { [2021, 2022], false, false }, // consecutive, but the later is two years back
        { [2022, 2024], true, false }, // not consecutive
        { [2021, 2022, 2024], true, false },
        { [2020, 2022], false, false },
    };

    [Theory]
    [MemberData(nameof(IncompetentYears))]
    public void Mech03_IncompetentYears(int[] years, bool demotion, bool dismissal)
    {
        var builder = new RosterBuilder().Cadre("C-1");
        foreach (int year in years)
        {
            builder.Grade("C-1", year, AnnualGradeLevel.Incompetent);
        }

        var report = builder.Evaluate();

        if (demotion)
        {
            report.ShouldHave(DecisionKind.Demotion, "C-1").WithRules("MECH-03").WithEvidence().WithNoDetails();
        }
        else
        {
            report.ShouldNotHave(DecisionKind.Demotion, "C-1");
        }

        if (dismissal)
        {
            report.ShouldHave(DecisionKind.Dismissal, "C-1").WithRules("MECH-03").WithEvidence().WithNoDetails();
        }
        else
        {
            report.ShouldNotHave(DecisionKind.Dismissal, "C-1");
        }
    }

    [Fact]
    public void Mech03_BasicallyCompetentBesideIncompetent_NotConsecutiveIncompetence()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Grade("C-1", 2023, AnnualGradeLevel.BasicallyCompetent)
            .Grade("C-1", 2024, AnnualGradeLevel.Incompetent)
            .Evaluate();

        report.ShouldHave(DecisionKind.Demotion, "C-1");
        report.ShouldNotHave(DecisionKind.Dismissal, "C-1");
    }

    [Fact]
    public void Mech03_DemotionAndDismissal_ComeWithYellowBoardAndReminder()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Grade("C-1", 2022, AnnualGradeLevel.Incompetent)
            .Grade("C-1", 2023, AnnualGradeLevel.Incompetent)
            .Evaluate();

        report.ShouldHaveKinds("C-1", "Demotion", "Dismissal", "ReminderTalk", "YellowBoard");
    }

    [Theory]
    [InlineData("2024H1", 2023, true)]
    [InlineData("2024H1", 2022, false)]
    public void Mech03_GradeYearRelativeToAsOfYear(string period, int year, bool demotion)
    {
        var report = new RosterBuilder(period).Cadre("C-1").Grade("C-1", year, AnnualGradeLevel.Incompetent).Evaluate();

        (report.KindsOf("C-1").Contains("Demotion")).Should().Be(demotion);
    }

    // ---- MECH-04 up ----

    [Fact]
    public void Mech04_RedWithoutMeasures_PromotionCandidate()
    {
        var report = Red().Evaluate();

        report.ShouldHave(DecisionKind.PromotionCandidate, "C-1").WithRules("MECH-04").WithEvidence("E-1").WithNoDetails();
        report.ShouldHaveKinds("C-1", "PromotionCandidate", "RedBoard");
    }

    [Fact]
    public void Mech04_AdmonishmentOf20240630_BlockOverOn20241231()
    {
        // POLICY.md worked edge: blocks until 2024-12-30, so on 2024-12-31 the block is over.
        var report = Red().Measure("C-1", "2024-06-30", MeasureKind.Admonishment, id: "M-1").Evaluate();

        report.ShouldHave(DecisionKind.PromotionCandidate, "C-1").WithRules("MECH-04");
        report.ShouldNotHave(DecisionKind.PromotionBlocked, "C-1");
    }

    [Theory]
    [InlineData("2024-12-29")]
    [InlineData("2024-12-30")] // the end date itself is not blocked: active only while as-of is before the end
    public void Mech04_AdmonishmentOf20240630_AroundTheEnd(string asOf)
    {
        var report = Red(asOf: asOf).Measure("C-1", "2024-06-30", MeasureKind.Admonishment, id: "M-1").Evaluate();

        if (asOf == "2024-12-29")
        {
            report.ShouldHave(DecisionKind.PromotionBlocked, "C-1")
                .WithRules("MECH-04").WithEvidence("M-1").WithDetailKeys("eligibleFrom").WithDetail("eligibleFrom", "2024-12-30");
            report.ShouldNotHave(DecisionKind.PromotionCandidate, "C-1");
        }
        else
        {
            report.ShouldHave(DecisionKind.PromotionCandidate, "C-1");
            report.ShouldNotHave(DecisionKind.PromotionBlocked, "C-1");
        }
    }

    [Theory]
    [InlineData("2024-02-28", true)]
    [InlineData("2024-02-29", false)]
    public void Mech04_AdmonishmentOf20230831_BlocksUntilLeapDayByMonthEndClamping(string asOf, bool blocked)
    {
        var report = Red("2024H1", asOf, "2024-01-15").Measure("C-1", "2023-08-31", MeasureKind.Admonishment, id: "M-1").Evaluate();

        if (blocked)
        {
            report.ShouldHave(DecisionKind.PromotionBlocked, "C-1").WithDetail("eligibleFrom", "2024-02-29").WithEvidence("M-1");
        }
        else
        {
            report.ShouldHave(DecisionKind.PromotionCandidate, "C-1");
        }
    }

    [Fact]
    public void Mech04_OverlappingInfluencePeriods_LatestEndBinds()
    {
        var report = Red()
            .Measure("C-1", "2024-10-01", MeasureKind.Admonishment, id: "M-1") // until 2025-04-01
            .Measure("C-1", "2024-03-15", MeasureKind.PartyWarning, id: "M-2") // until 2025-03-15
            .Measure("C-1", "2024-01-10", MeasureKind.GovMajorDemerit, id: "M-3") // until 2025-07-10
            .Measure("C-1", "2023-01-10", MeasureKind.GovWarning, id: "M-4") // until 2023-07-10: over
            .Measure("C-1", "2024-11-10", MeasureKind.ReminderTalk, id: "M-5") // no influence period
            .Evaluate();

        report.ShouldHave(DecisionKind.PromotionBlocked, "C-1")
            .WithRules("MECH-04").WithEvidence("M-1", "M-2", "M-3").WithDetail("eligibleFrom", "2025-07-10");
        report.ShouldNotHave(DecisionKind.PromotionCandidate, "C-1");
    }

    [Fact]
    public void Mech04_LatestMeasureIsNotTheLatestEnd()
    {
        var report = Red()
            .Measure("C-1", "2024-11-01", MeasureKind.GovWarning, id: "M-1") // until 2025-05-01
            .Measure("C-1", "2024-02-01", MeasureKind.PartyProbation, id: "M-2") // until 2028-02-01
            .Evaluate();

        report.ShouldHave(DecisionKind.PromotionBlocked, "C-1").WithDetail("eligibleFrom", "2028-02-01");
    }

    [Theory]
    [InlineData(MeasureKind.ReminderTalk)]
    [InlineData(MeasureKind.WrittenInquiry)]
    [InlineData(MeasureKind.Promotion)]
    [InlineData(MeasureKind.RankAdvance)]
    [InlineData(MeasureKind.Reappointment)]
    public void Mech04_MeasuresWithoutInfluencePeriod_NeverBlock(MeasureKind kind)
    {
        var report = Red().Measure("C-1", "2024-12-01", kind, id: "M-1").Evaluate();

        report.ShouldHave(DecisionKind.PromotionCandidate, "C-1").WithEvidence("E-1");
    }

    [Fact]
    public void Mech04_NotRed_NeitherCandidateNorBlocked()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .KeyTask("C-1", "2024-03-15", KeyTaskKind.Other, KeyTaskRating.Outstanding, id: "E-1")
            .Measure("C-1", "2024-10-01", MeasureKind.Admonishment, id: "M-1")
            .Evaluate();

        report.Decisions.Should().BeEmpty();
    }

    // ---- MECH-05 tracking ----

    private static RosterBuilder Tracked() => new RosterBuilder().Cadre("C-1");

    [Fact]
    public void Mech05_AdjustmentMeasure_Tracking()
    {
        var report = Tracked().Measure("C-1", "2024-03-01", MeasureKind.PostTransfer, id: "M-1").Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1")
            .WithRules("MECH-05").WithEvidence("M-1")
            .WithDetailKeys("leadershipEligibleFrom", "measure", "promotionEligibleFrom", "status")
            .WithDetail("measure", "M-1")
            .WithDetail("promotionEligibleFrom", "2025-03-01")
            .WithDetail("leadershipEligibleFrom", "2024-03-01")
            .WithDetail("status", "InInfluencePeriod");
        report.ShouldHaveKinds("C-1", "Tracking");
    }

    [Theory]
    [InlineData(MeasureKind.PostTransfer, true)]
    [InlineData(MeasureKind.Removal, true)]
    [InlineData(MeasureKind.Demotion, true)]
    [InlineData(MeasureKind.OrderedResignation, true)]
    [InlineData(MeasureKind.ResignationForFault, true)]
    [InlineData(MeasureKind.GovDemotion, true)]
    [InlineData(MeasureKind.GovDismissalFromPost, true)]
    [InlineData(MeasureKind.Admonishment, false)]
    [InlineData(MeasureKind.ReminderTalk, false)]
    [InlineData(MeasureKind.WrittenInquiry, false)]
    [InlineData(MeasureKind.PartyWarning, false)]
    [InlineData(MeasureKind.PartySeriousWarning, false)]
    [InlineData(MeasureKind.PartyPostRemoval, false)]
    [InlineData(MeasureKind.PartyProbation, false)]
    [InlineData(MeasureKind.GovWarning, false)]
    [InlineData(MeasureKind.GovDemerit, false)]
    [InlineData(MeasureKind.GovMajorDemerit, false)]
    [InlineData(MeasureKind.Promotion, false)]
    [InlineData(MeasureKind.RankAdvance, false)]
    [InlineData(MeasureKind.Reappointment, false)]
    public void Mech05_OnlyAdjustmentTypeMeasuresAreTracked(MeasureKind kind, bool tracked)
    {
        var report = Tracked().Measure("C-1", "2024-03-01", kind, id: "M-1").Evaluate();

        if (tracked)
        {
            report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("measure", "M-1");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.Tracking, "C-1");
        }
    }

    [Theory]
    [InlineData("2021-12-31", false)] // 36 months before as-of: outside
    [InlineData("2022-01-01", true)]
    public void Mech05_TrackingHorizonEdge(string date, bool tracked)
    {
        var report = Tracked().Measure("C-1", date, MeasureKind.Removal, id: "M-1").Evaluate();

        if (tracked)
        {
            report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("measure", "M-1").WithDetail("status", "PeriodElapsed");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.Tracking, "C-1");
        }
    }

    [Fact]
    public void Mech05_SeveralAdjustments_TracksTheLatest()
    {
        var report = Tracked()
            .Measure("C-1", "2024-02-01", MeasureKind.Removal, id: "M-1")
            .Measure("C-1", "2023-01-01", MeasureKind.PostTransfer, id: "M-2")
            .Measure("C-1", "2024-06-01", MeasureKind.Admonishment, id: "M-3")
            .Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1").WithEvidence("M-1").WithDetail("measure", "M-1");
    }

    [Theory]
    [InlineData("M-9", "M-10", "M-9")] // ordinal, not numeric: "M-9" sorts after "M-10"
    [InlineData("M-10", "M-9", "M-9")]
    [InlineData("m-1", "M-2", "m-1")] // ordinal: lower case sorts after upper case
    [InlineData("M-b", "M-a", "M-b")]
    public void Mech05_SameDate_TracksTheIdThatSortsLastOrdinally(string first, string second, string expected)
    {
        var report = Tracked()
            .Measure("C-1", "2024-02-01", MeasureKind.Removal, id: first)
            .Measure("C-1", "2024-02-01", MeasureKind.PostTransfer, id: second)
            .Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1").WithEvidence(expected).WithDetail("measure", expected);
    }

    [Theory]
    [InlineData(MeasureKind.Promotion)]
    [InlineData(MeasureKind.RankAdvance)]
    [InlineData(MeasureKind.Reappointment)]
    public void Mech05_OutcomeStrictlyAfter_NotTracked(MeasureKind outcome)
    {
        var report = Tracked()
            .Measure("C-1", "2024-02-01", MeasureKind.PostTransfer, id: "M-1")
            .Measure("C-1", "2024-02-02", outcome, id: "M-2")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.Tracking, "C-1");
    }

    [Theory]
    [InlineData(MeasureKind.Promotion)]
    [InlineData(MeasureKind.RankAdvance)]
    [InlineData(MeasureKind.Reappointment)]
    public void Mech05_OutcomeOnTheSameDate_StillTracked(MeasureKind outcome)
    {
        var report = Tracked()
            .Measure("C-1", "2024-02-01", MeasureKind.PostTransfer, id: "M-1")
            .Measure("C-1", "2024-02-01", outcome, id: "M-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("measure", "M-1").WithEvidence("M-1");
    }

    [Fact]
    public void Mech05_OutcomeBetweenTwoAdjustments_TracksTheLaterAdjustment()
    {
        var report = Tracked()
            .Measure("C-1", "2022-06-01", MeasureKind.Removal, id: "M-1")
            .Measure("C-1", "2023-06-01", MeasureKind.Reappointment, id: "M-2")
            .Measure("C-1", "2024-06-01", MeasureKind.PostTransfer, id: "M-3")
            .Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("measure", "M-3");
    }

    [Fact]
    public void Mech05_OutcomeBeforeTheAdjustment_StillTracked()
    {
        var report = Tracked()
            .Measure("C-1", "2023-06-01", MeasureKind.Promotion, id: "M-1")
            .Measure("C-1", "2024-06-01", MeasureKind.PostTransfer, id: "M-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("measure", "M-2");
    }

    [Fact]
    public void Mech05_BlockEndsAfterTheTrackedDate_EligibilityIsTheBlockEnd()
    {
        var report = Tracked()
            .Measure("C-1", "2024-03-01", MeasureKind.PostTransfer, id: "M-1") // promotion until 2025-03-01
            .Measure("C-1", "2023-01-01", MeasureKind.PartyProbation, id: "M-2") // promotion until 2027-01-01
            .Measure("C-1", "2022-10-31", MeasureKind.Removal, id: "M-3") // leadership until 2023-10-31
            .Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1")
            .WithEvidence("M-1")
            .WithDetail("measure", "M-1")
            .WithDetail("promotionEligibleFrom", "2027-01-01")
            .WithDetail("leadershipEligibleFrom", "2024-03-01") // the Removal's leadership block ended before the tracked date
            .WithDetail("status", "InInfluencePeriod");
    }

    [Fact]
    public void Mech05_LeadershipBlock_FromRemoval()
    {
        var report = Tracked().Measure("C-1", "2024-02-29", MeasureKind.Removal, id: "M-1").Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1")
            .WithDetail("promotionEligibleFrom", "2026-02-28") // month-end clamping of Feb 29
            .WithDetail("leadershipEligibleFrom", "2025-02-28");
    }

    [Fact]
    public void Mech05_NoMeasureWithPromotionMonths_TrackedDateAlone()
    {
        var report = Tracked()
            .Measure("C-1", "2024-03-01", MeasureKind.PostTransfer, id: "M-1")
            .Measure("C-1", "2024-01-01", MeasureKind.ReminderTalk, id: "M-2")
            .Evaluate(o => o.InfluencePeriods[MeasureKind.PostTransfer] = new InfluencePeriod(0, 0));

        report.ShouldHave(DecisionKind.Tracking, "C-1")
            .WithDetail("promotionEligibleFrom", "2024-03-01")
            .WithDetail("leadershipEligibleFrom", "2024-03-01")
            .WithDetail("status", "PeriodElapsed");
    }

    [Fact]
    public void Mech05_BlockEndedBeforeTheTrackedDate_TrackedDateBinds()
    {
        var report = Tracked()
            .Measure("C-1", "2024-03-01", MeasureKind.PostTransfer, id: "M-1")
            .Measure("C-1", "2023-01-01", MeasureKind.Admonishment, id: "M-2") // until 2023-07-01
            .Evaluate(o => o.InfluencePeriods[MeasureKind.PostTransfer] = new InfluencePeriod(0, 0));

        report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("promotionEligibleFrom", "2024-03-01").WithDetail("status", "PeriodElapsed");
    }

    [Theory]
    [InlineData("2023-12-31", "2024-12-31", "PeriodElapsed")] // as-of == promotionEligibleFrom
    [InlineData("2024-01-01", "2025-01-01", "InInfluencePeriod")]
    public void Mech05_StatusAroundPromotionEligibility(string date, string eligibleFrom, string status)
    {
        var report = Tracked().Measure("C-1", date, MeasureKind.PostTransfer, id: "M-1").Evaluate();

        report.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("promotionEligibleFrom", eligibleFrom).WithDetail("status", status);
    }

    [Fact]
    public void Mech05_ExcludedCadre_StillTracked()
    {
        var report = Tracked()
            .Measure("C-1", "2024-03-01", MeasureKind.PostTransfer, id: "M-1")
            .NegativeList("C-1", "2015-01-01", NegativeListCategory.TwoFaced, FindingStatus.Verified, id: "E-1")
            .Evaluate();

        report.ShouldHaveKinds("C-1", "Exclusion", "NegativeListEntry", "Tracking");
    }
}
