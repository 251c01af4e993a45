using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NRules.Diagnostics;
using NRules.Extensibility;

namespace CadreRules;

/// <summary>
/// The ambient state of one evaluation: the host's service scope (created on the first dependency
/// a rule resolves, disposed when the evaluation ends) and the telemetry that counts rule firings.
/// <see cref="CadreRuleSet"/> points every session factory at <see cref="DependencyResolver"/> and
/// <see cref="OnRuleFired"/>, which find the evaluation through an <see cref="AsyncLocal{T}"/>; it
/// flows into the parallel sessions of the evaluation (Parallel.For and tasks capture the execution
/// context), so the engine's partitioning needs no knowledge of scopes or telemetry.
/// </summary>
internal sealed class EvaluationScope : IDisposable
{
    private static readonly AsyncLocal<EvaluationScope?> Current = new();

    private readonly EvaluationScope? _previous;
    private readonly IServiceScopeFactory? _scopeFactory;
    private readonly CadreRulesTelemetry? _telemetry;
    private readonly CadrePolicy _policy;
    private readonly Roster _roster;
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly Lock _gate = new();
    private IServiceScope? _scope;
    private bool _ended;

    private EvaluationScope(IServiceScopeFactory? scopeFactory, CadreRulesTelemetry? telemetry, CadrePolicy policy, Roster roster)
    {
        _previous = Current.Value;
        _scopeFactory = scopeFactory;
        _telemetry = telemetry;
        _policy = policy;
        _roster = roster;
        _started = Stopwatch.GetTimestamp();
        _activity = telemetry?.EvaluationStarted(policy, roster);
    }

    /// <summary>Gets the resolver every compiled session factory uses.</summary>
    public static IDependencyResolver DependencyResolver { get; } = new AmbientResolver();

    /// <summary>Starts an evaluation on this execution context.</summary>
    public static EvaluationScope Enter(IServiceScopeFactory? scopeFactory, CadreRulesTelemetry? telemetry, CadrePolicy policy, Roster roster)
    {
        var scope = new EvaluationScope(scopeFactory, telemetry, policy, roster);
        Current.Value = scope;
        return scope;
    }

    /// <summary>Counts a rule firing for the evaluation running on this execution context, if any.</summary>
    public static void OnRuleFired(object? sender, AgendaEventArgs e) => Current.Value?._telemetry?.RuleFired(e.Rule.Name);

    /// <summary>Records a successful evaluation.</summary>
    public void Completed(IReadOnlyDictionary<string, int> counts, int decisionCount)
    {
        _ended = true;
        _telemetry?.EvaluationCompleted(_activity, _policy, _roster, counts, decisionCount, Stopwatch.GetElapsedTime(_started));
    }

    /// <summary>Records a failed or cancelled evaluation.</summary>
    public void Failed(Exception exception)
    {
        _ended = true;
        _telemetry?.EvaluationFailed(_activity, _policy, _roster, exception, Stopwatch.GetElapsedTime(_started));
    }

    /// <summary>Leaves the evaluation and disposes its service scope.</summary>
    public void Dispose()
    {
        Current.Value = _previous;
        if (!_ended)
        {
            _activity?.Dispose();
        }

        IServiceScope? scope;
        lock (_gate)
        {
            scope = _scope;
            _scope = null;
        }

        scope?.Dispose();
    }

    private object Resolve(IResolutionContext context, Type serviceType)
    {
        if (_scopeFactory is null)
        {
            throw new InvalidOperationException(
                $"Rule '{context.Rule.Name}' depends on {serviceType.FullName}, but this evaluator has no service provider. " +
                "Register CadreRules with services.AddCadreRules(...) and resolve ICadreEvaluator from the container, or pass an IServiceScopeFactory to the CadreEvaluator constructor.");
        }

        IServiceScope scope;
        lock (_gate)
        {
            scope = _scope ??= _scopeFactory.CreateScope();
        }

        return scope.ServiceProvider.GetService(serviceType) ?? throw new InvalidOperationException(
            $"Rule '{context.Rule.Name}' depends on {serviceType.FullName}, which is not registered in the host's container; register it (for example services.AddScoped<{serviceType.Name}, ...>()).");
    }

    private sealed class AmbientResolver : IDependencyResolver
    {
        public object Resolve(IResolutionContext context, Type serviceType) =>
            Current.Value is { } evaluation
                ? evaluation.Resolve(context, serviceType)
                : throw new InvalidOperationException(
                    $"Rule '{context.Rule.Name}' depends on {serviceType.FullName}, but its session was not created by CadreEvaluator; " +
                    "set ISession.DependencyResolver yourself, or evaluate through ICadreEvaluator.");
    }
}
