using CadreRules.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CadreRules.Tests.Sdk;

public sealed class PolicyTests
{
    private static readonly DateOnly Effective2025 = new(2025, 1, 1);

    /// <summary>
    /// A verified work-style problem of 2024-10-15: recent under the default 12-month window on
    /// 2024-12-31 and on 2025-06-30, but not under a 6-month window on 2025-06-30.
    /// </summary>
    private static Roster Roster(string period, string asOf) => new RosterBuilder(period).AsOf(asOf)
        .Cadre("C-1", "U-1", CadreRank.Section)
        .WorkStyle("C-1", "2024-10-15", id: "E-1")
        .Build();

    private static ServiceProvider Provider(Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddCadreRules()
            .AddCadrePolicy("yinchuan-2025", version: 2, effectiveFrom: Effective2025, configure: o => o.RecentWindowMonths = 6);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Evaluate_AsOfBeforeEffectiveDate_UsesTheDefaultPolicy()
    {
        using var provider = Provider();

        var report = provider.GetRequiredService<ICadreEvaluator>().Evaluate(Roster("2024H2", "2024-12-31"));

        report.Policy.Should().Be("yinchuan-2024");
        report.PolicyVersion.Should().Be(1);
        report.Decisions.Should().Contain(d => d.Kind == DecisionKind.YellowBoard && d.Subject == "C-1");
    }

    [Fact]
    public void Evaluate_AsOfOnEffectiveDate_UsesTheNewPolicyAndItsThresholds()
    {
        using var provider = Provider();
        var evaluator = provider.GetRequiredService<ICadreEvaluator>();

        var onTheDay = evaluator.Evaluate(Roster("2025H1", "2025-01-01"));
        var later = evaluator.Evaluate(Roster("2025H1", "2025-06-30"));

        onTheDay.Policy.Should().Be("yinchuan-2025");
        onTheDay.PolicyVersion.Should().Be(2);
        onTheDay.Decisions.Should().Contain(d => d.Kind == DecisionKind.YellowBoard, "2024-10-15 is within 6 months of 2025-01-01");
        later.Policy.Should().Be("yinchuan-2025");
        later.Decisions.Should().NotContain(d => d.Kind == DecisionKind.YellowBoard, "2024-10-15 is more than 6 months before 2025-06-30");
    }

    [Fact]
    public void Evaluate_OnlyTheDefaultPolicy_KeepsTheTwelveMonthWindowAfter2025()
    {
        using var provider = new ServiceCollection().AddCadreRules().BuildServiceProvider();

        var report = provider.GetRequiredService<ICadreEvaluator>().Evaluate(Roster("2025H1", "2025-06-30"));

        report.Policy.Should().Be("yinchuan-2024");
        report.Decisions.Should().Contain(d => d.Kind == DecisionKind.YellowBoard);
    }

    [Fact]
    public void Explain_AfterEffectiveDate_UsesTheNewPolicy()
    {
        using var provider = Provider();

        var explanation = provider.GetRequiredService<ICadreEvaluator>().Explain(Roster("2025H1", "2025-06-30"), "C-1");

        explanation.Decisions.Should().BeEmpty();
    }

    [Fact]
    public void AddCadreRules_PoliciesFromConfiguration_AreAppliedByDate()
    {
        var configuration = Rosters.Configuration(
            ("CadreRules:Policies:0:PolicyName", "yinchuan-2025"),
            ("CadreRules:Policies:0:PolicyVersion", "2"),
            ("CadreRules:Policies:0:EffectiveFrom", "2025-01-01"),
            ("CadreRules:Policies:0:RecentWindowMonths", "6"),
            ("CadreRules:Policies:0:DisabledRules:0", "MECH-01"));
        using var provider = new ServiceCollection().AddCadreRules(configuration.GetSection("CadreRules")).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var evaluator = provider.GetRequiredService<ICadreEvaluator>();

        var before = evaluator.Evaluate(Roster("2024H2", "2024-12-31"));
        var after = evaluator.Evaluate(Roster("2025H1", "2025-01-01"));

        before.Policy.Should().Be("yinchuan-2024");
        before.Decisions.Should().Contain(d => d.Kind == DecisionKind.ReminderTalk && d.Rules.Contains("MECH-01"));
        after.Policy.Should().Be("yinchuan-2025");
        after.PolicyVersion.Should().Be(2);
        after.Decisions.Should().Contain(d => d.Kind == DecisionKind.YellowBoard);
        after.Decisions.Should().NotContain(d => d.Kind == DecisionKind.ReminderTalk, "the 2025 policy disables MECH-01");
        provider.GetRequiredService<CadrePolicyCatalog>().Policies.Select(p => p.Rules).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public void AddCadreRules_ConfiguredPolicyWithoutEffectiveDate_FailsAtStart()
    {
        var configuration = Rosters.Configuration(("CadreRules:Policies:0:PolicyName", "yinchuan-2025"), ("CadreRules:Policies:0:PolicyVersion", "2"));
        using var provider = new ServiceCollection().AddCadreRules(configuration.GetSection("CadreRules")).BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().WithMessage("*'CadreRules:Policies:0:EffectiveFrom' is required for an additional policy*");
    }

    [Fact]
    public void AddCadreRules_ConfiguredPolicyWithUnknownKey_FailsAtStartNamingIt()
    {
        var configuration = Rosters.Configuration(
            ("CadreRules:Policies:0:PolicyName", "yinchuan-2025"),
            ("CadreRules:Policies:0:PolicyVersion", "2"),
            ("CadreRules:Policies:0:EffectiveFrom", "2025-01-01"),
            ("CadreRules:Policies:0:Engine:CadresPerSession", "4"));
        using var provider = new ServiceCollection().AddCadreRules(configuration.GetSection("CadreRules")).BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().WithMessage("*Policy 'CadreRules:Policies:0': Configuration key 'CadreRules:Policies:0:Engine' is not a CadreRules option*");
    }

    [Fact]
    public void AddCadrePolicy_TwoPoliciesOnTheSameDate_FailAtStart()
    {
        using var provider = Provider(s => s.AddCadrePolicy("other", 3, Effective2025));

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().WithMessage("*take effect on the same date (2025-01-01)*");
    }

    [Fact]
    public void AddCadrePolicy_InvalidThreshold_FailsAtStartNamingThePolicy()
    {
        using var provider = Provider(s => s.AddCadrePolicy("broken", 3, new DateOnly(2026, 1, 1), o => o.DeclineYears = 0));

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().WithMessage("*Policy 'broken/v3': DeclineYears must be at least 1 (was 0)*");
    }

    [Fact]
    public void For_AsOfBeforeEveryPolicy_ThrowsSayingWhichIsEarliest()
    {
        var catalog = new CadrePolicyCatalog([new CadrePolicyOptions { EffectiveFrom = Effective2025 }], []);

        FluentActions.Invoking(() => catalog.For(new DateOnly(2024, 12, 31)))
            .Should().Throw<ArgumentException>().WithMessage("*No CadreRules policy is in force on 2024-12-31*yinchuan-2024 v1 (from 2025-01-01)*");
    }

    [Fact]
    public void CadrePolicyCatalog_SameNameAndVersionTwice_ThrowsListingEveryProblem()
    {
        FluentActions.Invoking(() => new CadrePolicyCatalog([new CadrePolicyOptions(), new CadrePolicyOptions { RecentWindowMonths = 0 }], []))
            .Should().Throw<ArgumentException>().WithMessage("*RecentWindowMonths must be at least 1*");
        FluentActions.Invoking(() => new CadrePolicyCatalog([new CadrePolicyOptions(), new CadrePolicyOptions { EffectiveFrom = Effective2025 }], []))
            .Should().Throw<ArgumentException>().WithMessage("*'yinchuan-2024' version 1 is registered 2 times*");
    }
}
