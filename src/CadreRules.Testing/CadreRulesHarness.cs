using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace CadreRules.Testing;

/// <summary>
/// Runs the policy, or a few of its rules, over a roster built in code and returns a
/// <see cref="RuleTestResult"/> to assert on. Works with any test framework: a failed assertion
/// throws <see cref="CadreRulesAssertionException"/>, whose message says what was expected and what
/// the evaluation produced.
/// </summary>
/// <example>
/// <code>
/// var result = new CadreRulesHarness()
///     .AddRule&lt;MyRule&gt;()
///     .Evaluate(new RosterBuilder("2024H2")
///         .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
///         .KeyTask("C-1", "2024-10-01"));
/// result.Fired("BOARD-01").For("C-1");
/// result.NotFired("BOARD-02");
/// </code>
/// </example>
public sealed class CadreRulesHarness
{
    // Compiling a rule set costs far more than evaluating a small roster; tests that ask for the same
    // rules share one compiled set (rule sets are immutable and thread-safe).
    private static readonly ConcurrentDictionary<string, Lazy<CadreRuleSet>> RuleSets = new(StringComparer.Ordinal);

    private readonly List<Action<CadrePolicyOptions>> _configure = [];
    private readonly List<Type> _ruleTypes = [];
    private HashSet<string>? _only;
    private IServiceProvider? _services;
    private CadreEngineOptions? _engine;

    /// <summary>Starts a harness for the built-in policy with its default options.</summary>
    public CadreRulesHarness()
    {
    }

    /// <summary>Changes the policy options (thresholds, tables, disabled rules).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This harness.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public CadreRulesHarness Configure(Action<CadrePolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _configure.Add(configure);
        return this;
    }

    /// <summary>Sets the engine options (partitioning, parallelism).</summary>
    /// <param name="engine">The engine options.</param>
    /// <returns>This harness.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public CadreRulesHarness WithEngine(CadreEngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        return this;
    }

    /// <summary>Adds a host rule to the policy.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <returns>This harness.</returns>
    public CadreRulesHarness AddRule<TRule>()
        where TRule : NRules.Fluent.Dsl.Rule => AddRules(typeof(TRule));

    /// <summary>Adds host rules to the policy.</summary>
    /// <param name="ruleTypes">The rule types.</param>
    /// <returns>This harness.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleTypes"/> is null.</exception>
    public CadreRulesHarness AddRules(params Type[] ruleTypes)
    {
        ArgumentNullException.ThrowIfNull(ruleTypes);
        foreach (var type in ruleTypes)
        {
            if (!_ruleTypes.Contains(type))
            {
                _ruleTypes.Add(type);
            }
        }

        return this;
    }

    /// <summary>Adds every public, non-abstract rule of an assembly to the policy.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>This harness.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assembly"/> is null.</exception>
    public CadreRulesHarness AddRulesFrom(Assembly assembly) => AddRules([.. CadreRuleSet.RuleTypesIn(assembly)]);

    /// <summary>
    /// Runs only these rules (built-in or added), in isolation: a rule that reads other rules'
    /// proposals sees none unless those rules are named too.
    /// </summary>
    /// <param name="ruleIds">The rule ids, e.g. <c>BOARD-01</c>.</param>
    /// <returns>This harness.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleIds"/> is null.</exception>
    public CadreRulesHarness Only(params string[] ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        _only ??= new HashSet<string>(StringComparer.Ordinal);
        _only.UnionWith(ruleIds);
        return this;
    }

    /// <summary>
    /// Resolves the dependencies of rules (<c>Dependency().Resolve(() => service)</c>) from this
    /// container, one scope per evaluation.
    /// </summary>
    /// <param name="services">The test's service provider.</param>
    /// <returns>This harness.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public CadreRulesHarness UseServices(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        return this;
    }

    /// <summary>Evaluates a roster.</summary>
    /// <param name="roster">The roster.</param>
    /// <returns>The result to assert on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The rules are invalid (an unknown id in <see cref="Only"/>, say).</exception>
    public RuleTestResult Evaluate(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var options = new CadrePolicyOptions();
        foreach (var configure in _configure)
        {
            configure(options);
        }

        var rules = RuleSet(options.DisabledRules);
        var catalog = new CadrePolicyCatalog([new CadrePolicy(options, rules)]);
        var evaluator = new CadreEvaluator(catalog, _engine, _services?.GetService<IServiceScopeFactory>());
        var report = evaluator.Evaluate(roster);
        return new RuleTestResult(roster, report, options, rules);
    }

    /// <summary>Builds and evaluates a roster.</summary>
    /// <param name="roster">The roster builder.</param>
    /// <returns>The result to assert on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    public RuleTestResult Evaluate(RosterBuilder roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return Evaluate(roster.Build());
    }

    private CadreRuleSet RuleSet(IEnumerable<string> disabled)
    {
        var types = _ruleTypes.OrderBy(t => t.AssemblyQualifiedName, StringComparer.Ordinal).ToArray();
        var disabledIds = disabled.Order(StringComparer.Ordinal).ToArray();
        var only = _only?.Order(StringComparer.Ordinal).ToArray();
        string key = string.Join("|", types.Select(t => t.AssemblyQualifiedName)) + "\n" + string.Join("|", disabledIds) + "\n"
            + (only is null ? "*" : string.Join("|", only));
        var lazy = RuleSets.GetOrAdd(key, _ => new Lazy<CadreRuleSet>(() => new CadreRuleSet(types, disabledIds, only)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Do not cache a failure: the next test with the same (invalid) rules should see it afresh.
            RuleSets.TryRemove(new KeyValuePair<string, Lazy<CadreRuleSet>>(key, lazy));
            throw;
        }
    }
}
