using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CadreRules;

/// <summary>
/// The engine's logs, traces and metrics, named after the OpenTelemetry conventions: an
/// <see cref="ActivitySource"/> and a <see cref="Meter"/> both named <c>CadreRules</c>, and
/// <see cref="ILogger"/> events in the category <c>CadreRules</c>. Logs carry ids and counts only,
/// never a cadre's name. Everything is cheap when nobody listens: the span is not created, the
/// instruments are disabled and the log events are filtered before formatting.
/// </summary>
/// <remarks>
/// Register it through <c>services.AddCadreRules(...)</c> (it takes <see cref="IMeterFactory"/> and
/// <see cref="ILoggerFactory"/> from the container when they are there) or create one for an
/// evaluator built without a container. A host that rejects a roster before evaluation calls
/// <see cref="InputRejected(string, IReadOnlyCollection{string})"/>.
/// </remarks>
public sealed partial class CadreRulesTelemetry : IDisposable
{
    /// <summary>The name of the <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "CadreRules";

    /// <summary>The name of the <see cref="Meter"/>.</summary>
    public const string MeterName = "CadreRules";

    /// <summary>The logger category.</summary>
    public const string LoggerCategory = "CadreRules";

    /// <summary>The name of the span of one evaluation.</summary>
    public const string EvaluateActivityName = "cadrerules.evaluate";

    /// <summary>Counter of cadres evaluated (unit <c>{cadre}</c>), tagged with the policy.</summary>
    public const string CadresEvaluatedInstrument = "cadrerules.cadres.evaluated";

    /// <summary>Counter of decisions produced (unit <c>{decision}</c>), tagged with <c>cadrerules.decision.kind</c>.</summary>
    public const string DecisionsInstrument = "cadrerules.decisions";

    /// <summary>Counter of rule firings (unit <c>{firing}</c>), tagged with <c>cadrerules.rule.id</c>.</summary>
    public const string RuleFiringsInstrument = "cadrerules.rule.firings";

    /// <summary>Histogram of evaluation durations in seconds, tagged with the policy and, on failure, <c>error.type</c>.</summary>
    public const string EvaluationDurationInstrument = "cadrerules.evaluation.duration";

    /// <summary>Counter of rosters rejected as invalid input (unit <c>{roster}</c>).</summary>
    public const string RostersRejectedInstrument = "cadrerules.rosters.rejected";

    /// <summary>Tag: the policy name.</summary>
    public const string PolicyNameTag = "cadrerules.policy.name";

    /// <summary>Tag: the policy version.</summary>
    public const string PolicyVersionTag = "cadrerules.policy.version";

    /// <summary>Tag: the decision kind.</summary>
    public const string DecisionKindTag = "cadrerules.decision.kind";

    /// <summary>Tag: the rule id.</summary>
    public const string RuleIdTag = "cadrerules.rule.id";

    /// <summary>Tag (span only): the evaluated period.</summary>
    public const string PeriodTag = "cadrerules.period";

    /// <summary>Tag (span only): the as-of date.</summary>
    public const string AsOfTag = "cadrerules.as_of";

    /// <summary>Tag (span only): the number of units.</summary>
    public const string UnitCountTag = "cadrerules.units";

    /// <summary>Tag (span only): the number of cadres.</summary>
    public const string CadreCountTag = "cadrerules.cadres";

    /// <summary>Tag (span only): the number of decisions.</summary>
    public const string DecisionCountTag = "cadrerules.decisions";

    /// <summary>Tag: the exception type of a failed evaluation (OpenTelemetry <c>error.type</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    private static readonly string Version = typeof(CadreRulesTelemetry).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The span source: static, as OpenTelemetry recommends, so listeners find it by name.</summary>
    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);

    // Histogram buckets for whole-roster evaluations: milliseconds for a unit test, minutes for a city.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _cadresEvaluated;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _ruleFirings;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rostersRejected;

    /// <summary>Creates the telemetry of one container or one evaluator.</summary>
    /// <param name="loggerFactory">Creates the <c>CadreRules</c> logger; <see langword="null"/> logs nothing.</param>
    /// <param name="meterFactory">Creates the <c>CadreRules</c> meter; <see langword="null"/> creates (and owns) a plain <see cref="Meter"/>.</param>
    public CadreRulesTelemetry(ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        Logger = loggerFactory?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        if (meterFactory is not null)
        {
            _meter = meterFactory.Create(new MeterOptions(MeterName) { Version = Version });
        }
        else
        {
            _meter = new Meter(MeterName, Version);
            _ownsMeter = true;
        }

        _cadresEvaluated = _meter.CreateCounter<long>(CadresEvaluatedInstrument, "{cadre}", "Cadres evaluated.");
        _decisions = _meter.CreateCounter<long>(DecisionsInstrument, "{decision}", "Decisions (proposals) produced, by kind.");
        _ruleFirings = _meter.CreateCounter<long>(RuleFiringsInstrument, "{firing}", "Rule firings, by rule id.");
        _duration = _meter.CreateHistogram(EvaluationDurationInstrument, "s", "Duration of roster evaluations.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _rostersRejected = _meter.CreateCounter<long>(RostersRejectedInstrument, "{roster}", "Rosters rejected as invalid input.");
    }

    /// <summary>Gets the <c>CadreRules</c> logger.</summary>
    internal ILogger Logger { get; }

    /// <summary>
    /// Records a roster rejected as invalid input, before any evaluation: a warning (event id 4,
    /// <c>InputRejected</c>) with the number of errors and their JSON paths, never their values,
    /// and one count on <c>cadrerules.rosters.rejected</c>.
    /// </summary>
    /// <param name="source">Where the roster came from (a file name, a request id); not personal data.</param>
    /// <param name="errorPaths">The JSON paths of the errors, e.g. <c>$.evidence[3].cadreId</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void InputRejected(string source, IReadOnlyCollection<string> errorPaths)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(errorPaths);
        _rostersRejected.Add(1);
        if (Logger.IsEnabled(LogLevel.Warning))
        {
            const int Shown = 20;
            string paths = string.Join(", ", errorPaths.Take(Shown)) + (errorPaths.Count > Shown ? ", …" : string.Empty);
            LogInputRejected(Logger, source, errorPaths.Count, paths);
        }
    }

    /// <summary>
    /// Records a roster that <see cref="Serialization.RosterReader"/> rejected, as
    /// <see cref="InputRejected(string, IReadOnlyCollection{string})"/> does with the errors' paths.
    /// </summary>
    /// <param name="source">Where the roster came from (a file name, a request id); not personal data.</param>
    /// <param name="exception">The reader's exception.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void InputRejected(string source, Serialization.RosterValidationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        InputRejected(source, exception.Errors.Select(e => e.Path).ToArray());
    }

    /// <summary>Disposes the meter when this instance created it.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal void RuleFired(string ruleId)
    {
        if (_ruleFirings.Enabled)
        {
            _ruleFirings.Add(1, new KeyValuePair<string, object?>(RuleIdTag, ruleId));
        }
    }

    internal Activity? EvaluationStarted(CadrePolicy policy, Roster roster)
    {
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            LogEvaluationStarted(Logger, roster.Period.ToString(), Format(roster.AsOf), policy.Name, policy.Version, roster.Units.Count, roster.Cadres.Count);
        }

        var activity = Source.StartActivity(EvaluateActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(PolicyNameTag, policy.Name);
            activity.SetTag(PolicyVersionTag, policy.Version);
            activity.SetTag(PeriodTag, roster.Period.ToString());
            activity.SetTag(AsOfTag, Format(roster.AsOf));
            activity.SetTag(UnitCountTag, roster.Units.Count);
            activity.SetTag(CadreCountTag, roster.Cadres.Count);
        }

        return activity;
    }

    internal void EvaluationCompleted(Activity? activity, CadrePolicy policy, Roster roster, IReadOnlyDictionary<string, int> counts, int decisionCount, TimeSpan elapsed)
    {
        var policyTags = PolicyTags(policy);
        _duration.Record(elapsed.TotalSeconds, policyTags);
        _cadresEvaluated.Add(roster.Cadres.Count, policyTags);
        if (_decisions.Enabled)
        {
            foreach (var (kind, count) in counts)
            {
                _decisions.Add(count, new KeyValuePair<string, object?>(DecisionKindTag, kind));
            }
        }

        if (activity is not null)
        {
            activity.SetTag(DecisionCountTag, decisionCount);
            activity.Dispose();
        }

        if (Logger.IsEnabled(LogLevel.Information))
        {
            LogEvaluationCompleted(Logger, roster.Period.ToString(), Format(roster.AsOf), policy.Name, policy.Version,
                roster.Cadres.Count, decisionCount, (long)elapsed.TotalMilliseconds);
        }
    }

    internal void EvaluationFailed(Activity? activity, CadrePolicy policy, Roster roster, Exception exception, TimeSpan elapsed)
    {
        string errorType = exception.GetType().FullName ?? exception.GetType().Name;
        _duration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(PolicyNameTag, policy.Name),
            new KeyValuePair<string, object?>(PolicyVersionTag, policy.Version),
            new KeyValuePair<string, object?>(ErrorTypeTag, errorType));
        if (activity is not null)
        {
            activity.SetTag(ErrorTypeTag, errorType);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            activity.Dispose();
        }

        if (exception is OperationCanceledException)
        {
            LogEvaluationCancelled(Logger, roster.Period.ToString(), Format(roster.AsOf), (long)elapsed.TotalMilliseconds);
        }
        else
        {
            LogEvaluationFailed(Logger, exception, roster.Period.ToString(), Format(roster.AsOf), policy.Name, policy.Version, (long)elapsed.TotalMilliseconds);
        }
    }

    private static ReadOnlySpan<KeyValuePair<string, object?>> PolicyTags(CadrePolicy policy) =>
        new KeyValuePair<string, object?>[]
        {
            new(PolicyNameTag, policy.Name),
            new(PolicyVersionTag, policy.Version),
        };

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 1, EventName = "EvaluationStarted", Level = LogLevel.Debug,
        Message = "Evaluating {Period} as of {AsOf} under policy {Policy} v{PolicyVersion}: {UnitCount} units, {CadreCount} cadres.")]
    private static partial void LogEvaluationStarted(ILogger logger, string period, string asOf, string policy, int policyVersion, int unitCount, int cadreCount);

    [LoggerMessage(EventId = 2, EventName = "EvaluationCompleted", Level = LogLevel.Information,
        Message = "Evaluated {Period} as of {AsOf} under policy {Policy} v{PolicyVersion}: {CadreCount} cadres, {DecisionCount} decisions in {ElapsedMilliseconds} ms.")]
    private static partial void LogEvaluationCompleted(ILogger logger, string period, string asOf, string policy, int policyVersion, int cadreCount, int decisionCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "EvaluationFailed", Level = LogLevel.Error,
        Message = "Evaluation of {Period} as of {AsOf} under policy {Policy} v{PolicyVersion} failed after {ElapsedMilliseconds} ms.")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string period, string asOf, string policy, int policyVersion, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4, EventName = "InputRejected", Level = LogLevel.Warning,
        Message = "Rejected roster {Source}: {ErrorCount} errors at {ErrorPaths}.")]
    private static partial void LogInputRejected(ILogger logger, string source, int errorCount, string errorPaths);

    [LoggerMessage(EventId = 5, EventName = "EvaluationCancelled", Level = LogLevel.Information,
        Message = "Evaluation of {Period} as of {AsOf} was cancelled after {ElapsedMilliseconds} ms.")]
    private static partial void LogEvaluationCancelled(ILogger logger, string period, string asOf, long elapsedMilliseconds);
}
