using CadreRules.Rules;
using CadreRules.Testing;
using CadreRules.Tests.Support;

namespace CadreRules.Tests.Rules;

/// <summary>POLICY.md, "Outcome statistics (平时有数、用时有据)". As-of is 2024-12-31 unless stated.</summary>
public sealed class StatisticsTests
{
    private static OutcomeStatistics Statistics(RosterBuilder builder, Action<CadrePolicyOptions>? configure = null) =>
        builder.Evaluate(configure).Statistics;

    [Theory]
    [InlineData("2024H2", null, "2023-01-01")]
    [InlineData("2024H1", null, "2023-01-01")]
    [InlineData("2024H1", "2024-02-29", "2023-01-01")]
    [InlineData("2025H1", null, "2024-01-01")]
    public void Since_DefaultsToJanuaryFirstOfTheYearBeforeAsOf(string period, string? asOf, string since)
    {
        var builder = new RosterBuilder(period);
        if (asOf is not null)
        {
            builder.AsOf(asOf);
        }

        var statistics = Statistics(builder);

        PolicyFunctions.Format(statistics.Since).Should().Be(since);
    }

    [Fact]
    public void Since_OptionOverrides()
    {
        var statistics = Statistics(new RosterBuilder(), o => o.StatisticsSince = new DateOnly(2022, 7, 1));

        statistics.Since.Should().Be(new DateOnly(2022, 7, 1));
    }

    [Fact]
    public void EmptyHistory_AllZero()
    {
        var statistics = Statistics(new RosterBuilder().Cadre("C-1").Measure("C-1", "2024-05-01", MeasureKind.Promotion));

        statistics.Should().Be(new OutcomeStatistics(new DateOnly(2023, 1, 1), 0, 0, 0));
    }

    // ---- redPromoted ----

    [Theory]
    [InlineData(MeasureKind.Promotion, "2023-01-01", 1)] // on the period's start
    [InlineData(MeasureKind.RankAdvance, "2024-12-31", 1)] // on as-of
    [InlineData(MeasureKind.Promotion, "2022-12-31", 0)] // before the period's start
    [InlineData(MeasureKind.Reappointment, "2023-05-01", 0)]
    [InlineData(MeasureKind.PostTransfer, "2023-05-01", 0)]
    [InlineData(MeasureKind.ReminderTalk, "2023-05-01", 0)]
    public void RedPromoted_MeasureKindAndDate(MeasureKind kind, string date, int expected)
    {
        var statistics = Statistics(new RosterBuilder().Cadre("C-1").Board("C-1", "2023H1", Board.Red).Measure("C-1", date, kind));

        statistics.RedPromoted.Should().Be(expected);
        statistics.YellowReminded.Should().Be(0);
        statistics.YellowAdjusted.Should().Be(0);
    }

    [Theory]
    [InlineData("2022H2", 0)] // starts 2022-07-01, before the window
    [InlineData("2023H1", 1)] // starts 2023-01-01 == since
    [InlineData("2024H1", 1)]
    public void RedPromoted_PeriodMustStartInsideTheWindow(string period, int expected)
    {
        // The promotion is inside the window, whatever the placement's period.
        var statistics = Statistics(new RosterBuilder().Cadre("C-1").Board("C-1", period, Board.Red).Measure("C-1", "2024-05-01", MeasureKind.Promotion));

        statistics.RedPromoted.Should().Be(expected);
    }

    [Fact]
    public void RedPromoted_SinceOption_WidensTheWindow()
    {
        var builder = new RosterBuilder().Cadre("C-1").Board("C-1", "2022H2", Board.Red).Measure("C-1", "2022-09-01", MeasureKind.Promotion);

        Statistics(builder).RedPromoted.Should().Be(0);
        Statistics(builder, o => o.StatisticsSince = new DateOnly(2022, 7, 1)).RedPromoted.Should().Be(1);
        Statistics(builder, o => o.StatisticsSince = new DateOnly(2022, 7, 2)).RedPromoted.Should().Be(0);
    }

    [Fact]
    public void RedPromoted_YellowPlacementWithPromotion_NotCounted()
    {
        var statistics = Statistics(new RosterBuilder().Cadre("C-1").Board("C-1", "2023H1", Board.Yellow).Measure("C-1", "2023-05-01", MeasureKind.Promotion));

        statistics.RedPromoted.Should().Be(0);
    }

    [Fact]
    public void RedPromoted_CountsDistinctCadres()
    {
        var statistics = Statistics(new RosterBuilder()
            .Cadre("C-1").Cadre("C-2", "U-2").Cadre("C-3")
            .Board("C-1", "2023H1", Board.Red).Board("C-1", "2023H2", Board.Red).Board("C-1", "2024H1", Board.Red)
            .Measure("C-1", "2023-05-01", MeasureKind.Promotion).Measure("C-1", "2024-05-01", MeasureKind.RankAdvance)
            .Board("C-2", "2024H1", Board.Red).Measure("C-2", "2024-06-30", MeasureKind.Promotion)
            .Board("C-3", "2024H1", Board.Red).Measure("C-3", "2023-12-31", MeasureKind.Promotion));

        statistics.RedPromoted.Should().Be(2);
    }

    [Fact]
    public void RedPromoted_MeasureAfterAnEarlierPlacementOnly_Counts()
    {
        // Placed 2023H1 and 2024H1; promoted in 2023: counts through the 2023H1 placement.
        var statistics = Statistics(new RosterBuilder().Cadre("C-1")
            .Board("C-1", "2023H1", Board.Red).Board("C-1", "2024H1", Board.Red)
            .Measure("C-1", "2023-08-01", MeasureKind.Promotion));

        statistics.RedPromoted.Should().Be(1);
    }

    // ---- yellowReminded and yellowAdjusted ----

    [Theory]
    [InlineData(MeasureKind.ReminderTalk, "2024-01-01", 1, 0)]
    [InlineData(MeasureKind.ReminderTalk, "2023-12-31", 0, 0)]
    [InlineData(MeasureKind.WrittenInquiry, "2024-03-01", 0, 0)]
    [InlineData(MeasureKind.Admonishment, "2024-03-01", 0, 0)]
    [InlineData(MeasureKind.PostTransfer, "2024-01-01", 0, 1)]
    [InlineData(MeasureKind.Removal, "2024-12-31", 0, 1)]
    [InlineData(MeasureKind.Demotion, "2024-03-01", 0, 1)]
    [InlineData(MeasureKind.OrderedResignation, "2024-03-01", 0, 1)]
    [InlineData(MeasureKind.ResignationForFault, "2024-03-01", 0, 1)]
    [InlineData(MeasureKind.GovDemotion, "2024-03-01", 0, 1)]
    [InlineData(MeasureKind.GovDismissalFromPost, "2024-03-01", 0, 1)]
    [InlineData(MeasureKind.GovDemotion, "2023-12-31", 0, 0)]
    [InlineData(MeasureKind.PartyWarning, "2024-03-01", 0, 0)]
    [InlineData(MeasureKind.Promotion, "2024-03-01", 0, 0)]
    public void Yellow_MeasureKindAndDate(MeasureKind kind, string date, int reminded, int adjusted)
    {
        var statistics = Statistics(new RosterBuilder().Cadre("C-1").Board("C-1", "2024H1", Board.Yellow).Measure("C-1", date, kind));

        statistics.YellowReminded.Should().Be(reminded);
        statistics.YellowAdjusted.Should().Be(adjusted);
        statistics.RedPromoted.Should().Be(0);
    }

    [Theory]
    [InlineData("2022H2", 0)]
    [InlineData("2023H1", 1)]
    public void Yellow_PeriodMustStartInsideTheWindow(string period, int expected)
    {
        var statistics = Statistics(new RosterBuilder().Cadre("C-1").Board("C-1", period, Board.Yellow)
            .Measure("C-1", "2023-06-01", MeasureKind.ReminderTalk)
            .Measure("C-1", "2023-06-02", MeasureKind.PostTransfer));

        statistics.YellowReminded.Should().Be(expected);
        statistics.YellowAdjusted.Should().Be(expected);
    }

    [Fact]
    public void Yellow_RedPlacementWithReminderOrAdjustment_NotCounted()
    {
        var statistics = Statistics(new RosterBuilder().Cadre("C-1").Board("C-1", "2024H1", Board.Red)
            .Measure("C-1", "2024-03-01", MeasureKind.ReminderTalk)
            .Measure("C-1", "2024-04-01", MeasureKind.Removal));

        statistics.Should().Be(new OutcomeStatistics(new DateOnly(2023, 1, 1), 0, 0, 0));
    }

    [Fact]
    public void Yellow_CountsDistinctCadresPerOutcome()
    {
        var statistics = Statistics(new RosterBuilder()
            .Cadre("C-1").Cadre("C-2").Cadre("C-3", "U-2")
            .Board("C-1", "2023H2", Board.Yellow).Board("C-1", "2024H1", Board.Yellow)
            .Measure("C-1", "2023-08-01", MeasureKind.ReminderTalk).Measure("C-1", "2024-02-01", MeasureKind.ReminderTalk)
            .Measure("C-1", "2024-03-01", MeasureKind.PostTransfer).Measure("C-1", "2024-04-01", MeasureKind.Removal)
            .Board("C-2", "2024H1", Board.Yellow).Measure("C-2", "2024-02-01", MeasureKind.ReminderTalk)
            .Board("C-3", "2023H1", Board.Yellow).Measure("C-3", "2023-02-01", MeasureKind.Demotion));

        statistics.YellowReminded.Should().Be(2);
        statistics.YellowAdjusted.Should().Be(2);
        statistics.RedPromoted.Should().Be(0);
    }

    [Fact]
    public void OneCadre_RedAndYellowInDifferentPeriods_CountsInEachOutcome()
    {
        var statistics = Statistics(new RosterBuilder().Cadre("C-1")
            .Board("C-1", "2023H1", Board.Yellow).Measure("C-1", "2023-03-01", MeasureKind.ReminderTalk)
            .Measure("C-1", "2023-05-01", MeasureKind.PostTransfer)
            .Board("C-1", "2024H1", Board.Red).Measure("C-1", "2024-05-01", MeasureKind.Promotion));

        statistics.Should().Be(new OutcomeStatistics(new DateOnly(2023, 1, 1), 1, 1, 1));
    }

    [Fact]
    public void Statistics_DoNotDependOnTodaysDecisions()
    {
        // This period's boards are proposals, not history: only boardHistory counts.
        var statistics = Statistics(new RosterBuilder().Cadre("C-1")
            .KeyTask("C-1", "2024-03-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding)
            .Measure("C-1", "2024-05-01", MeasureKind.Promotion));

        statistics.RedPromoted.Should().Be(0);
    }
}
