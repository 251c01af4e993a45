using System.Globalization;

namespace CadreRules;

/// <summary>
/// One policy the evaluator can apply: its options (thresholds, tables, name, version, effective
/// date) and its compiled rules. Immutable once built; thread-safe.
/// </summary>
public sealed class CadrePolicy
{
    /// <summary>Creates a policy from options and an already compiled rule set.</summary>
    /// <param name="options">The policy options; treated as read-only from here on.</param>
    /// <param name="rules">The compiled rules, used as given (its disabled rules are not re-checked against <paramref name="options"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CadrePolicy(CadrePolicyOptions options, CadreRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        Options = options;
        Rules = rules;
    }

    /// <summary>Gets the policy name written into reports, e.g. <c>yinchuan-2024</c>.</summary>
    public string Name => Options.PolicyName;

    /// <summary>Gets the policy version written into reports.</summary>
    public int Version => Options.PolicyVersion;

    /// <summary>Gets the first as-of date the policy is in force, or <see langword="null"/> for "from the beginning".</summary>
    public DateOnly? EffectiveFrom => Options.EffectiveFrom;

    /// <summary>Gets the policy options.</summary>
    public CadrePolicyOptions Options { get; }

    /// <summary>Gets the compiled rules of this policy (built-in and host rules, minus the disabled ones).</summary>
    public CadreRuleSet Rules { get; }

    /// <inheritdoc />
    public override string ToString() => EffectiveFrom is { } from
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} v{Version} (from {from:yyyy-MM-dd})")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} v{Version}");
}

/// <summary>
/// The policies an evaluator can apply, each effective from a date; <see cref="For"/> picks the one
/// in force on a roster's as-of date. Policies with the same set of disabled rules share one
/// compiled rule set. Immutable; thread-safe; register it as a singleton.
/// </summary>
public sealed class CadrePolicyCatalog
{
    /// <summary>Compiles a catalog from policy options and host rule types.</summary>
    /// <param name="policies">The policies' options; at least one.</param>
    /// <param name="hostRuleTypes">Host rule types added to every policy; may be empty.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Options are invalid, or two policies clash; the message lists every problem.</exception>
    /// <exception cref="InvalidOperationException">The rules are invalid (duplicate ids, unknown disabled ids); see <see cref="CadreRuleSet"/>.</exception>
    public CadrePolicyCatalog(IEnumerable<CadrePolicyOptions> policies, IEnumerable<Type> hostRuleTypes)
        : this(Compile(policies, hostRuleTypes))
    {
    }

    /// <summary>Creates a catalog from policies with compiled rules.</summary>
    /// <param name="policies">The policies; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> is null.</exception>
    /// <exception cref="ArgumentException">Options are invalid, or two policies clash; the message lists every problem.</exception>
    public CadrePolicyCatalog(IEnumerable<CadrePolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var list = policies.ToList();
        var problems = new List<string>();
        if (list.Count == 0)
        {
            problems.Add("At least one policy is required.");
        }

        foreach (var policy in list)
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(policies));
            problems.AddRange(policy.Options.Validate().Select(p => $"Policy '{policy}': {p}"));
        }

        foreach (var clash in list.GroupBy(p => (p.Name, p.Version)).Where(g => g.Count() > 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"Policy '{clash.Key.Name}' version {clash.Key.Version} is registered {clash.Count()} times; give each policy version one registration."));
        }

        foreach (var clash in list.GroupBy(p => p.EffectiveFrom).Where(g => g.Count() > 1))
        {
            problems.Add($"Policies {string.Join(", ", clash.Select(p => $"'{p}'"))} take effect on the same date ({(clash.Key is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "from the beginning")}); give each policy its own EffectiveFrom.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid CadreRules policies: " + string.Join(" ", problems), nameof(policies));
        }

        Policies = [.. list.OrderBy(p => p.EffectiveFrom ?? DateOnly.MinValue)];
    }

    /// <summary>Gets the policies, ordered by effective date.</summary>
    public IReadOnlyList<CadrePolicy> Policies { get; }

    /// <summary>Returns the policy in force on a date: the one with the latest effective date on or before it.</summary>
    /// <param name="asOf">The roster's as-of date.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">No policy is in force on that date.</exception>
    public CadrePolicy For(DateOnly asOf)
    {
        for (int i = Policies.Count - 1; i >= 0; i--)
        {
            if ((Policies[i].EffectiveFrom ?? DateOnly.MinValue) <= asOf)
            {
                return Policies[i];
            }
        }

        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"No CadreRules policy is in force on {asOf:yyyy-MM-dd}: the earliest, '{Policies[0]}', takes effect later. Register a policy without EffectiveFrom, or an earlier one."),
            nameof(asOf));
    }

    private static List<CadrePolicy> Compile(IEnumerable<CadrePolicyOptions> policies, IEnumerable<Type> hostRuleTypes)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(hostRuleTypes);
        var options = policies.ToList();
        var hostTypes = hostRuleTypes.ToList();
        var problems = options.SelectMany(o => (o ?? throw new ArgumentNullException(nameof(policies))).Validate()
            .Select(p => $"Policy '{o.PolicyName}' v{o.PolicyVersion}: {p}")).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid CadreRules policies: " + string.Join(" ", problems), nameof(policies));
        }

        // Compiling is the expensive part; policies that switch off the same rules share one rule set.
        var ruleSets = new Dictionary<string, CadreRuleSet>(StringComparer.Ordinal);
        var result = new List<CadrePolicy>(options.Count);
        foreach (var policy in options)
        {
            string key = string.Join("\n", policy.DisabledRules.Order(StringComparer.Ordinal));
            if (!ruleSets.TryGetValue(key, out var rules))
            {
                ruleSets[key] = rules = new CadreRuleSet(hostTypes, policy.DisabledRules);
            }

            result.Add(new CadrePolicy(policy, rules));
        }

        return result;
    }
}
