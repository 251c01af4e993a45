using CadreRules.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace CadreRules.Cli;

/// <summary>
/// What the commands share: the container (built on first use, so <c>validate</c> and parse errors
/// never pay for compiling the rules) and the roster reader.
/// </summary>
internal sealed class CliContext : IDisposable
{
    private readonly Lazy<ServiceProvider> _services;

    public CliContext(Action<CadrePolicyOptions>? configure)
    {
        _services = new Lazy<ServiceProvider>(() => new ServiceCollection()
            .AddCadreRules(configure)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public ICadreEvaluator Evaluator => _services.Value.GetRequiredService<ICadreEvaluator>();

    public CadreRuleSet RuleSet => _services.Value.GetRequiredService<CadreRuleSet>();

    /// <summary>Reads and validates a roster document; invalid input surfaces as <see cref="RosterValidationException"/>.</summary>
    public static Roster ReadRoster(FileInfo file) => RosterReader.ReadFile(file.FullName);

    public void Dispose()
    {
        if (_services.IsValueCreated)
        {
            _services.Value.Dispose();
        }
    }
}
