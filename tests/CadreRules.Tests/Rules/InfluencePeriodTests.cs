using System.Globalization;
using CadreRules.Rules;
using CadreRules.Testing;
using CadreRules.Tests.Support;

namespace CadreRules.Tests.Rules;

/// <summary>POLICY.md, "Influence periods (影响期)": the default table and how blocks combine.</summary>
public sealed class InfluencePeriodTests
{
    /// <summary>The table of POLICY.md, row by row.</summary>
    public static TheoryData<MeasureKind, int, int> PolicyTable => new()
    {
        { MeasureKind.ReminderTalk, 0, 0 },
        { MeasureKind.WrittenInquiry, 0, 0 },
        { MeasureKind.Admonishment, 6, 0 },
        { MeasureKind.PostTransfer, 12, 0 },
        { MeasureKind.Removal, 24, 12 },
        { MeasureKind.OrderedResignation, 24, 12 },
        { MeasureKind.ResignationForFault, 24, 12 },
        { MeasureKind.Demotion, 24, 0 },
        { MeasureKind.PartyWarning, 12, 0 },
        { MeasureKind.PartySeriousWarning, 18, 0 },
        { MeasureKind.PartyPostRemoval, 24, 0 },
        { MeasureKind.PartyProbation, 48, 0 },
        { MeasureKind.GovWarning, 6, 0 },
        { MeasureKind.GovDemerit, 12, 0 },
        { MeasureKind.GovMajorDemerit, 18, 0 },
        { MeasureKind.GovDemotion, 24, 0 },
        { MeasureKind.GovDismissalFromPost, 24, 0 },
        { MeasureKind.Promotion, 0, 0 },
        { MeasureKind.RankAdvance, 0, 0 },
        { MeasureKind.Reappointment, 0, 0 },
    };

    [Fact]
    public void DefaultTable_HasEveryMeasureKind()
    {
        var defaults = CadrePolicyOptions.CreateDefaultInfluencePeriods();

        defaults.Keys.Should().BeEquivalentTo(Enum.GetValues<MeasureKind>());
        PolicyTable.Count().Should().Be(Enum.GetValues<MeasureKind>().Length);
    }

    [Theory]
    [MemberData(nameof(PolicyTable))]
    public void DefaultTable_MatchesPolicy(MeasureKind kind, int promotionMonths, int leadershipMonths)
    {
        var period = new CadrePolicyOptions().InfluencePeriods[kind];

        period.PromotionMonths.Should().Be(promotionMonths);
        period.LeadershipMonths.Should().Be(leadershipMonths);
    }

    public static TheoryData<MeasureKind, int> PromotionColumn()
    {
        var column = new TheoryData<MeasureKind, int>();
        foreach (var row in PolicyTable)
        {
            column.Add((MeasureKind)row[0], (int)row[1]);
        }

        return column;
    }

    [Theory]
    [MemberData(nameof(PromotionColumn))]
    public void PromotionBlock_OfARedBoardCadre_FollowsTheTable(MeasureKind kind, int promotionMonths)
    {
        var report = new RosterBuilder().Cadre("C-1")
            .KeyTask("C-1", "2024-10-01", KeyTaskKind.EpidemicPrevention, KeyTaskRating.Outstanding, id: "E-1")
            .Measure("C-1", "2024-12-01", kind, id: "M-1")
            .Evaluate();

        if (promotionMonths > 0)
        {
            report.ShouldHave(DecisionKind.PromotionBlocked, "C-1")
                .WithEvidence("M-1").WithDetail("eligibleFrom", PolicyFunctions.Format(new DateOnly(2024, 12, 1).AddMonths(promotionMonths)));
        }
        else
        {
            report.ShouldHave(DecisionKind.PromotionCandidate, "C-1");
        }
    }

    [Theory]
    [MemberData(nameof(PolicyTable))]
    public void LeadershipBlock_OfATrackedCadre_FollowsTheTable(MeasureKind kind, int promotionMonths, int leadershipMonths)
    {
        // The tracked PostTransfer of 2024-01-01 has no leadership block of its own.
        var report = new RosterBuilder().Cadre("C-1")
            .Measure("C-1", "2024-01-01", MeasureKind.PostTransfer, id: "M-1")
            .Measure("C-1", "2023-12-01", kind, id: "M-0")
            .Evaluate();

        var start = new DateOnly(2023, 12, 1);
        var promotionFrom = Later(new DateOnly(2025, 1, 1), promotionMonths > 0 ? start.AddMonths(promotionMonths) : null);
        var leadershipFrom = Later(new DateOnly(2024, 1, 1), leadershipMonths > 0 ? start.AddMonths(leadershipMonths) : null);
        report.ShouldHave(DecisionKind.Tracking, "C-1")
            .WithDetail("measure", "M-1")
            .WithDetail("promotionEligibleFrom", PolicyFunctions.Format(promotionFrom))
            .WithDetail("leadershipEligibleFrom", PolicyFunctions.Format(leadershipFrom));
    }

    [Fact]
    public void Block_EndsAtTheLatestEndOverAllMeasures()
    {
        var context = new PolicyContext(AssessmentPeriod.Parse("2024H2"), new DateOnly(2024, 12, 31), new CadrePolicyOptions());
        Measure[] measures =
        [
            M("2024-10-01", MeasureKind.Admonishment), // promotion 2025-04-01
            M("2023-02-01", MeasureKind.PartyProbation), // promotion 2027-02-01
            M("2024-06-01", MeasureKind.Removal), // promotion 2026-06-01, leadership 2025-06-01
            M("2024-09-01", MeasureKind.OrderedResignation), // leadership 2025-09-01
            M("2024-11-30", MeasureKind.ReminderTalk),
        ];

        context.PromotionBlockEnd(measures).Should().Be(new DateOnly(2027, 2, 1));
        context.LeadershipBlockEnd(measures).Should().Be(new DateOnly(2025, 9, 1));
    }

    [Fact]
    public void Block_NoMeasureWithMonths_HasNoEnd()
    {
        var context = new PolicyContext(AssessmentPeriod.Parse("2024H2"), new DateOnly(2024, 12, 31), new CadrePolicyOptions());
        Measure[] measures = [M("2024-10-01", MeasureKind.ReminderTalk), M("2024-10-02", MeasureKind.Promotion)];

        context.PromotionBlockEnd(measures).Should().BeNull();
        context.LeadershipBlockEnd(measures).Should().BeNull();
        context.PromotionBlockEnd([]).Should().BeNull();
    }

    [Theory]
    [InlineData("2023-08-31", MeasureKind.Admonishment, "2024-02-29")] // POLICY.md worked edge
    [InlineData("2024-06-30", MeasureKind.Admonishment, "2024-12-30")] // POLICY.md worked edge
    [InlineData("2024-08-31", MeasureKind.GovWarning, "2025-02-28")]
    [InlineData("2024-02-29", MeasureKind.PostTransfer, "2025-02-28")]
    [InlineData("2024-02-29", MeasureKind.PartyProbation, "2028-02-29")]
    [InlineData("2024-03-31", MeasureKind.PartySeriousWarning, "2025-09-30")]
    public void Block_UsesCalendarMonthsWithMonthEndClamping(string date, MeasureKind kind, string end)
    {
        var context = new PolicyContext(AssessmentPeriod.Parse("2024H2"), new DateOnly(2024, 12, 31), new CadrePolicyOptions());

        context.PromotionBlockEnd([M(date, kind)]).Should().Be(RosterDate(end));
    }

    [Fact]
    public void InfluencePeriodsOption_ChangesTheBlock()
    {
        var builder = new RosterBuilder().Cadre("C-1")
            .KeyTask("C-1", "2024-10-01", KeyTaskKind.EpidemicPrevention, KeyTaskRating.Outstanding, id: "E-1")
            .Measure("C-1", "2024-10-15", MeasureKind.Admonishment, id: "M-1");

        var lifted = builder.Evaluate(o => o.InfluencePeriods[MeasureKind.Admonishment] = new InfluencePeriod(0, 0));
        var longer = builder.Evaluate(o => o.InfluencePeriods[MeasureKind.Admonishment] = new InfluencePeriod(9, 0));
        var byDefault = builder.Evaluate();

        lifted.ShouldHave(DecisionKind.PromotionCandidate, "C-1");
        longer.ShouldHave(DecisionKind.PromotionBlocked, "C-1").WithDetail("eligibleFrom", "2025-07-15");
        byDefault.ShouldHave(DecisionKind.PromotionBlocked, "C-1").WithDetail("eligibleFrom", "2025-04-15");
    }

    [Fact]
    public void InfluencePeriodsOption_LeadershipMonthsOfANonAdjustmentMeasure_CountForTracking()
    {
        var report = new RosterBuilder().Cadre("C-1")
            .Measure("C-1", "2024-03-01", MeasureKind.PostTransfer, id: "M-1")
            .Measure("C-1", "2024-02-01", MeasureKind.PartyPostRemoval, id: "M-2")
            .Evaluate(o => o.InfluencePeriods[MeasureKind.PartyPostRemoval] = new InfluencePeriod(24, 18));

        report.ShouldHave(DecisionKind.Tracking, "C-1")
            .WithDetail("promotionEligibleFrom", "2026-02-01").WithDetail("leadershipEligibleFrom", "2025-08-01");
    }

    private static int _nextId;

    private static Measure M(string date, MeasureKind kind) => new()
    {
        Id = $"M-{Interlocked.Increment(ref _nextId)}", CadreId = "C-1", Date = RosterDate(date), Kind = kind,
    };

    private static DateOnly RosterDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Later(DateOnly a, DateOnly? b) => b is { } d && d > a ? d : a;
}
