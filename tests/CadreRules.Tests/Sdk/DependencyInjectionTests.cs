using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CadreRules.Tests.Sdk;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddCadreRules_NullArguments_ThrowNamingTheArgument()
    {
        IServiceCollection nullServices = null!;
        var services = new ServiceCollection();

        FluentActions.Invoking(() => nullServices.AddCadreRules()).Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => nullServices.AddCadreRules(Rosters.Configuration())).Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => services.AddCadreRules((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
        FluentActions.Invoking(() => nullServices.AddCadrePolicy("p", 2, new DateOnly(2025, 1, 1))).Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => services.AddCadrePolicy(null!, 2, new DateOnly(2025, 1, 1))).Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => services.AddCadrePolicy(" ", 2, new DateOnly(2025, 1, 1))).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => services.AddCadrePolicy("p", 0, new DateOnly(2025, 1, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("version");
        FluentActions.Invoking(() => nullServices.AddCadreRule<CommitteeReportRule>()).Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => nullServices.AddCadreRulesFromAssembly(typeof(CommitteeReportRule).Assembly)).Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => services.AddCadreRulesFromAssembly(null!)).Should().Throw<ArgumentNullException>().WithParameterName("assembly");
    }

    [Fact]
    public void AddCadreRules_ValidateOnBuild_ResolvesEveryRegisteredService()
    {
        var services = new ServiceCollection();
        services.AddScoped<EvaluationStamp>().AddSingleton<StampLog>();
        services.AddCadreRules(Rosters.Configuration(("RecentWindowMonths", "12")))
            .AddCadrePolicy("yinchuan-2025", 2, new DateOnly(2025, 1, 1), o => o.RecentWindowMonths = 6)
            .AddCadreRulesFromAssembly(typeof(CommitteeReportRule).Assembly);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        foreach (var descriptor in services.Where(d => !d.ServiceType.IsGenericTypeDefinition))
        {
            scope.ServiceProvider.GetService(descriptor.ServiceType).Should().NotBeNull(descriptor.ServiceType.FullName);
        }

        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<CadrePolicyCatalog>().Policies.Select(p => $"{p.Name} v{p.Version}")
            .Should().Equal("yinchuan-2024 v1", "yinchuan-2025 v2");
        provider.GetRequiredService<CadreRuleSet>().Rules.Select(r => r.Id).Should().Contain([CommitteeReportRule.Id, "BOARD-01"]);
    }

    [Fact]
    public void AddCadreRules_CalledTwice_RegistersOnceAndEvaluatesTheSame()
    {
        var once = new ServiceCollection().AddCadreRules(o => o.DisabledRules.Add("BOARD-01"));
        var twice = new ServiceCollection().AddCadreRules(o => o.DisabledRules.Add("BOARD-01")).AddCadreRules(o => o.DisabledRules.Add("BOARD-01"));
        twice.AddCadreRule<CommitteeReportRule>().AddCadreRule<CommitteeReportRule>();
        once.AddCadreRule<CommitteeReportRule>();
        var roster = Rosters.YellowAndRed().Build();

        twice.Count(d => d.ServiceType == typeof(ICadreEvaluator)).Should().Be(1);
        twice.Count(d => d.ServiceType == typeof(CadrePolicyCatalog)).Should().Be(1);
        using var a = once.BuildServiceProvider();
        using var b = twice.BuildServiceProvider();
        b.GetRequiredService<IStartupValidator>().Validate();
        var expected = a.GetRequiredService<ICadreEvaluator>().Evaluate(roster).Decisions.Select(d => d.ToString());
        b.GetRequiredService<ICadreEvaluator>().Evaluate(roster).Decisions.Select(d => d.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void AddCadreRules_HostRegisteredEvaluatorFirst_HostRegistrationWins()
    {
        var mine = new CadreEvaluator(CadreRuleSet.CreateDefault());
        var services = new ServiceCollection().AddSingleton<ICadreEvaluator>(mine).AddCadreRules();

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ICadreEvaluator>().Should().BeSameAs(mine);
    }

    [Fact]
    public void AddCadreRules_BadThresholds_FailAtStartWithOneMessageNamingEach()
    {
        var services = new ServiceCollection().AddCadreRules(o =>
        {
            o.RecentWindowMonths = 0;
            o.JointConsultationMinChannels = 9;
            o.ProjectLagThreshold = 1.5m;
        });
        using var provider = services.BuildServiceProvider();

        var failure = FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().Which;

        failure.Message.Should().Contain("RecentWindowMonths must be at least 1 (was 0)")
            .And.Contain("JointConsultationMinChannels must be at most 5")
            .And.Contain("ProjectLagThreshold must be greater than 0 and at most 1 (was 1.5)");
    }

    [Fact]
    public void AddCadreRules_BadThreshold_ResolvingTheEvaluatorFailsToo()
    {
        using var provider = new ServiceCollection().AddCadreRules(o => o.TrackingHorizonMonths = -1).BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<ICadreEvaluator>())
            .Should().Throw<OptionsValidationException>().WithMessage("*TrackingHorizonMonths must be at least 1 (was -1)*");
    }

    [Fact]
    public void AddCadreRule_RuleWithoutName_ThrowsSayingHowToFixIt()
    {
        var services = new ServiceCollection();

        FluentActions.Invoking(() => services.AddCadreRule<InvalidRules.UnnamedRule>())
            .Should().Throw<ArgumentException>().WithMessage("*UnnamedRule has no [Name] attribute*HOST-01*");
    }

    [Fact]
    public void AddCadreRulesFromAssembly_AssemblyWithoutRules_Throws()
    {
        var services = new ServiceCollection();

        FluentActions.Invoking(() => services.AddCadreRulesFromAssembly(typeof(FactAttribute).Assembly))
            .Should().Throw<ArgumentException>().WithParameterName("assembly").WithMessage("*has no public, non-abstract NRules rule*");
    }

    [Fact]
    public void AddCadreRulesFromAssembly_TestAssembly_AddsEveryTopLevelRule()
    {
        var services = new ServiceCollection().AddScoped<EvaluationStamp>().AddSingleton<StampLog>()
            .AddCadreRulesFromAssembly(Assembly.GetExecutingAssembly());
        using var provider = services.BuildServiceProvider();

        var ids = provider.GetRequiredService<CadreRuleSet>().Rules.Select(r => r.Id);

        ids.Should().Contain([CommitteeReportRule.Id, NegativeAttitudeReminderRule.Id, ClearCadreRule.Id, StampRule.Id]);
    }
}
