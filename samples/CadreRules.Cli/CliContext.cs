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

    /// <summary>
    /// The roster size from which <see cref="ReadForEvaluation"/> builds the evaluator while it reads.
    /// </summary>
    internal const long OverlapMinimumBytes = 1 << 20;

    /// <summary>Reads and validates a roster document; invalid input surfaces as <see cref="RosterValidationException"/>.</summary>
    public static Roster ReadRoster(FileInfo file) => RosterReader.ReadFile(file.FullName);

    /// <summary>
    /// Reads a roster for evaluation. For a roster of <see cref="OverlapMinimumBytes"/> or more the
    /// evaluator is built on the thread pool while the roster is read: building it compiles the rules (a
    /// few hundred milliseconds on one core), and a large read starts on one core too (the units
    /// section). Errors come out as they would one after the other: the roster's first; the evaluator's
    /// only when the returned function is called.
    /// </summary>
    /// <param name="file">The roster file.</param>
    /// <returns>The roster, and a function that returns the evaluator (or throws what building it threw).</returns>
    public (Roster Roster, Func<ICadreEvaluator> Evaluator) ReadForEvaluation(FileInfo file)
    {
        if (!file.Exists || file.Length < OverlapMinimumBytes)
        {
            return (ReadRoster(file), () => Evaluator);
        }

        var evaluator = Task.Run(() => Evaluator);

        // Observed here, so that an evaluator nobody asks for (the roster was invalid) fails quietly;
        // asking for it still throws what building it threw.
        _ = evaluator.ContinueWith(static t => t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return (ReadRoster(file), () => evaluator.GetAwaiter().GetResult());
    }

    public void Dispose()
    {
        if (_ownsServices && _services.IsValueCreated && _services.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
