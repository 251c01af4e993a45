using CadreRules.Testing;

namespace CadreRules.Tests.Support;

/// <summary>
/// The rule set compiled once for the whole test assembly (compiling is the slow part), and
/// evaluation shortcuts for the scenario tests.
/// </summary>
internal static class Policy
{
    private static readonly Lazy<CadreRuleSet> DefaultRules = new(CadreRuleSet.CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    public static CadreRuleSet Rules => DefaultRules.Value;

    public static AssessmentReport Evaluate(Roster roster, Action<CadrePolicyOptions>? configure = null, CadreEngineOptions? engine = null)
    {
        CadrePolicyOptions? options = null;
        if (configure is not null)
        {
            options = new CadrePolicyOptions();
            configure(options);
        }

        return new CadreEvaluator(Rules, options, engine).Evaluate(roster);
    }

    public static AssessmentReport Evaluate(this RosterBuilder builder, Action<CadrePolicyOptions>? configure = null) =>
        Evaluate(builder.Build(), configure);
}
