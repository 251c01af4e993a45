using CadreRules.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace CadreRules.Cli;

/// <summary>
/// What the commands share: the container, built on first use so that <c>validate</c>, <c>--help</c>
/// and usage errors never pay for compiling the rules, or supplied by the caller.
/// </summary>
internal sealed class CliContext : IDisposable
{
    private readonly Lazy<IServiceProvider> _services;
    private readonly bool _ownsServices;

    private CliContext(Lazy<IServiceProvider> services, bool ownsServices)
    {
        _services = services;
        _ownsServices = ownsServices;
    }

    public ICadreEvaluator Evaluator => _services.Value.GetRequiredService<ICadreEvaluator>();

    public CadreRuleSet RuleSet => _services.Value.GetRequiredService<CadreRuleSet>();

    public static CliContext Own(Action<CadrePolicyOptions>? configure) => new(
        new Lazy<IServiceProvider>(() => new ServiceCollection()
            .AddCadreRules(configure)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true })),
        ownsServices: true);

    public static CliContext Borrow(IServiceProvider services) => new(new Lazy<IServiceProvider>(services), ownsServices: false);

    /// <summary>Reads and validates a roster document; invalid input surfaces as <see cref="RosterValidationException"/>.</summary>
    public static Roster ReadRoster(FileInfo file) => RosterReader.ReadFile(file.FullName);

    public void Dispose()
    {
        if (_ownsServices && _services.IsValueCreated && _services.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
