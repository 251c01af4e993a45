using System.Reflection;
using NRules;
using NRules.Fluent;
using NRules.RuleModel;

namespace CadreRules;

/// <summary>
/// The compiled rules: the built-in policy rules plus any host rules, minus the disabled ones,
/// compiled once into an NRules <see cref="ISessionFactory"/> (STYLE.md point 9). Thread-safe;
/// register it as a singleton.
/// </summary>
public sealed class CadreRuleSet
{
    /// <summary>Compiles the built-in rules and the given host rules.</summary>
    /// <param name="additionalRuleTypes">Host rule types (NRules fluent <c>Rule</c> subclasses); may be empty.</param>
    /// <param name="disabledRules">Ids of rules to leave out; an id that names no rule is an error.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Two rules share an id, a rule has no id, or a disabled id names no rule.</exception>
    public CadreRuleSet(IEnumerable<Type> additionalRuleTypes, IEnumerable<string> disabledRules)
    {
        ArgumentNullException.ThrowIfNull(additionalRuleTypes);
        ArgumentNullException.ThrowIfNull(disabledRules);
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(BuiltInRuleTypes).To("CadreRules"));
        var hostTypes = additionalRuleTypes.Distinct().ToArray();
        if (hostTypes.Length > 0)
        {
            repository.Load(spec => spec.From(hostTypes).To("Host"));
        }

        var all = repository.GetRules().ToList();
        var problems = new List<string>();
        foreach (var clash in all.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Rule id '{clash.Key}' is used by more than one rule; give each rule a unique [Name] (the built-in ids are listed in docs/policy.md).");
        }

        var disabled = new HashSet<string>(disabledRules, StringComparer.Ordinal);
        foreach (var id in disabled.Where(id => all.All(r => r.Name != id)).Order(StringComparer.Ordinal))
        {
            problems.Add($"DisabledRules names '{id}', which is not a rule id; known ids: {string.Join(", ", all.Select(r => r.Name).Order(StringComparer.Ordinal))}.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The CadreRules rule set is invalid: " + string.Join(" ", problems));
        }

        var active = all.Where(r => !disabled.Contains(r.Name)).ToList();
        Rules = active
            .Select(r => new RuleInfo(r.Name, r.Description, r.Tags.ToArray(), r.Priority))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
        var compiler = new RuleCompiler();
        SessionFactory = compiler.Compile(active);
        _matchedTypes = MatchedFactTypes.Of(active);
    }

    private readonly Type[] _matchedTypes;

    /// <summary>Gets the types of the built-in rules of the default policy.</summary>
    public static IReadOnlyList<Type> BuiltInRuleTypes { get; } = typeof(CadreRuleSet).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsPublic: true } && typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Gets the active rules, sorted by id.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Gets the compiled session factory.</summary>
    public ISessionFactory SessionFactory { get; }

    /// <summary>
    /// Returns whether some active rule has a pattern that facts of <paramref name="factType"/> can
    /// match. The evaluator inserts only such facts: a fact no pattern can match still costs its
    /// passage through the network.
    /// </summary>
    /// <param name="factType">The concrete type of a fact.</param>
    /// <returns>Whether any pattern's type is assignable from it.</returns>
    internal bool Matches(Type factType) => Array.Exists(_matchedTypes, t => t.IsAssignableFrom(factType));

    /// <summary>Compiles the built-in rules only.</summary>
    /// <returns>A new rule set.</returns>
    public static CadreRuleSet CreateDefault() => new([], []);

    /// <summary>Returns the public, non-abstract NRules rule types of an assembly.</summary>
    /// <param name="assembly">The assembly to scan.</param>
    /// <returns>The rule types.</returns>
    public static IReadOnlyList<Type> RuleTypesIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsPublic: true } && typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(t))
            .ToArray();
    }
}

/// <summary>A rule of the active rule set.</summary>
/// <param name="Id">The rule id (its NRules name), e.g. <c>BOARD-01</c>.</param>
/// <param name="Description">What the rule decides.</param>
/// <param name="Tags">The rule's tags (考, 识, 用 for the built-in rules).</param>
/// <param name="Priority">The NRules priority (higher fires first).</param>
public sealed record RuleInfo(string Id, string Description, IReadOnlyList<string> Tags, int Priority);
