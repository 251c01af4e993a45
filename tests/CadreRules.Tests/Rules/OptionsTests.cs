using CadreRules.Testing;
using CadreRules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CadreRules.Tests.Rules;

/// <summary>
/// Every number POLICY.md marks <i>(option)</i> is overridable: one test per option, each showing
/// the same roster decided differently under the default and under the changed value.
/// </summary>
public sealed class OptionsTests
{
    [Fact]
    public void RecentWindowMonths_WidensEveryRecentWindow()
    {
        // 2023-10-01 is 15 months before as-of: outside the default 12-month window.
        var builder = new RosterBuilder()
            .Unit("U-1", UnitKind.County, u => u.UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .Cadre("C-2", "U-1")
            .WorkStyle("C-1", "2023-10-01", channel: EvidenceChannel.Audit, id: "E-1")
            .WorkStyle("C-1", "2024-10-01", channel: EvidenceChannel.Inspection, id: "E-2")
            .KeyTask("C-2", "2023-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-3");

        var byDefault = builder.Evaluate();
        var widened = builder.Evaluate(o => o.RecentWindowMonths = 15);

        byDefault.ShouldHave(DecisionKind.YellowBoard, "C-1").WithEvidence("E-2");
        byDefault.ShouldHave(DecisionKind.Adjustment, "C-1").WithEvidence("E-2");
        byDefault.ShouldNotHave(DecisionKind.JointConsultation, "C-1");
        byDefault.ShouldNotHave(DecisionKind.RedBoard, "C-2");
        widened.ShouldHave(DecisionKind.YellowBoard, "C-1").WithEvidence("E-1", "E-2");
        widened.ShouldHave(DecisionKind.Adjustment, "C-1").WithEvidence("E-1", "E-2");
        widened.ShouldHave(DecisionKind.JointConsultation, "C-1").WithDetailList("channels", "Audit", "Inspection");
        widened.ShouldHave(DecisionKind.RedBoard, "C-2").WithEvidence("E-3");
    }

    [Fact]
    public void RecentWindowMonths_EdgeMovesWithTheOption()
    {
        var builder = new RosterBuilder().Cadre("C-1").WorkStyle("C-1", "2023-09-30", id: "E-1");

        builder.Evaluate(o => o.RecentWindowMonths = 15).ShouldNotHave(DecisionKind.YellowBoard, "C-1");
        builder.Evaluate(o => o.RecentWindowMonths = 16).ShouldHave(DecisionKind.YellowBoard, "C-1");
    }

    [Theory]
    [InlineData(1, new[] { 100.0, 90.0 }, true)]
    [InlineData(2, new[] { 100.0, 90.0 }, false)]
    [InlineData(2, new[] { 100.0, 90.0, 80.0 }, true)]
    [InlineData(3, new[] { 100.0, 90.0, 80.0 }, false)]
    [InlineData(3, new[] { 100.0, 90.0, 80.0, 70.0 }, true)]
    [InlineData(3, new[] { 60.0, 90.0, 80.0, 70.0 }, false)]
    public void DeclineYears_IsTheNumberOfConsecutiveDeclines(int declineYears, double[] values, bool fires)
    {
        var builder = new RosterBuilder().Unit("U-1", UnitKind.County, u => u.Series("GDP", 2024 - values.Length + 1, values));

        var report = builder.Evaluate(o => o.DeclineYears = declineYears);

        if (fires)
        {
            report.ShouldHave(DecisionKind.SpecialInspection, "U-1").WithDetailList("indicators", "GDP");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.SpecialInspection, "U-1");
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("0.15", true)]
    [InlineData("0.14", true)]
    [InlineData("0.16", false)]
    public void ProjectLagThreshold_MovesTheLagEdge(string? threshold, bool fires)
    {
        var builder = new RosterBuilder().Unit("U-1", UnitKind.Park, u => u.Project("P-1", 0.6m, 0.45m));

        var report = builder.Evaluate(threshold is null ? null : o => o.ProjectLagThreshold = decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture));

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
    public void AdjustmentForm_AppliesToAssess03AndMech02()
    {
        var builder = new RosterBuilder()
            .Unit("U-1", UnitKind.County, u => u.UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .Cadre("C-2", "U-1")
            .WorkStyle("C-1", "2024-10-01", id: "E-1")
            .WorkStyle("C-2", "2024-10-01", id: "E-2")
            .Measure("C-2", "2024-03-01", MeasureKind.Admonishment, id: "M-1");

        var byDefault = builder.Evaluate();
        var changed = builder.Evaluate(o => o.AdjustmentForm = MeasureKind.GovDemotion);

        byDefault.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("ASSESS-03").WithDetail("form", "PostTransfer");
        byDefault.ShouldHave(DecisionKind.Adjustment, "C-2").WithRules("MECH-02").WithDetail("form", "PostTransfer");
        changed.ShouldHave(DecisionKind.Adjustment, "C-1").WithDetail("form", "GovDemotion");
        changed.ShouldHave(DecisionKind.Adjustment, "C-2").WithDetail("form", "GovDemotion");
    }

    [Fact]
    public void EarlySignWindowMonths_ChangesWhichEarlySignsCount()
    {
        var builder = new RosterBuilder().Cadre("C-1").NegativeList("C-1", "2022-06-01", id: "E-1").NegativeList("C-1", "2024-06-01", NegativeListCategory.TwoFaced, id: "E-2");

        var byDefault = builder.Evaluate();
        var wider = builder.Evaluate(o => o.EarlySignWindowMonths = 31);
        var narrower = builder.Evaluate(o => o.EarlySignWindowMonths = 6);

        byDefault.Decisions.Where(d => d.Kind == DecisionKind.NegativeListEntry).Select(d => d.Category).Should().Equal("TwoFaced");
        wider.Decisions.Where(d => d.Kind == DecisionKind.NegativeListEntry).Select(d => d.Category).Should().Equal("Cliques", "TwoFaced");
        narrower.Decisions.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(2, 1, false)]
    [InlineData(2, 2, true)]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    [InlineData(5, 5, true)]
    public void JointConsultationMinChannels_IsTheChannelCount(int minChannels, int channels, bool fires)
    {
        EvidenceChannel[] oversight =
            [EvidenceChannel.Supervision, EvidenceChannel.Inspection, EvidenceChannel.Audit, EvidenceChannel.KeyTaskReview, EvidenceChannel.StationedInspection];
        var builder = new RosterBuilder().Cadre("C-1");
        for (int i = 0; i < channels; i++)
        {
            builder.KeyTask("C-1", "2024-10-01", KeyTaskKind.Other, KeyTaskRating.Poor, oversight[i], $"E-{i + 1}");
        }

        var report = builder.Evaluate(o => o.JointConsultationMinChannels = minChannels);

        if (fires)
        {
            report.ShouldHave(DecisionKind.JointConsultation, "C-1").Decision.Details["channels"].As<IEnumerable<string>>().Should().HaveCount(channels);
        }
        else
        {
            report.ShouldNotHave(DecisionKind.JointConsultation, "C-1");
        }
    }

    [Fact]
    public void RedBoardTasks_DecidesWhichOutstandingTasksCount()
    {
        var builder = new RosterBuilder().Cadre("C-1").Cadre("C-2")
            .KeyTask("C-1", "2024-10-01", KeyTaskKind.Other, KeyTaskRating.Outstanding, id: "E-1")
            .KeyTask("C-2", "2024-10-01", KeyTaskKind.EpidemicPrevention, KeyTaskRating.Outstanding, id: "E-2");

        var byDefault = builder.Evaluate();
        var changed = builder.Evaluate(o => o.RedBoardTasks = new HashSet<KeyTaskKind> { KeyTaskKind.Other, KeyTaskKind.WorkSafety });

        byDefault.KindsOf("C-1").Should().BeEmpty();
        byDefault.ShouldHave(DecisionKind.RedBoard, "C-2");
        changed.ShouldHave(DecisionKind.RedBoard, "C-1").WithEvidence("E-1");
        changed.KindsOf("C-2").Should().BeEmpty();
    }

    [Fact]
    public void EscalationWindowMonths_ChangesWhichMeasuresEscalate()
    {
        var builder = new RosterBuilder().Cadre("C-1")
            .WorkStyle("C-1", "2024-10-01", id: "E-1")
            .Measure("C-1", "2023-10-01", MeasureKind.Admonishment, id: "M-1")
            .Measure("C-1", "2024-08-01", MeasureKind.ReminderTalk, id: "M-2");

        var byDefault = builder.Evaluate();
        var wider = builder.Evaluate(o => o.EscalationWindowMonths = 15);
        var narrower = builder.Evaluate(o => o.EscalationWindowMonths = 4);

        byDefault.ShouldHave(DecisionKind.Admonishment, "C-1").WithEvidence("M-2");
        wider.ShouldHave(DecisionKind.Adjustment, "C-1").WithRules("MECH-02").WithEvidence("M-1");
        narrower.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("MECH-01");
        narrower.ShouldNotHave(DecisionKind.Admonishment, "C-1");
    }

    [Fact]
    public void TrackingHorizonMonths_ChangesWhichAdjustmentsAreTracked()
    {
        var builder = new RosterBuilder().Cadre("C-1").Measure("C-1", "2021-06-01", MeasureKind.Removal, id: "M-1");

        builder.Evaluate().ShouldNotHave(DecisionKind.Tracking, "C-1");
        builder.Evaluate(o => o.TrackingHorizonMonths = 43).ShouldHave(DecisionKind.Tracking, "C-1")
            .WithDetail("measure", "M-1").WithDetail("promotionEligibleFrom", "2023-06-01").WithDetail("status", "PeriodElapsed");
        builder.Evaluate(o => o.TrackingHorizonMonths = 42).ShouldNotHave(DecisionKind.Tracking, "C-1");
    }

    [Fact]
    public void StatisticsSince_ChangesTheWindow()
    {
        var builder = new RosterBuilder().Cadre("C-1").Board("C-1", "2022H1", Board.Yellow).Measure("C-1", "2022-03-01", MeasureKind.ReminderTalk);

        builder.Evaluate().Statistics.YellowReminded.Should().Be(0);
        var changed = builder.Evaluate(o => o.StatisticsSince = new DateOnly(2022, 1, 1)).Statistics;
        changed.YellowReminded.Should().Be(1);
        changed.Since.Should().Be(new DateOnly(2022, 1, 1));
    }

    [Fact]
    public void InfluencePeriods_ChangesBlocksAndTracking()
    {
        var builder = new RosterBuilder().Cadre("C-1")
            .KeyTask("C-1", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1")
            .Measure("C-1", "2024-06-01", MeasureKind.PostTransfer, id: "M-1");

        var byDefault = builder.Evaluate();
        var changed = builder.Evaluate(o => o.InfluencePeriods[MeasureKind.PostTransfer] = new InfluencePeriod(3, 9));

        byDefault.ShouldHave(DecisionKind.PromotionBlocked, "C-1").WithDetail("eligibleFrom", "2025-06-01");
        byDefault.ShouldHave(DecisionKind.Tracking, "C-1").WithDetail("leadershipEligibleFrom", "2024-06-01");
        changed.ShouldHave(DecisionKind.PromotionCandidate, "C-1");
        changed.ShouldHave(DecisionKind.Tracking, "C-1")
            .WithDetail("promotionEligibleFrom", "2024-09-01").WithDetail("leadershipEligibleFrom", "2025-03-01").WithDetail("status", "PeriodElapsed");
    }

    [Fact]
    public void PolicyNameAndVersion_AreWrittenIntoTheReport()
    {
        var report = new RosterBuilder().Evaluate(o =>
        {
            o.PolicyName = "yinchuan-2025-draft";
            o.PolicyVersion = 3;
        });

        report.Policy.Should().Be("yinchuan-2025-draft");
        report.PolicyVersion.Should().Be(3);
    }

    [Fact]
    public void DisabledRules_SwitchesARuleOffThroughTheContainer()
    {
        var roster = new RosterBuilder().Cadre("C-1").WorkStyle("C-1", "2024-10-01", id: "E-1").Build();
        using var provider = new ServiceCollection()
            .AddCadreRules(o => o.DisabledRules.Add("MECH-01"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var report = provider.GetRequiredService<ICadreEvaluator>().Evaluate(roster);

        report.ShouldHaveKinds("C-1", "YellowBoard");
        Policy.Evaluate(roster).ShouldHaveKinds("C-1", "ReminderTalk", "YellowBoard");
    }

    [Fact]
    public void DisabledRules_WithARuleSetThatStillHasTheRule_IsRejectedNotIgnored()
    {
        var policy = new CadrePolicyOptions();
        policy.DisabledRules.Add("MECH-01");

        var create = () => new CadreEvaluator(Policy.Rules, policy);

        create.Should().Throw<ArgumentException>().Which.Message.Should().Contain("MECH-01").And.Contain("new CadreRuleSet");
    }

    [Fact]
    public void DisabledRules_WithARuleSetCompiledWithoutIt_SwitchesTheRuleOff()
    {
        var policy = new CadrePolicyOptions();
        policy.DisabledRules.Add("MECH-01");
        var roster = new RosterBuilder().Cadre("C-1").WorkStyle("C-1", "2024-10-01", id: "E-1").Build();

        var report = new CadreEvaluator(new CadreRuleSet([], policy.DisabledRules), policy).Evaluate(roster);

        report.ShouldHaveKinds("C-1", "YellowBoard");
    }

    [Theory]
    [InlineData(true, false, "policy")]
    [InlineData(false, true, "engine")]
    [InlineData(true, true, "policy")]
    public void InvalidOptions_RejectedNamingTheWrongArgument(bool badPolicy, bool badEngine, string parameter)
    {
        var policy = new CadrePolicyOptions { RecentWindowMonths = badPolicy ? 0 : 12 };
        var engine = new CadreEngineOptions { CadresPerSession = badEngine ? 0 : 8 };

        var create = () => new CadreEvaluator(Policy.Rules, policy, engine);

        create.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }
}
