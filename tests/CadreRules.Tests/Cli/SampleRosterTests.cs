using CadreRules.Serialization;

namespace CadreRules.Tests.Cli;

/// <summary>
/// The bundled sample roster (samples/data/yinchuan-2024H2.json) is what a newcomer evaluates first
/// and what samples/data/README.md describes cadre by cadre; these tests keep both honest.
/// </summary>
public sealed class SampleRosterTests
{
    private static readonly Roster Sample = RosterReader.ReadFile(CliHarness.SamplePath);
    private static readonly Lazy<AssessmentReport> LazyReport = new(() => CliHarness.Evaluator.Evaluate(Sample));

    private static AssessmentReport Report => LazyReport.Value;

    [Fact]
    public void SampleRoster_IsABelievableCity()
    {
        Sample.Period.ToString().Should().Be("2024H2");
        Sample.AsOf.Should().Be(new DateOnly(2024, 12, 31));
        Sample.Cadres.Count.Should().BeInRange(100, 150);
        Sample.Units.Select(u => u.Kind).Should().Contain([UnitKind.District, UnitKind.County, UnitKind.Park, UnitKind.Department]);
        Sample.BoardHistory.Select(b => b.Period.ToString()).Should().Contain(["2023H1", "2023H2", "2024H1"]);
    }

    [Fact]
    public void SampleRoster_EveryBuiltInDecisionKindAppears()
    {
        Report.Counts.Keys.Should().BeEquivalentTo(DecisionKind.BuiltIn.Select(k => k.Name));
    }

    [Fact]
    public void SampleRoster_EveryRuleFires()
    {
        var fired = Report.Decisions.SelectMany(d => d.Rules).Distinct();

        fired.Should().BeEquivalentTo(CliHarness.RuleSet.Rules.Select(r => r.Id));
    }

    [Fact]
    public void SampleRoster_CountsAndStatisticsAreThoseInTheReadmes()
    {
        // README.md and samples/data/README.md paste these numbers; change them together.
        Report.Counts.Should().Equal(new Dictionary<string, int>
        {
            ["Adjustment"] = 4, ["Admonishment"] = 4, ["Demotion"] = 2, ["Dismissal"] = 1, ["Exclusion"] = 2,
            ["JointConsultation"] = 3, ["NegativeListEntry"] = 7, ["PromotionBlocked"] = 3, ["PromotionCandidate"] = 8,
            ["RedBoard"] = 11, ["ReinstatementCandidate"] = 2, ["ReminderTalk"] = 12, ["ScheduledAssessment"] = 10,
            ["SpecialInspection"] = 4, ["Tracking"] = 7, ["YellowBoard"] = 16,
        });
        Report.Statistics.Should().Be(new OutcomeStatistics(new DateOnly(2023, 1, 1), 9, 3, 3));
    }

    [Fact]
    public void SampleRoster_OutcomeStatisticsAreAllNonZero()
    {
        Report.Statistics.Since.Should().Be(new DateOnly(2023, 1, 1));
        Report.Statistics.RedPromoted.Should().BePositive();
        Report.Statistics.YellowReminded.Should().BePositive();
        Report.Statistics.YellowAdjusted.Should().BePositive();
    }

    [Theory]
    [InlineData("U-JF", "", "P-JF-01")]
    [InlineData("U-XX", "", "P-XX-01")]
    [InlineData("U-YN", "规上工业增加值", "")]
    [InlineData("U-JK", "", "")]
    public void SampleRoster_SpecialInspectionByEachTrigger(string unit, string indicators, string projects)
    {
        var decision = Report.For(unit).Single(d => d.Kind == DecisionKind.SpecialInspection);

        decision.GetDetail(DetailKeys.Indicators).Should().Be(indicators);
        decision.GetDetail(DetailKeys.Projects).Should().Be(projects);
    }

    [Theory]
    [InlineData("U-XQ")]
    [InlineData("U-HL")]
    [InlineData("U-ZJJ")]
    public void SampleRoster_NoSpecialInspectionJustOutsideTheTriggers(string unit)
    {
        Report.For(unit).Should().NotContain(d => d.Kind == DecisionKind.SpecialInspection);
    }

    [Theory]
    [InlineData("C-035", "PeriodElapsed", "Promotion")]
    [InlineData("C-064", "InInfluencePeriod", "Reappointment")]
    public void SampleRoster_ReinstatementInBothForms(string cadre, string trackingStatus, string form)
    {
        var decisions = Report.For(cadre).ToList();

        decisions.Single(d => d.Kind == DecisionKind.Tracking).GetDetail(DetailKeys.Status).Should().Be(trackingStatus);
        decisions.Single(d => d.Kind == DecisionKind.ReinstatementCandidate).GetDetail(DetailKeys.Form).Should().Be(form);
    }

    [Fact]
    public void SampleRoster_TrackingInBothStatuses()
    {
        Report.Decisions.Where(d => d.Kind == DecisionKind.Tracking).Select(d => d.GetDetail(DetailKeys.Status))
            .Distinct().Should().BeEquivalentTo("InInfluencePeriod", "PeriodElapsed");
    }

    [Theory]
    [InlineData("C-017", "Adjustment", "ASSESS-03", "MECH-02")]
    [InlineData("C-079", "Adjustment", "ASSESS-03", "MECH-02")]
    [InlineData("C-103", "ReminderTalk", "IDENT-03", "MECH-01")]
    public void SampleRoster_DecisionSupportedByTwoRules(string cadre, string kind, string first, string second)
    {
        Report.For(cadre).Single(d => d.Kind.Name == kind).Rules.Should().Equal(first, second);
    }

    [Theory]
    [InlineData("C-048", "Demotion", "Dismissal", "YellowBoard", "ReminderTalk")]
    [InlineData("C-033", "Adjustment", "ReminderTalk", "YellowBoard")]
    [InlineData("C-077", "Exclusion", "NegativeListEntry")]
    [InlineData("C-018", "PromotionBlocked", "RedBoard")]
    [InlineData("C-113", "PromotionBlocked", "RedBoard")]
    [InlineData("C-112", "PromotionCandidate", "RedBoard")]
    [InlineData("C-003", "Admonishment", "YellowBoard")]
    [InlineData("C-004", "ReminderTalk", "YellowBoard")]
    [InlineData("C-122", "Adjustment", "JointConsultation", "YellowBoard")]
    public void SampleRoster_DemonstrationCadreGetsExactlyTheDescribedKinds(string cadre, params string[] kinds)
    {
        Report.For(cadre).Select(d => d.Kind.Name).Should().BeEquivalentTo(kinds);
    }

    [Theory]
    [InlineData("C-006")]
    [InlineData("C-007")]
    [InlineData("C-021")]
    [InlineData("C-051")]
    [InlineData("C-124")]
    [InlineData("C-125")]
    public void SampleRoster_CadreJustOutsideAThresholdGetsNothing(string cadre)
    {
        Report.For(cadre).Should().BeEmpty();
    }
}
