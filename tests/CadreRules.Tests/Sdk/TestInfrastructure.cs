using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CadreRules.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CadreRules.Tests.Sdk;

/// <summary>A logger factory that keeps every entry, with its event id and structured state.</summary>
public sealed class CollectingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception);

    private sealed class Logger(CollectingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), [.. values], exception));
        }
    }
}

/// <summary>An <see cref="IMeterFactory"/> whose meters a test can tell apart from every other test's.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    public ConcurrentBag<Meter> Meters { get; } = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        Meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in Meters)
        {
            meter.Dispose();
        }
    }
}

internal static class Rosters
{
    /// <summary>
    /// C-1: leading cadre of division rank with a verified work-style problem (yellow board);
    /// C-2: outstanding in a red-board task (red board); both in U-1.
    /// </summary>
    public static RosterBuilder YellowAndRed(string period = "2024H2") => new RosterBuilder(period)
        .Cadre("C-1", "U-1", CadreRank.Division, leadership: true, name: "张三")
        .WorkStyle("C-1", "2024-09-10", id: "E-1")
        .Cadre("C-2", "U-1", CadreRank.Section, leadership: true, name: "李四")
        .KeyTask("C-2", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-2");

    public static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
