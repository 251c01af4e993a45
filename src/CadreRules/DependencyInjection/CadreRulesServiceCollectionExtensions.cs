using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CadreRules;

/// <summary>
/// Registers CadreRules in a service collection: the evaluator, its policies, host rules and
/// telemetry. Every method returns the same collection so calls chain, registers with
/// <c>TryAdd</c> (calling any of them twice is harmless; the host's own registrations win), and
/// adds the core services itself, so the order of the calls does not matter.
/// </summary>
/// <example>
/// <code>
/// services.AddCadreRules(configuration.GetSection("CadreRules"))
///         .AddCadrePolicy("yinchuan-2025", version: 2, effectiveFrom: new DateOnly(2025, 1, 1), o => o.RecentWindowMonths = 6)
///         .AddCadreRule&lt;MyRule&gt;();
/// </code>
/// </example>
public static class CadreRulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the CadreRules evaluator: a singleton <see cref="ICadreEvaluator"/>, the compiled
    /// <see cref="CadrePolicyCatalog"/> (and the default policy's <see cref="CadreRuleSet"/>),
    /// <see cref="CadreRulesTelemetry"/>, and validated <see cref="CadrePolicyOptions"/> and
    /// <see cref="CadreEngineOptions"/>. Options and rules are validated at start (with a generic
    /// host) or on first resolve: one message lists every problem of the options, another every
    /// problem of the rules (duplicate ids, unknown disabled ids).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the default policy (<c>yinchuan-2024</c>, version 1); may be <see langword="null"/>.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCadreRules(this IServiceCollection services, Action<CadrePolicyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddCore(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }

    /// <summary>
    /// Adds the CadreRules evaluator as <see cref="AddCadreRules(IServiceCollection, Action{CadrePolicyOptions})"/>
    /// does, binding the default policy from a configuration section (usually <c>CadreRules</c>).
    /// The section's keys are the properties of <see cref="CadrePolicyOptions"/>; a bound
    /// <c>RedBoardTasks</c> or <c>DisabledRules</c> list replaces the default; <c>InfluencePeriods</c>
    /// entries override the default table per measure kind; the subsection <c>Engine</c> binds
    /// <see cref="CadreEngineOptions"/>; the array <c>Policies</c> adds effective-dated policies, each
    /// entry a full set of policy options with <c>PolicyName</c>, <c>PolicyVersion</c> and
    /// <c>EffectiveFrom</c>. An unknown key or a value that does not convert is a start-up error.
    /// Configuration is read once, when the evaluator is built.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The CadreRules configuration section.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddCadreRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddCore(services);
        services.Configure<CadrePolicyOptions>(o => CadreRulesConfigurationBinder.BindPolicy(
            configuration, o, CadreRulesConfigurationBinder.EngineKey, CadreRulesConfigurationBinder.PoliciesKey));
        services.Configure<CadreEngineOptions>(o => CadreRulesConfigurationBinder.BindEngine(
            configuration.GetSection(CadreRulesConfigurationBinder.EngineKey), o));
        foreach (var entry in configuration.GetSection(CadreRulesConfigurationBinder.PoliciesKey).GetChildren())
        {
            // Each entry is a named options instance; its name is its configuration path, unique in the section.
            string name = entry.Path;
            if (!Registry(services).AddPolicy(name))
            {
                continue;
            }

            services.AddOptions<CadrePolicyOptions>(name)
                .Configure(o =>
                {
                    CadreRulesConfigurationBinder.BindPolicy(entry, o);
                    foreach (var required in new[] { nameof(o.PolicyName), nameof(o.PolicyVersion), nameof(o.EffectiveFrom) })
                    {
                        if (entry[required] is null)
                        {
                            o.ConfigurationProblems.Add($"Configuration key '{entry.Path}:{required}' is required for an additional policy.");
                        }
                    }
                })
                .ValidateOnStart();
        }

        return services;
    }

    /// <summary>
    /// Adds a policy version that takes effect on a date: a roster whose as-of date is on or after
    /// <paramref name="effectiveFrom"/> (and before any later policy) is evaluated under it, and its
    /// report names it. The policy starts from the built-in defaults of POLICY.md, not from the
    /// default policy's configuration; use <c>services.ConfigureAll&lt;CadrePolicyOptions&gt;(...)</c>
    /// for settings every policy shares. It is a named <see cref="CadrePolicyOptions"/> instance
    /// called <c>{name}/v{version}</c>, validated at start like the default policy.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The policy name written into reports, e.g. <c>yinchuan-2025</c>.</param>
    /// <param name="version">The policy version written into reports; at least 1.</param>
    /// <param name="effectiveFrom">The first as-of date the policy is in force.</param>
    /// <param name="configure">Changes thresholds and tables from the defaults; may be <see langword="null"/>.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static IServiceCollection AddCadrePolicy(this IServiceCollection services, string name, int version, DateOnly effectiveFrom, Action<CadrePolicyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        AddCore(services);
        string optionsName = $"{name}/v{version}";
        if (Registry(services).AddPolicy(optionsName))
        {
            var builder = services.AddOptions<CadrePolicyOptions>(optionsName).Configure(o =>
            {
                o.PolicyName = name;
                o.PolicyVersion = version;
                o.EffectiveFrom = effectiveFrom;
            });
            if (configure is not null)
            {
                builder.Configure(configure);
            }

            builder.ValidateOnStart();
        }
        else if (configure is not null)
        {
            services.Configure(optionsName, configure);
        }

        return services;
    }

    /// <summary>
    /// Adds a host rule to every policy. The rule matches the same facts as the built-in rules
    /// (<see cref="PolicyContext"/>, <see cref="Unit"/>, <see cref="Cadre"/>, evidence, grades,
    /// measures, board placements and other rules' <see cref="Proposal"/>s) and proposes decisions with
    /// <c>ctx.Propose(...)</c>, of built-in kinds or its own. Its <c>[Name]</c> is its id and must be
    /// unique: a clash fails at start. It may take services through
    /// <c>Dependency().Resolve(() => service)</c>, resolved from one scope per evaluation.
    /// </summary>
    /// <typeparam name="TRule">The rule type (an NRules fluent <c>Rule</c> with a <c>[Name]</c>).</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="TRule"/> has no <c>[Name]</c> or no parameterless constructor.</exception>
    public static IServiceCollection AddCadreRule<TRule>(this IServiceCollection services)
        where TRule : NRules.Fluent.Dsl.Rule
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddRuleTypes(services, [typeof(TRule)], nameof(TRule));
    }

    /// <summary>
    /// Adds every public, non-abstract NRules rule of an assembly to every policy, as
    /// <see cref="AddCadreRule{TRule}(IServiceCollection)"/> does for one.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="assembly">The assembly to scan, e.g. <c>typeof(MyRule).Assembly</c>.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The assembly has no rule, or a rule has no <c>[Name]</c> or no parameterless constructor.</exception>
    public static IServiceCollection AddCadreRulesFromAssembly(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assembly);
        var types = CadreRuleSet.RuleTypesIn(assembly);
        if (types.Count == 0)
        {
            throw new ArgumentException($"Assembly {assembly.GetName().Name} has no public, non-abstract NRules rule; supply the assembly that holds your rules.", nameof(assembly));
        }

        return AddRuleTypes(services, types, nameof(assembly));
    }

    private static IServiceCollection AddRuleTypes(IServiceCollection services, IEnumerable<Type> types, string parameter)
    {
        var problems = types.Select(CadreRuleSet.CheckRuleType).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), parameter);
        }

        AddCore(services);
        var registry = Registry(services);
        foreach (var type in types)
        {
            registry.AddRule(type);
        }

        return services;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddOptions<CadrePolicyOptions>().ValidateOnStart();
        services.AddOptions<CadreEngineOptions>().ValidateOnStart();
        services.AddOptions<RuleCatalogCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CadrePolicyOptions>, CadrePolicyOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CadreEngineOptions>, CadreEngineOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RuleCatalogCheck>, RuleCatalogValidator>());
        Registry(services);
        services.TryAddSingleton(sp => new CadreRulesTelemetry(sp.GetService<ILoggerFactory>(), sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<CadrePolicyOptions>>();
            var registry = sp.GetRequiredService<CadreRulesRegistry>();
            var policies = new[] { monitor.Get(Options.DefaultName) }.Concat(registry.PolicyNames.Select(monitor.Get));
            return new CadrePolicyCatalog(policies, registry.RuleTypes);
        });
        services.TryAddSingleton(sp =>
        {
            var defaults = sp.GetRequiredService<IOptionsMonitor<CadrePolicyOptions>>().Get(Options.DefaultName);
            return sp.GetRequiredService<CadrePolicyCatalog>().Policies.First(p => ReferenceEquals(p.Options, defaults)).Rules;
        });
        services.TryAddSingleton<ICadreEvaluator>(sp => new CadreEvaluator(
            sp.GetRequiredService<CadrePolicyCatalog>(),
            sp.GetRequiredService<IOptions<CadreEngineOptions>>().Value,
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<CadreRulesTelemetry>()));
    }

    /// <summary>
    /// The registry is one instance per service collection, found again on every call, so that
    /// policies and rules added in any order and any number of times end up in one list.
    /// </summary>
    private static CadreRulesRegistry Registry(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(CadreRulesRegistry) && descriptor is { IsKeyedService: false, ImplementationInstance: CadreRulesRegistry registry })
            {
                return registry;
            }
        }

        var created = new CadreRulesRegistry();
        services.AddSingleton(created);
        return created;
    }

    private sealed class CadrePolicyOptionsValidator : IValidateOptions<CadrePolicyOptions>
    {
        public ValidateOptionsResult Validate(string? name, CadrePolicyOptions options)
        {
            var problems = options.Validate();
            if (problems.Count == 0)
            {
                return ValidateOptionsResult.Success;
            }

            return string.IsNullOrEmpty(name)
                ? ValidateOptionsResult.Fail(problems)
                : ValidateOptionsResult.Fail(problems.Select(p => $"Policy '{name}': {p}"));
        }
    }

    private sealed class CadreEngineOptionsValidator : IValidateOptions<CadreEngineOptions>
    {
        public ValidateOptionsResult Validate(string? name, CadreEngineOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    /// <summary>
    /// Compiles the policy catalog when the host validates options at start, so that a rule-id
    /// clash or an unknown disabled rule stops the host there, not at the first evaluation; and
    /// the first evaluation does not pay for compiling.
    /// </summary>
    private sealed class RuleCatalogValidator(IServiceProvider services) : IValidateOptions<RuleCatalogCheck>
    {
        public ValidateOptionsResult Validate(string? name, RuleCatalogCheck options)
        {
            try
            {
                services.GetRequiredService<CadrePolicyCatalog>();
                return ValidateOptionsResult.Success;
            }
            catch (OptionsValidationException)
            {
                // The invalid policy options are reported by their own validation.
                return ValidateOptionsResult.Skip;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}

/// <summary>The policies and host rules added to one service collection.</summary>
internal sealed class CadreRulesRegistry
{
    private readonly List<string> _policyNames = [];
    private readonly List<Type> _ruleTypes = [];

    public IReadOnlyList<string> PolicyNames => _policyNames;

    public IReadOnlyList<Type> RuleTypes => _ruleTypes;

    public bool AddPolicy(string optionsName)
    {
        if (_policyNames.Contains(optionsName, StringComparer.Ordinal))
        {
            return false;
        }

        _policyNames.Add(optionsName);
        return true;
    }

    public void AddRule(Type type)
    {
        if (!_ruleTypes.Contains(type))
        {
            _ruleTypes.Add(type);
        }
    }
}

/// <summary>An options type with nothing in it: its validation at start compiles the rules.</summary>
internal sealed class RuleCatalogCheck;
