using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CadreRules;

/// <summary>Registers CadreRules in a service collection.</summary>
public static class CadreRulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the CadreRules evaluator: a singleton <see cref="ICadreEvaluator"/>, the compiled
    /// <see cref="CadreRuleSet"/>, and validated <see cref="CadrePolicyOptions"/> and
    /// <see cref="CadreEngineOptions"/>. Registrations use <c>TryAdd</c>, so calling this twice is
    /// harmless and the host's own registrations win. Options are validated at start (with a
    /// generic host) or on first resolve, with one message listing every problem.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the policy options; may be <see langword="null"/>.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCadreRules(this IServiceCollection services, Action<CadrePolicyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var policy = services.AddOptions<CadrePolicyOptions>();
        if (configure is not null)
        {
            policy.Configure(configure);
        }

        policy.ValidateOnStart();
        services.AddOptions<CadreEngineOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CadrePolicyOptions>, CadrePolicyOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CadreEngineOptions>, CadreEngineOptionsValidator>());
        services.TryAddSingleton(sp => new CadreRuleSet([], sp.GetRequiredService<IOptions<CadrePolicyOptions>>().Value.DisabledRules));
        services.TryAddSingleton<ICadreEvaluator>(sp => new CadreEvaluator(
            sp.GetRequiredService<CadreRuleSet>(),
            sp.GetRequiredService<IOptions<CadrePolicyOptions>>(),
            sp.GetRequiredService<IOptions<CadreEngineOptions>>()));
        return services;
    }

    private sealed class CadrePolicyOptionsValidator : IValidateOptions<CadrePolicyOptions>
    {
        public ValidateOptionsResult Validate(string? name, CadrePolicyOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
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
}
