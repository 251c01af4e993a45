using CadreRules.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CadreRules.Tests.Sdk;

public sealed class CustomRuleTests
{
    [Fact]
    public void HostRule_NewKind_FlowsIntoReportCountsAndExplanation()
    {
        using var provider = new ServiceCollection().AddCadreRules().AddCadreRule<CommitteeReportRule>().BuildServiceProvider();
        var evaluator = provider.GetRequiredService<ICadreEvaluator>();
        var roster = Rosters.YellowAndRed().Build();

        var report = evaluator.Evaluate(roster);
        var explanation = evaluator.Explain(roster, "C-1");

        var decision = report.Decisions.Should().ContainSingle(d => d.Kind == CommitteeReportRule.CommitteeReport).Which;
        decision.Subject.Should().Be("C-1");
        decision.Rules.Should().Equal(CommitteeReportRule.Id);
        decision.Evidence.Should().Equal("E-1");
        decision.GetDetail("committee").Should().Be("municipal");
        report.Counts.Should().Contain("CommitteeReport", 1);
        explanation.Decisions.Select(d => d.ToString()).Should().Contain(decision.ToString());
        explanation.Sentences.Should().Contain(s => s.Contains("CommitteeReport (HOST-01)", StringComparison.Ordinal));
    }

    [Fact]
    public void HostRule_ExistingKind_MergesWithBuiltInSupport()
    {
        var result = new CadreRulesHarness().AddRule<NegativeAttitudeReminderRule>().Evaluate(Rosters.YellowAndRed()
            .Attitude("C-1", "2024-11-01", AttitudeRating.Negative, id: "E-9"));

        result.Decision(DecisionKind.ReminderTalk, "C-1").Single.Rules.Should().Equal(NegativeAttitudeReminderRule.Id, "MECH-01");
        result.Decision(DecisionKind.ReminderTalk, "C-1").WithEvidence("E-1", "E-9");
    }

    [Fact]
    public void HostRule_NeedingNoEvidence_SeesTheCadresProposals()
    {
        // HOST-03 matches a cadre with no yellow board. It also fires in the unit phase, where no cadre
        // has evidence yet; that firing must not reach the report.
        var result = new CadreRulesHarness().AddRule<ClearCadreRule>().Evaluate(Rosters.YellowAndRed());

        result.Fired(ClearCadreRule.Id).For("C-2");
        result.NotFired(ClearCadreRule.Id, "C-1");
    }

    [Fact]
    public void HostUnitRule_JoiningUnitAndCadre_SeesTheUnitsCadres()
    {
        // The built-in rules read a unit's cadres through UnitRecord; a host rule that matches Cadre
        // still gets them as facts of their own in the unit sessions.
        var roster = Rosters.YellowAndRed()
            .Cadre("C-3", "U-2", CadreRank.Section)
            .Cadre("C-4", "U-3", CadreRank.Section, leadership: true);

        var result = new CadreRulesHarness().AddRule<StaffCadreUnitRule>().AddRule<LargeTeamRule>().Evaluate(roster);

        result.Fired(StaffCadreUnitRule.Id).For("U-2");
        result.NotFired(StaffCadreUnitRule.Id, "U-1");
        result.NotFired(StaffCadreUnitRule.Id, "U-3");
        result.Fired(LargeTeamRule.Id).For("U-1");
        result.NotFired(LargeTeamRule.Id, "U-2");
    }

    [Fact]
    public void HostRule_ProposingAboutACadreOfAnotherSession_MergesWithThatCadresDecision()
    {
        // C-2 is in another unit, so in another session than C-1, whose yellow board BOARD-02 proposes:
        // the decision must hold both rules, both reasons and both evidence ids.
        var roster = new RosterBuilder("2024H2")
            .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Cadre("C-2", "U-2", CadreRank.Section, leadership: true)
            .KeyTask("C-2", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2");

        var result = new CadreRulesHarness().AddRule<ColleagueYellowRule>().Evaluate(roster);

        var yellow = result.Decision(DecisionKind.YellowBoard, "C-1").Single;
        yellow.Rules.Should().Equal("BOARD-02", ColleagueYellowRule.Id);
        yellow.Evidence.Should().Equal("E-1", "E-2");
        yellow.Reasons.Should().HaveCount(2).And.Contain("Named by C-2's record.");
        result.Report.Decisions.Select(d => (d.Subject, d.Kind.Name)).Should().OnlyHaveUniqueItems();
        result.Report.Decisions.Select(d => d.Subject).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void RuleSet_CadreFactsInUnitSessions_OnlyWhenARuleMatchesCadre()
    {
        CadreRuleSet.CreateDefault().UnitPhaseNeedsCadres.Should().BeFalse("the built-in rules read cadres through UnitRecord");
        new CadreRuleSet([typeof(StaffCadreUnitRule)], []).UnitPhaseNeedsCadres.Should().BeTrue();
        new CadreRuleSet([typeof(ClearCadreRule)], []).UnitPhaseNeedsCadres.Should().BeTrue();
        new CadreRuleSet([typeof(LargeTeamRule)], []).UnitPhaseNeedsCadres.Should().BeFalse();
    }

    [Fact]
    public void HostRule_InternalClass_IsLoadedAndFires()
    {
        using var provider = new ServiceCollection().AddCadreRule<InternalNoteRule>().BuildServiceProvider();

        var report = provider.GetRequiredService<ICadreEvaluator>().Evaluate(Rosters.YellowAndRed().Build());

        report.Decisions.Should().ContainSingle(d => d.Kind.Name == "Note").Which.Subject.Should().Be("C-1");
    }

    [Fact]
    public void HostRule_ClashingWithBuiltInId_FailsAtStartNamingBothRules()
    {
        using var provider = new ServiceCollection().AddCadreRules().AddCadreRule<InvalidRules.ClashingRule>().BuildServiceProvider();

        var failure = FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().Which;

        failure.Message.Should().Contain("Rule id 'BOARD-01' is used by more than one rule")
            .And.Contain("CadreRules.Rules.RedBoardRule")
            .And.Contain("InvalidRules+ClashingRule")
            .And.Contain("unique [Name]");
    }

    [Fact]
    public void DisabledRules_UnknownId_FailsAtStartListingKnownIds()
    {
        using var provider = new ServiceCollection().AddCadreRules(o => o.DisabledRules.Add("BOARD-99")).BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().WithMessage("*DisabledRules names 'BOARD-99', which is not a rule id; known ids: ASSESS-01*");
    }

    [Fact]
    public void DisabledRules_BuiltInRule_NeverFires()
    {
        var enabled = new CadreRulesHarness().Evaluate(Rosters.YellowAndRed());
        var disabled = new CadreRulesHarness().Configure(o => o.DisabledRules.Add("BOARD-01")).Evaluate(Rosters.YellowAndRed());

        enabled.Fired("BOARD-01").For("C-2");
        disabled.NotFired("BOARD-01");
        disabled.NotFired("MECH-04", "C-2");
        disabled.Rules.Rules.Should().NotContain(r => r.Id == "BOARD-01");
    }

    [Fact]
    public void HostRule_ScopedDependency_ResolvesANewScopePerEvaluationAndDisposesIt()
    {
        var services = new ServiceCollection()
            .AddScoped<EvaluationStamp>()
            .AddSingleton<StampLog>()
            .AddCadreRules(o => { })
            .AddCadreRule<StampRule>()
            .Configure<CadreEngineOptions>(o => o.CadresPerSession = 1);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var evaluator = provider.GetRequiredService<ICadreEvaluator>();
        var roster = new RosterBuilder("2024H2")
            .Cadre("C-1", "U-1", leadership: true).KeyTask("C-1", "2024-10-01")
            .Cadre("C-2", "U-1", leadership: true).KeyTask("C-2", "2024-10-02")
            .Cadre("C-3", "U-2", leadership: true).KeyTask("C-3", "2024-10-03")
            .Build();

        var first = evaluator.Evaluate(roster);
        var second = evaluator.Evaluate(roster);

        var firstInstances = first.Decisions.Where(d => d.Kind == StampRule.Stamped).Select(d => d.GetDetail("instance")).ToList();
        var secondInstances = second.Decisions.Where(d => d.Kind == StampRule.Stamped).Select(d => d.GetDetail("instance")).ToList();
        firstInstances.Should().HaveCount(3).And.OnlyContain(i => i == firstInstances[0], "one scope serves one evaluation's sessions");
        secondInstances.Should().HaveCount(3).And.OnlyContain(i => i == secondInstances[0]);
        secondInstances[0].Should().NotBe(firstInstances[0], "each evaluation has its own scope");
        var stamps = provider.GetRequiredService<StampLog>().Stamps;
        stamps.Should().HaveCount(6).And.OnlyContain(s => s.Disposed, "the scope ends with its evaluation");
    }

    [Fact]
    public void HostRule_DependencyWithoutContainer_FailsWithAClearMessage()
    {
        var harness = new CadreRulesHarness().AddRule<StampRule>();

        FluentActions.Invoking(() => harness.Evaluate(new RosterBuilder().Cadre("C-1", leadership: true).KeyTask("C-1", "2024-10-01")))
            .Should().Throw<Exception>()
            .Where(e => e.ToString().Contains("Rule 'HOST-04' depends on CadreRules.Tests.Sdk.EvaluationStamp, but this evaluator has no service provider", StringComparison.Ordinal));
    }

    [Fact]
    public void HostRule_DependencyNotRegistered_FailsNamingTheService()
    {
        using var provider = new ServiceCollection().AddSingleton<StampLog>().BuildServiceProvider();
        var harness = new CadreRulesHarness().AddRule<StampRule>().UseServices(provider);

        FluentActions.Invoking(() => harness.Evaluate(new RosterBuilder().Cadre("C-1", leadership: true).KeyTask("C-1", "2024-10-01")))
            .Should().Throw<Exception>()
            .Where(e => e.ToString().Contains("EvaluationStamp, which is not registered in the host's container", StringComparison.Ordinal));
    }
}
