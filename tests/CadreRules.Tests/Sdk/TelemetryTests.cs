using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CadreRules.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CadreRules.Tests.Sdk;

public sealed class TelemetryTests : IDisposable
{
    private readonly CollectingLoggerFactory _logs = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _meterListener = new();
    private readonly ActivityListener _activityListener;
    private readonly ConcurrentQueue<(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ConcurrentQueue<Activity> _activities = new();

    // Other tests evaluate in parallel through the same static ActivitySource: this test's spans are
    // told apart by a policy name of their own; its instruments by the meter factory's scope.
    private readonly string _policyName = "telemetry-" + Guid.NewGuid().ToString("N");

    public TelemetryTests()
    {
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == _meters)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.Start();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CadreRulesTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(CadreRulesTelemetry.PolicyNameTag), _policyName))
                {
                    _activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    public void Dispose()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, instrument.Unit, value, copy));
    }

    private ServiceProvider Provider(Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(_logs)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton<IMeterFactory>(_meters)
            .AddCadreRules(o => o.PolicyName = _policyName)
            .Configure<CadreEngineOptions>(o =>
            {
                o.CadresPerSession = 1;
                o.MaxDegreeOfParallelism = 2;
            });
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private double Sum(string instrument, string? tag = null, object? value = null) => _measurements
        .Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value)))
        .Sum(m => m.Value);

    [Fact]
    public void Evaluate_WithListeners_RecordsCountersHistogramSpanAndLogs()
    {
        using var provider = Provider();
        var roster = Rosters.YellowAndRed().Build();

        var report = provider.GetRequiredService<ICadreEvaluator>().Evaluate(roster);

        Sum(CadreRulesTelemetry.CadresEvaluatedInstrument).Should().Be(2);
        Sum(CadreRulesTelemetry.DecisionsInstrument).Should().Be(report.Decisions.Count);
        Sum(CadreRulesTelemetry.DecisionsInstrument, CadreRulesTelemetry.DecisionKindTag, "YellowBoard").Should().Be(1);
        Sum(CadreRulesTelemetry.DecisionsInstrument, CadreRulesTelemetry.DecisionKindTag, "RedBoard").Should().Be(1);
        Sum(CadreRulesTelemetry.RuleFiringsInstrument, CadreRulesTelemetry.RuleIdTag, "BOARD-01").Should().Be(1);
        Sum(CadreRulesTelemetry.RuleFiringsInstrument, CadreRulesTelemetry.RuleIdTag, "BOARD-02").Should().Be(1);
        Sum(CadreRulesTelemetry.RuleFiringsInstrument).Should().BeGreaterThanOrEqualTo(report.Decisions.Count);
        var duration = _measurements.Should().ContainSingle(m => m.Instrument == CadreRulesTelemetry.EvaluationDurationInstrument).Which;
        duration.Unit.Should().Be("s");
        duration.Value.Should().BeGreaterThan(0).And.BeLessThan(60);
        duration.Tags.Should().Contain(CadreRulesTelemetry.PolicyNameTag, _policyName).And.Contain(CadreRulesTelemetry.PolicyVersionTag, 1);
        _measurements.Where(m => m.Instrument == CadreRulesTelemetry.CadresEvaluatedInstrument).Select(m => m.Unit).Should().Equal("{cadre}");

        var span = _activities.Should().ContainSingle().Which;
        span.OperationName.Should().Be(CadreRulesTelemetry.EvaluateActivityName);
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem(CadreRulesTelemetry.PeriodTag).Should().Be("2024H2");
        span.GetTagItem(CadreRulesTelemetry.AsOfTag).Should().Be("2024-12-31");
        span.GetTagItem(CadreRulesTelemetry.CadreCountTag).Should().Be(2);
        span.GetTagItem(CadreRulesTelemetry.DecisionCountTag).Should().Be(report.Decisions.Count);

        var mine = _logs.Entries.Where(e => e.Category == CadreRulesTelemetry.LoggerCategory).ToList();
        mine.Select(e => (e.EventId.Id, e.EventId.Name)).Should().Equal((1, "EvaluationStarted"), (2, "EvaluationCompleted"));
        mine[1].Level.Should().Be(LogLevel.Information);
        mine[1].State.Should().Contain(new KeyValuePair<string, object?>("DecisionCount", report.Decisions.Count));
        mine[1].Message.Should().Contain($"under policy {_policyName} v1: 2 cadres, {report.Decisions.Count} decisions");
    }

    [Fact]
    public void EvaluateTo_WithListeners_RecordsTheWrittenDecisions()
    {
        using var provider = Provider();
        var roster = Rosters.YellowAndRed().Build();
        using var stream = new MemoryStream();

        var summary = provider.GetRequiredService<ICadreEvaluator>().EvaluateTo(roster, stream);

        summary.DecisionCount.Should().BeGreaterThan(0);
        Sum(CadreRulesTelemetry.CadresEvaluatedInstrument).Should().Be(2);
        Sum(CadreRulesTelemetry.DecisionsInstrument).Should().Be(summary.DecisionCount);
        Sum(CadreRulesTelemetry.DecisionsInstrument, CadreRulesTelemetry.DecisionKindTag, "YellowBoard").Should().Be(1);
        _activities.Should().ContainSingle().Which.GetTagItem(CadreRulesTelemetry.DecisionCountTag).Should().Be(summary.DecisionCount);
        var mine = _logs.Entries.Where(e => e.Category == CadreRulesTelemetry.LoggerCategory).ToList();
        mine.Select(e => e.EventId.Name).Should().Equal("EvaluationStarted", "EvaluationCompleted");
        mine[1].State.Should().Contain(new KeyValuePair<string, object?>("DecisionCount", summary.DecisionCount));
    }

    [Fact]
    public void Evaluate_Logs_NeverContainCadreNames()
    {
        using var provider = Provider();

        provider.GetRequiredService<ICadreEvaluator>().Evaluate(Rosters.YellowAndRed().Build());
        provider.GetRequiredService<CadreRulesTelemetry>().InputRejected("roster.json", ["$.cadres[0].name", "$.cadres[1].rank"]);

        _logs.Entries.Should().NotBeEmpty();
        foreach (var entry in _logs.Entries)
        {
            entry.Message.Should().NotContain("张三").And.NotContain("李四");
            entry.State.Select(kv => kv.Value?.ToString()).Should().NotContain(v => v != null && (v.Contains("张三") || v.Contains("李四")));
        }
    }

    [Fact]
    public void InputRejected_LogsWarningWithPathsAndCounts()
    {
        using var provider = Provider();

        provider.GetRequiredService<CadreRulesTelemetry>().InputRejected("roster.json", ["$.evidence[3].cadreId", "$.period"]);

        var entry = _logs.Entries.Should().ContainSingle(e => e.EventId.Id == 4).Which;
        entry.EventId.Name.Should().Be("InputRejected");
        entry.Level.Should().Be(LogLevel.Warning);
        entry.Message.Should().Be("Rejected roster roster.json: 2 errors at $.evidence[3].cadreId, $.period.");
        Sum(CadreRulesTelemetry.RostersRejectedInstrument).Should().Be(1);
    }

    [Fact]
    public void InputRejected_ReaderException_LogsItsPathsOnly()
    {
        using var provider = Provider();
        var rejected = FluentActions.Invoking(() => CadreRules.Serialization.RosterReader.Read(
                """{"schemaVersion":1,"period":"2024H2","units":[],"cadres":[{"id":"C-1","name":"张三","unitId":"U-9","rank":"Division"}]}"""u8))
            .Should().Throw<CadreRules.Serialization.RosterValidationException>().Which;

        provider.GetRequiredService<CadreRulesTelemetry>().InputRejected("upload-17", rejected);

        var entry = _logs.Entries.Should().ContainSingle(e => e.EventId.Id == 4).Which;
        entry.Message.Should().StartWith("Rejected roster upload-17: 1 errors at $.cadres[0].unitId").And.NotContain("张三");
    }

    [Fact]
    public void Evaluate_Failure_RecordsErrorTypeOnSpanHistogramAndLog()
    {
        using var provider = Provider();
        var inconsistent = new Roster
        {
            Period = AssessmentPeriod.Parse("2024H2"),
            Cadres = [new Cadre { Id = "C-1", Name = "张三", UnitId = "U-missing", Rank = CadreRank.Section }],
        };

        FluentActions.Invoking(() => provider.GetRequiredService<ICadreEvaluator>().Evaluate(inconsistent)).Should().Throw<ArgumentException>();

        var span = _activities.Should().ContainSingle().Which;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem(CadreRulesTelemetry.ErrorTypeTag).Should().Be("System.ArgumentException");
        _measurements.Should().ContainSingle(m => m.Instrument == CadreRulesTelemetry.EvaluationDurationInstrument)
            .Which.Tags.Should().Contain(CadreRulesTelemetry.ErrorTypeTag, "System.ArgumentException");
        var entry = _logs.Entries.Should().ContainSingle(e => e.EventId.Id == 3).Which;
        entry.Level.Should().Be(LogLevel.Error);
        entry.Exception.Should().BeOfType<ArgumentException>();
    }

    [Fact]
    public void Evaluate_Cancelled_LogsCancellationNotError()
    {
        using var provider = Provider();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        FluentActions.Invoking(() => provider.GetRequiredService<ICadreEvaluator>().Evaluate(Rosters.YellowAndRed().Build(), cancelled.Token))
            .Should().Throw<OperationCanceledException>();

        _logs.Entries.Should().Contain(e => e.EventId.Id == 5 && e.Level == LogLevel.Information).And.NotContain(e => e.EventId.Id == 3);
    }

    [Fact]
    public void AddCadreRules_MeterFactoryInContainer_CreatesTheMeterThroughIt()
    {
        using var provider = Provider();

        provider.GetRequiredService<CadreRulesTelemetry>();

        _meters.Meters.Should().ContainSingle(m => m.Name == CadreRulesTelemetry.MeterName);
    }

    [Fact]
    public void Harness_EvaluatorWithoutTelemetry_RecordsNothing()
    {
        new CadreRulesHarness().Configure(o => o.PolicyName = _policyName).Evaluate(Rosters.YellowAndRed());

        _measurements.Should().BeEmpty();
        _logs.Entries.Should().BeEmpty();
    }
}
