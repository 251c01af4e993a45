using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CadreRules.Tests.Sdk;

public sealed class ConfigurationTests
{
    private static (CadrePolicyOptions Policy, CadreEngineOptions Engine) Bind(IConfiguration section)
    {
        using var provider = new ServiceCollection().AddCadreRules(section).BuildServiceProvider();
        return (provider.GetRequiredService<IOptions<CadrePolicyOptions>>().Value, provider.GetRequiredService<IOptions<CadreEngineOptions>>().Value);
    }

    [Fact]
    public void AddCadreRules_Configuration_BindsScalars()
    {
        var (policy, engine) = Bind(Rosters.Configuration(
            ("RecentWindowMonths", "6"),
            ("ProjectLagThreshold", "0.35"),
            ("AdjustmentForm", "removal"),
            ("StatisticsSince", "2023-07-01"),
            ("Engine:CadresPerSession", "3"),
            ("Engine:MaxDegreeOfParallelism", "1")));

        policy.RecentWindowMonths.Should().Be(6);
        policy.ProjectLagThreshold.Should().Be(0.35m);
        policy.AdjustmentForm.Should().Be(MeasureKind.Removal);
        policy.StatisticsSince.Should().Be(new DateOnly(2023, 7, 1));
        policy.DeclineYears.Should().Be(2, "unbound options keep their defaults");
        engine.CadresPerSession.Should().Be(3);
        engine.MaxDegreeOfParallelism.Should().Be(1);
    }

    [Fact]
    public void AddCadreRules_RedBoardTasksBound_ReplacesTheDefaultSet()
    {
        var (policy, _) = Bind(Rosters.Configuration(("RedBoardTasks:0", "ThematicEducation")));

        policy.RedBoardTasks.Should().BeEquivalentTo([KeyTaskKind.ThematicEducation]);
    }

    [Fact]
    public void AddCadreRules_RedBoardTasksNotBound_KeepsTheDefaultSet()
    {
        var (policy, _) = Bind(Rosters.Configuration(("RecentWindowMonths", "12")));

        policy.RedBoardTasks.Should().BeEquivalentTo([KeyTaskKind.EpidemicPrevention, KeyTaskKind.WorkSafety, KeyTaskKind.ProjectConstruction]);
    }

    [Fact]
    public void AddCadreRules_InfluencePeriodsBound_OverridePerKindAndField()
    {
        var (policy, _) = Bind(Rosters.Configuration(
            ("InfluencePeriods:Removal:PromotionMonths", "30"),
            ("InfluencePeriods:admonishment:LeadershipMonths", "3")));

        policy.InfluencePeriods[MeasureKind.Removal].PromotionMonths.Should().Be(30);
        policy.InfluencePeriods[MeasureKind.Removal].LeadershipMonths.Should().Be(12, "an unbound field keeps its default");
        policy.InfluencePeriods[MeasureKind.Admonishment].PromotionMonths.Should().Be(6);
        policy.InfluencePeriods[MeasureKind.Admonishment].LeadershipMonths.Should().Be(3);
        policy.InfluencePeriods.Should().HaveCount(Enum.GetValues<MeasureKind>().Length, "kinds not named keep their defaults");
        policy.InfluencePeriods[MeasureKind.PartyProbation].PromotionMonths.Should().Be(48);
    }

    [Fact]
    public void AddCadreRules_DisabledRulesBound_DisableTheRule()
    {
        using var provider = new ServiceCollection().AddCadreRules(Rosters.Configuration(("DisabledRules:0", "BOARD-01"))).BuildServiceProvider();

        var report = provider.GetRequiredService<ICadreEvaluator>().Evaluate(Rosters.YellowAndRed().Build());

        report.Decisions.Should().NotContain(d => d.Kind == DecisionKind.RedBoard);
        provider.GetRequiredService<CadreRuleSet>().Rules.Should().NotContain(r => r.Id == "BOARD-01");
    }

    [Fact]
    public void AddCadreRules_UnknownKeysAndBadValues_FailAtStartWithOneMessageListingEach()
    {
        using var provider = new ServiceCollection().AddCadreRules(Rosters.Configuration(
            ("RecentWindowMonth", "6"),
            ("DeclineYears", "two"),
            ("RedBoardTasks:0", "Firefighting"),
            ("InfluencePeriods:Exile:PromotionMonths", "1"),
            ("InfluencePeriods:Removal:Months", "1"),
            ("EscalationWindowMonths", "0"))).BuildServiceProvider();

        var failure = FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().Which;

        failure.Message.Should().Contain("'RecentWindowMonth' is not a CadreRules option")
            .And.Contain("'DeclineYears' has a value that is not a value of type Int32")
            .And.Contain("'RedBoardTasks:0' has the value 'Firefighting', which is not one of EpidemicPrevention")
            .And.Contain("'InfluencePeriods:Exile' is not a measure kind")
            .And.Contain("Months")
            .And.Contain("EscalationWindowMonths must be at least 1 (was 0)");
    }

    [Fact]
    public void AddCadreRules_EngineSectionUnknownKey_FailsAtStart()
    {
        using var provider = new ServiceCollection().AddCadreRules(Rosters.Configuration(("Engine:Threads", "4"))).BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().WithMessage("*Threads*");
    }

    [Fact]
    public void HostSampleAppSettings_ShowsEveryOptionAtItsDefault()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Sdk", "appsettings.sample.json"))
            .Build();
        var section = configuration.GetSection("CadreRules");
        var defaults = new CadrePolicyOptions();

        var (policy, engine) = Bind(section);

        policy.Should().BeEquivalentTo(defaults);
        engine.Should().BeEquivalentTo(new CadreEngineOptions());
        var shown = section.GetChildren().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        typeof(CadrePolicyOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)
            .Concat(["Engine", "Policies"])
            .Should().OnlyContain(name => shown.Contains(name), "the sample shows every option");
        typeof(CadreEngineOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)
            .Should().OnlyContain(name => section.GetSection("Engine").GetChildren().Any(c => c.Key == name));
        section.GetSection("InfluencePeriods").GetChildren().Select(c => c.Key)
            .Should().BeEquivalentTo(Enum.GetNames<MeasureKind>());
    }
}
