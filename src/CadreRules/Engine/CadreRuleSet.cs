using System.Reflection;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
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
    /// <exception cref="InvalidOperationException">
    /// A host type is not a rule or has no <c>[Name]</c>, two rules share an id, or a disabled id names no rule;
    /// the message lists every problem.
    /// </exception>
    public CadreRuleSet(IEnumerable<Type> additionalRuleTypes, IEnumerable<string> disabledRules)
        : this(additionalRuleTypes, disabledRules, enabledRules: null)
    {
    }

    /// <summary>
    /// Compiles the built-in rules and the given host rules, keeping only <paramref name="enabledRules"/>
    /// when given: the way to run one rule in isolation (see <c>CadreRules.Testing</c>).
    /// </summary>
    /// <param name="additionalRuleTypes">Host rule types (NRules fluent <c>Rule</c> subclasses); may be empty.</param>
    /// <param name="disabledRules">Ids of rules to leave out; an id that names no rule is an error.</param>
    /// <param name="enabledRules">Ids of the only rules to keep, or <see langword="null"/> for all; an id that names no rule is an error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="additionalRuleTypes"/> or <paramref name="disabledRules"/> is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// A host type is not a rule or has no <c>[Name]</c>, two rules share an id, or an enabled or disabled id
    /// names no rule; the message lists every problem.
    /// </exception>
    public CadreRuleSet(IEnumerable<Type> additionalRuleTypes, IEnumerable<string> disabledRules, IEnumerable<string>? enabledRules)
    {
        ArgumentNullException.ThrowIfNull(additionalRuleTypes);
        ArgumentNullException.ThrowIfNull(disabledRules);
        var hostTypes = additionalRuleTypes.Distinct().ToArray();
        var problems = new List<string>();
        foreach (var type in hostTypes)
        {
            if (CheckRuleType(type) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The CadreRules rule set is invalid: " + string.Join(" ", problems));
        }

        var repository = new RuleRepository();
        repository.Load(spec => spec.From(BuiltInRuleTypes).To("CadreRules"));
        if (hostTypes.Length > 0)
        {
            // Host rules are named one by one, so nested and internal rule classes count too
            // (NRules' scanner skips them by default, which would drop such a rule silently).
            repository.Load(spec => spec.From(scan => scan.Type(hostTypes).NestedTypes(true).PrivateTypes(true)).To("Host"));
        }

        var all = repository.GetRules().ToList();
        var typesById = BuiltInRuleTypes.Concat(hostTypes.Except(BuiltInRuleTypes))
            .ToLookup(t => DeclaredId(t) ?? t.FullName, StringComparer.Ordinal);
        foreach (var clash in all.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var types = typesById[clash.Key].Select(t => t.FullName).Order(StringComparer.Ordinal);
            problems.Add($"Rule id '{clash.Key}' is used by more than one rule ({string.Join(", ", types)}); give each rule a unique [Name] (the built-in ids are listed in docs/policy.md and by CadreRuleSet.CreateDefault().Rules).");
        }

        var known = string.Join(", ", all.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal));
        var disabled = new HashSet<string>(disabledRules, StringComparer.Ordinal);
        foreach (var id in disabled.Where(id => all.All(r => r.Name != id)).Order(StringComparer.Ordinal))
        {
            problems.Add($"DisabledRules names '{id}', which is not a rule id; known ids: {known}.");
        }

        HashSet<string>? enabled = enabledRules is null ? null : new HashSet<string>(enabledRules, StringComparer.Ordinal);
        foreach (var id in (enabled ?? []).Where(id => all.All(r => r.Name != id)).Order(StringComparer.Ordinal))
        {
            problems.Add($"The enabled rules name '{id}', which is not a rule id; known ids: {known}.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The CadreRules rule set is invalid: " + string.Join(" ", problems));
        }

        var active = all.Where(r => !disabled.Contains(r.Name) && (enabled is null || enabled.Contains(r.Name))).ToList();
        Rules = active
            .Select(r => new RuleInfo(r.Name, r.Description, r.Tags.ToArray(), r.Priority))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
        var compiler = new RuleCompiler();
        SessionFactory = Hooked(compiler.Compile(active));
        _matchedTypes = MatchedFactTypes.InCadrePhase(active);
        ProposalRouting = ProposalRouting.For(active);
        CadreRecordFilter = FactFilter<CadreRecord>.For(active);

        // The unit sessions (one per unit) get only the rules that can fire on a unit's facts: a
        // session's cost grows with the network it is created from (the built-in rules: 10.5 KB and
        // 13 µs per session; the two unit rules alone: 3.2 KB and 4 µs).
        var unitRules = active.Where(r => MatchedFactTypes.CanFireInUnitSessions(r, CadreSessionOnlyIds)).ToList();
        UnitRuleIds = unitRules.Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();
        UnitPhaseNeedsCadres = MatchedFactTypes.AnyMatchesCadre(unitRules);
        (UnitSessionFactory, UnitProposalRouting) = unitRules.Count == active.Count
            ? (SessionFactory, ProposalRouting)
            : (unitRules.Count == 0 ? null : Hooked(compiler.Compile(unitRules)), ProposalRouting.For(unitRules));
    }

    // Sessions are created inside an evaluation (CadreEvaluator); these hooks hand dependency
    // resolution and rule-firing telemetry to that evaluation, so one compiled rule set can serve
    // many evaluators, each with its own service scope and instruments.
    private static ISessionFactory Hooked(ISessionFactory factory)
    {
        factory.DependencyResolver = EvaluationScope.DependencyResolver;
        factory.Events.RuleFiredEvent += EvaluationScope.OnRuleFired;
        return factory;
    }

    /// <summary>Returns the id a rule type declares with <c>[Name]</c>, or <see langword="null"/>.</summary>
    /// <param name="type">The rule type.</param>
    /// <returns>The id, or <see langword="null"/>.</returns>
    internal static string? DeclaredId(Type type) => type.GetCustomAttributesData()
        .FirstOrDefault(a => a.AttributeType == typeof(NameAttribute))?.ConstructorArguments[0].Value as string;

    /// <summary>Returns why a type cannot be a host rule, or <see langword="null"/> when it can.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    internal static string? CheckRuleType(Type type)
    {
        if (type is null)
        {
            return "A host rule type is null.";
        }

        if (!typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(type) || type.IsAbstract || type.IsGenericTypeDefinition)
        {
            return $"Type {type.FullName} is not a rule: derive a non-abstract class from NRules.Fluent.Dsl.Rule.";
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            return $"Rule {type.FullName} has no public parameterless constructor; rules are compiled once, so take services through Dependency().Resolve(() => service) instead of the constructor.";
        }

        if (DeclaredId(type) is null)
        {
            return $"Rule {type.FullName} has no [Name] attribute; give it a stable, unique id such as [Name(\"HOST-01\")], which every decision it supports will name.";
        }

        return null;
    }

    private readonly Type[] _matchedTypes;

    /// <summary>Gets the types of the built-in rules of the default policy.</summary>
    public static IReadOnlyList<Type> BuiltInRuleTypes { get; } = typeof(CadreRuleSet).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsPublic: true } && typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    // The built-in rules marked [CadreSessionOnly], by id.
    private static readonly HashSet<string> CadreSessionOnlyIds = BuiltInRuleTypes
        .Where(t => t.IsDefined(typeof(Rules.CadreSessionOnlyAttribute), inherit: false))
        .Select(t => DeclaredId(t)!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Gets the active rules, sorted by id.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Gets the compiled session factory.</summary>
    public ISessionFactory SessionFactory { get; }

    /// <summary>Gets which rules read proposals and which proposals they can match.</summary>
    internal ProposalRouting ProposalRouting { get; }

    /// <summary>
    /// Gets the session factory of the unit sessions: the active rules that can fire on a unit's facts
    /// (<see cref="MatchedFactTypes.CanFireInUnitSessions"/>), or <see langword="null"/> when none can.
    /// </summary>
    internal ISessionFactory? UnitSessionFactory { get; }

    /// <summary>Gets <see cref="ProposalRouting"/> for the rules of <see cref="UnitSessionFactory"/>.</summary>
    internal ProposalRouting UnitProposalRouting { get; }

    /// <summary>Gets the ids of the rules of <see cref="UnitSessionFactory"/>, sorted.</summary>
    internal IReadOnlyList<string> UnitRuleIds { get; }

    /// <summary>Gets which cadre records some rule's <see cref="CadreRecord"/> pattern can match.</summary>
    internal FactFilter<CadreRecord> CadreRecordFilter { get; }

    /// <summary>
    /// Returns whether some active rule that can fire in the cadre phase has a pattern that facts of
    /// <paramref name="factType"/> can match. The evaluator inserts only such facts there: a fact no
    /// pattern can match still costs its passage through the network.
    /// </summary>
    /// <param name="factType">The concrete type of a fact.</param>
    /// <returns>Whether any pattern's type is assignable from it.</returns>
    internal bool Matches(Type factType) => Array.Exists(_matchedTypes, t => t.IsAssignableFrom(factType));

    /// <summary>
    /// Gets whether some rule of the unit sessions has a pattern that a <see cref="Cadre"/> can match, so
    /// that the unit sessions need the unit's cadres as facts of their own besides the <see cref="UnitRecord"/>.
    /// </summary>
    internal bool UnitPhaseNeedsCadres { get; }

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
