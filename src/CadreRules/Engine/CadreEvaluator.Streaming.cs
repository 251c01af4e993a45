using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using CadreRules.Serialization;

namespace CadreRules;

/// <content>
/// <see cref="EvaluateTo"/>: the report written while the roster is evaluated, so that its decisions
/// never have to be held together.
/// </content>
/// <remarks>
/// <para>
/// Decisions are written in report order (subject, kind, category). Cadre batches go unit by unit;
/// when the cadres, unit by unit, have ascending ids (as generated rosters and most exports list
/// them), the batches' decisions follow one another in report order, and a batch's decisions can be
/// written as soon as every batch before it has been. Worker threads take the batches in order, run
/// each one's session, merge its decisions with the unit decisions that fall between its cadres, and
/// format them (<see cref="ReportWriter.FormattedBlock"/>); the worker that completes the next batch in
/// order writes it and every following batch already formatted, and drops them. Workers stay at most 32
/// batches each ahead of the writing.
/// </para>
/// <para>
/// The result is the same bytes as writing <see cref="Evaluate(Roster, CancellationToken)"/>'s report.
/// Two things can only be known once a batch has run: whether one of its sessions proposed about a
/// subject that is not its own cadre (host rules may), and whether a unit decision is the same decision
/// as a cadre decision (a unit and a cadre sharing an id). Either needs a merge over the whole
/// evaluation, so the stream is cut back to where it started and the roster is evaluated the ordinary
/// way; a policy whose rules proposed about another batch's cadre is not streamed again by this
/// evaluator. Cutting back is <see cref="System.IO.Stream.SetLength"/> to the position the report started at,
/// so anything the stream held after that position is gone then too. A stream that cannot seek, or a
/// roster whose cadre ids do not ascend unit by unit, is evaluated the ordinary way from the start.
/// </para>
/// </remarks>
public sealed partial class CadreEvaluator
{
    // Policies whose rules made a cadre session propose about a subject outside its batch: streaming
    // them would have to be undone every time.
    private readonly ConcurrentDictionary<CadrePolicy, bool> _proposesAcrossBatches = new();
    private int _streamingFallbacks;
    private int _streamedReports;

    /// <summary>Gets how many <see cref="EvaluateTo"/> calls wrote their report while evaluating (tests watch it).</summary>
    internal int StreamedReports => Volatile.Read(ref _streamedReports);

    /// <summary>Gets how many <see cref="EvaluateTo"/> calls started to stream and then evaluated the ordinary way (tests watch it).</summary>
    internal int StreamingFallbacks => Volatile.Read(ref _streamingFallbacks);

    /// <inheritdoc />
    public ReportSummary EvaluateTo(Roster roster, Stream utf8Output, bool indented = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(utf8Output);
        var policy = _policies.For(roster.AsOf);
        using var evaluation = EvaluationScope.Enter(_scopeFactory, _telemetry, policy, roster);
        try
        {
            var summary = StreamOrWrite(roster, policy, utf8Output, indented, cancellationToken);
            evaluation.Completed(summary.Counts, summary.DecisionCount);
            return summary;
        }
        catch (Exception ex)
        {
            evaluation.Failed(ex);
            throw;
        }
    }

    private ReportSummary StreamOrWrite(Roster roster, CadrePolicy policy, Stream output, bool indented, CancellationToken cancellationToken)
    {
        var pass = new Pass(roster, policy, _engine, cancellationToken);
        var options = ReportWriter.Options(indented);
        if (output.CanSeek && pass.Batches.Count > 0 && !_proposesAcrossBatches.ContainsKey(policy) && CadreIdsAscend(pass))
        {
            long start = output.Position;
            if (Stream(pass, roster, policy, output, options) is { } streamed)
            {
                Interlocked.Increment(ref _streamedReports);
                return streamed;
            }

            Interlocked.Increment(ref _streamingFallbacks);
            output.SetLength(start);
            output.Position = start;
        }

        var report = Evaluate(pass, roster, policy);
        ReportWriter.Write(report, output, indented);
        return ReportSummary.Of(report);
    }

    /// <summary>Whether the batches' cadres, in batch order, have strictly ascending ids (ordinal).</summary>
    private static bool CadreIdsAscend(Pass pass)
    {
        var index = pass.Index;
        var order = index.CadreOrder;
        for (int i = 1; i < order.Length; i++)
        {
            if (string.CompareOrdinal(index.Cadres[order[i - 1]].Id, index.Cadres[order[i]].Id) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Evaluates and writes as the batches complete; <see langword="null"/> when the report needs the ordinary evaluation.</summary>
    private ReportSummary? Stream(Pass pass, Roster roster, CadrePolicy policy, Stream output, JsonWriterOptions options)
    {
        var cancellationToken = pass.ParallelOptions.CancellationToken;
        var unitProposals = pass.RunUnits();
        var unitDecisions = ProposalMerger.Merge(unitProposals, pass.Parallel);
        var batches = pass.Batches;
        var index = pass.Index;

        // The unit decisions each batch writes: those before the next batch's first cadre (all that are
        // left, for the last batch), so that they come out in report order among the cadres' decisions.
        var unitEnds = new int[batches.Count];
        int u = 0;
        for (int b = 0; b < batches.Count; b++)
        {
            if (b + 1 < batches.Count)
            {
                string following = index.Cadres[index.CadreOrder[batches[b + 1].Start]].Id;
                while (u < unitDecisions.Count && string.CompareOrdinal(unitDecisions[u].Subject, following) < 0)
                {
                    u++;
                }
            }
            else
            {
                u = unitDecisions.Count;
            }

            unitEnds[b] = u;
        }

        int workers = Math.Min(batches.Count, pass.ParallelOptions.MaxDegreeOfParallelism is > 0 and var degree ? degree : Environment.ProcessorCount);
        var slots = new ReportWriter.FormattedBlock?[batches.Count];
        var buffers = new ConcurrentQueue<System.Buffers.ArrayBufferWriter<byte>>();
        var counters = new KindCounter[workers];
        var statistics = new StatisticsCounter[batches.Count];
        var gate = new object();
        // Batches differ in cost (units of 20 to 100 cadres): with room for only four a worker, the
        // workers of a 1M evaluation waited 0.67 s in all for the writer to get past a slow batch;
        // with 32, 0.01 s. A formatted batch is some tens of kilobytes.
        using var window = new SemaphoreSlim(32 * workers);
        int claimed = -1;
        int next = 0; // the next batch to write (under gate)
        bool writing = false; // whether a worker is writing (under gate)
        int written = 0;
        bool stop = false, speculationFailed = false;
        ExceptionDispatchInfo? crash = null;
        using var writer = new Utf8JsonWriter(output, options);

        void Stop(ExceptionDispatchInfo? exception)
        {
            lock (gate)
            {
                crash ??= exception;
                speculationFailed |= exception is null;
                stop = true;
            }

            // Workers waiting for room in the window must see the stop.
            window.Release(workers);
        }

        // The worker that completes the next batch in order writes it and every following batch already
        // formatted; a batch completed out of order waits in its slot. No thread sleeps and wakes per
        // batch: with a writer thread waiting for each batch in turn, its wake-ups cost 0.3 CPU-seconds
        // at 1M cadres (benchmarks/README.md, step 40).
        void Complete(int b, ReportWriter.FormattedBlock block)
        {
            lock (gate)
            {
                slots[b] = block;
                if (b != next || writing || stop)
                {
                    return;
                }

                writing = true;
            }

            while (true)
            {
                ReportWriter.FormattedBlock? ready;
                lock (gate)
                {
                    ready = next < slots.Length && !stop ? slots[next] : null;
                    if (ready is null)
                    {
                        writing = false;
                        return;
                    }

                    slots[next++] = null;
                }

                ready.WriteTo(writer);
                written += ready.Count;
                ready.Release(buffers);
                window.Release();
            }
        }

        void Work(int worker)
        {
            var counter = counters[worker] = new KindCounter();
            try
            {
                while (true)
                {
                    window.Wait(cancellationToken);
                    int b = Interlocked.Increment(ref claimed);
                    if (b >= batches.Count || Volatile.Read(ref stop))
                    {
                        return;
                    }

                    var foreign = new List<Proposal>();
                    var own = pass.RunBatch(batches[b], unitProposals, foreign, [], out statistics[b]);
                    var decisions = foreign.Count == 0 ? ProposalMerger.Interleave(own, unitDecisions, b == 0 ? 0 : unitEnds[b - 1], unitEnds[b]) : null;
                    if (decisions is null)
                    {
                        if (foreign.Count > 0)
                        {
                            _proposesAcrossBatches.TryAdd(policy, true);
                        }

                        Stop(null);
                        return;
                    }

                    foreach (var decision in decisions)
                    {
                        counter.Add(decision);
                    }

                    Complete(b, ReportWriter.FormattedBlock.Format(decisions, 0, decisions.Count, options, buffers));
                }
            }
            catch (Exception e)
            {
                Stop(ExceptionDispatchInfo.Capture(e));
            }
        }

        ReportWriter.WriteHead(writer, policy.Name, policy.Version, roster.Period, roster.AsOf);
        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            int worker = w;
            tasks[w] = Task.Factory.StartNew(() => Work(worker), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Task.WaitAll(tasks);
        if (!stop)
        {
            try
            {
                var counts = KindCounter.Sorted(counters);
                var summary = new ReportSummary(policy.Name, policy.Version, roster.Period, roster.AsOf, written, counts, pass.Statistics(statistics));
                ReportWriter.WriteTail(writer, counts, summary.Statistics);
                writer.Flush();
                return summary;
            }
            catch (Exception e)
            {
                Stop(ExceptionDispatchInfo.Capture(e));
            }
        }

        crash?.Throw();
        return speculationFailed ? null : throw new InvalidOperationException("The report stream stopped without a cause.");
    }
}
