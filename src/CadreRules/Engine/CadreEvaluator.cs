using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NRules;

namespace CadreRules;

/// <summary>
/// The default <see cref="ICadreEvaluator"/>. Evaluation runs in two phases of small NRules
/// sessions: one session per unit for the unit rules (ASSESS-01, ASSESS-02), then one session per
/// batch of <see cref="CadreEngineOptions.CadresPerSession"/> cadres of the same unit, seeded with
/// the unit's proposals, for the cadre rules. NRules joins are nested loops, so small sessions keep
/// the work linear in the roster (STYLE.md point 12); sessions run in parallel, and proposals are
/// merged and sorted so that the output never depends on partitioning or thread count.
/// </summary>
public sealed partial class CadreEvaluator : ICadreEvaluator
{
    private readonly CadrePolicyCatalog _policies;
    private readonly CadreEngineOptions _engine;
    private readonly IServiceScopeFactory? _scopeFactory;
    private readonly CadreRulesTelemetry? _telemetry;

    /// <summary>Creates an evaluator from the container's options.</summary>
    /// <param name="rules">The compiled rules.</param>
    /// <param name="policy">The policy options.</param>
    /// <param name="engine">The engine options.</param>
    public CadreEvaluator(CadreRuleSet rules, IOptions<CadrePolicyOptions> policy, IOptions<CadreEngineOptions> engine)
        : this(rules, policy?.Value!, engine?.Value)
    {
    }

    /// <summary>Creates an evaluator without a container.</summary>
    /// <param name="rules">The compiled rules (compile once, share).</param>
    /// <param name="policy">The policy options; <see langword="null"/> for the defaults.</param>
    /// <param name="engine">The engine options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// The options are invalid (the message lists every problem), or they disable a rule that
    /// <paramref name="rules"/> still contains.
    /// </exception>
    public CadreEvaluator(CadreRuleSet rules, CadrePolicyOptions? policy = null, CadreEngineOptions? engine = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var options = policy ?? new CadrePolicyOptions();
        _engine = engine ?? new CadreEngineOptions();
        var policyProblems = options.Validate();
        var problems = policyProblems.Concat(_engine.Validate()).ToList();
        if (problems.Count > 0)
        {
            // Name the argument that is actually wrong: valid policy options with invalid engine options blame the engine.
            throw new ArgumentException("Invalid CadreRules options: " + string.Join(" ", problems), policyProblems.Count > 0 ? nameof(policy) : nameof(engine));
        }

        // DisabledRules is compiled into the rule set; options that disable a rule the given set still
        // runs would be silently ignored here, so they are rejected.
        var stillActive = options.DisabledRules.Where(id => rules.Rules.Any(r => r.Id == id)).Order(StringComparer.Ordinal).ToList();
        if (stillActive.Count > 0)
        {
            throw new ArgumentException(
                $"DisabledRules names {string.Join(", ", stillActive)}, but the rule set passed in still contains them; compile the rule set with them left out (new CadreRuleSet([], policy.DisabledRules)) or register the evaluator with AddCadreRules.",
                nameof(policy));
        }

        _policies = new CadrePolicyCatalog([new CadrePolicy(options, rules)]);
    }

    /// <summary>
    /// Creates an evaluator over several effective-dated policies, with the host's services and
    /// telemetry; this is the constructor <c>AddCadreRules</c> uses.
    /// </summary>
    /// <param name="policies">The policies; each roster is evaluated under the one in force on its as-of date.</param>
    /// <param name="engine">The engine options; <see langword="null"/> for the defaults.</param>
    /// <param name="scopeFactory">
    /// Creates one service scope per evaluation, from which rules resolve their dependencies
    /// (<c>Dependency().Resolve(() => service)</c>); <see langword="null"/> when no rule has any.
    /// </param>
    /// <param name="telemetry">Logs, traces and metrics; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> is null.</exception>
    /// <exception cref="ArgumentException">The engine options are invalid; the message lists every problem.</exception>
    public CadreEvaluator(CadrePolicyCatalog policies, CadreEngineOptions? engine = null, IServiceScopeFactory? scopeFactory = null, CadreRulesTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _policies = policies;
        _engine = engine ?? new CadreEngineOptions();
        var problems = _engine.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid CadreRules options: " + string.Join(" ", problems), nameof(engine));
        }

        _scopeFactory = scopeFactory;
        _telemetry = telemetry;
    }

    /// <summary>Gets the policies this evaluator applies.</summary>
    public CadrePolicyCatalog Policies => _policies;

    /// <inheritdoc />
    public AssessmentReport Evaluate(Roster roster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var policy = _policies.For(roster.AsOf);
        using var evaluation = EvaluationScope.Enter(_scopeFactory, _telemetry, policy, roster);
        try
        {
            var report = Evaluate(roster, policy, cancellationToken);
            evaluation.Completed(report.Counts, report.Decisions.Count);
            return report;
        }
        catch (Exception ex)
        {
            evaluation.Failed(ex);
            throw;
        }
    }

    private AssessmentReport Evaluate(Roster roster, CadrePolicy policy, CancellationToken cancellationToken) =>
        Evaluate(new Pass(roster, policy, _engine, cancellationToken), roster, policy);

    private static AssessmentReport Evaluate(Pass pass, Roster roster, CadrePolicy policy)
    {
        var unitProposals = pass.RunUnits();
        var batches = pass.Batches;
        var cadreDecisions = new List<Decision>[batches.Count];
        var foreignProposals = new List<Proposal>[batches.Count];
        var retainedProposals = new List<Proposal>[batches.Count];
        var statistics = new StatisticsCounter[batches.Count];
        Parallel.For(0, batches.Count, pass.ParallelOptions, b =>
        {
            var foreign = new List<Proposal>();
            var retained = new List<Proposal>();
            cadreDecisions[b] = pass.RunBatch(batches[b], unitProposals, foreign, retained, out statistics[b]);
            foreignProposals[b] = foreign;
            retainedProposals[b] = retained;
        });

        // A proposal made in another batch about a batch's own cadre belongs to the same decision as
        // that batch's proposals of its kind: then every decision is merged again from the proposals
        // (those behind a single-proposal decision given back by the decision itself).
        var foreignLists = new List<IReadOnlyList<Proposal>>(unitProposals.Length + foreignProposals.Length);
        foreignLists.AddRange(unitProposals);
        foreignLists.AddRange(foreignProposals);
        var decisions = ProposalMerger.Combine(cadreDecisions, foreignLists, pass.Parallel);
        if (decisions is null)
        {
            for (int b = 0; b < batches.Count; b++)
            {
                foreignLists.Add(ProposalMerger.Unmerge(cadreDecisions[b], retainedProposals[b]).ToList());
            }

            decisions = [.. ProposalMerger.Merge(foreignLists, pass.Parallel)];
        }

        return new AssessmentReport(policy.Name, policy.Version, roster.Period, roster.AsOf, decisions, pass.Statistics(statistics));
    }

    /// <summary>
    /// One evaluation's shared state and its two phases: <see cref="RunUnits"/> (one session per unit)
    /// and <see cref="RunBatch"/> (one session per batch of cadres of the same unit).
    /// </summary>
    private sealed class Pass
    {
        private readonly PolicyContext _context;
        private readonly CadrePolicy _policy;
        private readonly CancellationToken _cancellationToken;
        private readonly RawFactKinds _rawFacts;

        public Pass(Roster roster, CadrePolicy policy, CadreEngineOptions engine, CancellationToken cancellationToken)
        {
            _context = new PolicyContext(roster.Period, roster.AsOf, policy.Options);
            _policy = policy;
            _cancellationToken = cancellationToken;
            Parallel = engine.MaxDegreeOfParallelism != 1;
            Index = RosterIndex.Build(roster, Parallel);
            ParallelOptions = new ParallelOptions
            {
                CancellationToken = cancellationToken,
                MaxDegreeOfParallelism = engine.MaxDegreeOfParallelism,
            };
            Batches = Index.Batches(engine.CadresPerSession);
            _rawFacts = RawFactKinds.For(policy.Rules);
        }

        /// <summary>Gets whether the evaluation may use more than one thread.</summary>
        public bool Parallel { get; }

        public ParallelOptions ParallelOptions { get; }

        public RosterIndex Index { get; }

        /// <summary>Gets the cadre batches, unit by unit (cadres of unknown units last).</summary>
        public IReadOnlyList<RosterIndex.Batch> Batches { get; }

        /// <summary>
        /// Phase 1: unit rules, one session per unit with the unit and a UnitRecord of it with its
        /// cadres; the cadres as facts of their own only when some rule's patterns can match them.
        /// </summary>
        /// <returns>Each unit's proposals about itself, by unit index.</returns>
        public List<Proposal>[] RunUnits()
        {
            var index = Index;
            var factory = _policy.Rules.UnitSessionFactory;
            var routing = _policy.Rules.UnitProposalRouting;
            var unitProposals = new List<Proposal>[index.Units.Count];
            if (factory is null)
            {
                // No rule can fire on a unit's facts.
                Array.Fill(unitProposals, []);
                return unitProposals;
            }

            bool cadreFacts = _policy.Rules.UnitPhaseNeedsCadres;
            System.Threading.Tasks.Parallel.For(0, index.Units.Count, ParallelOptions, u =>
            {
                var unit = index.Units[u];
                var cadres = index.CadresOf(u);
                var unitFacts = new List<object>(3 + (cadreFacts ? cadres.Length : 0)) { _context, unit, new UnitRecord(_context, unit, cadres) };
                if (cadreFacts)
                {
                    unitFacts.AddRange(cadres);
                }

                // Only the unit's own proposals: a cadre rule that needs no evidence (a host rule, say)
                // also fires here, without the cadre's facts, and must not leak into phase 2.
                var own = new List<Proposal>();
                foreach (var proposal in ProposalSink.Run(factory.CreateSession(), unitFacts, routing, [], null, _cancellationToken))
                {
                    if (proposal.Subject == unit.Id)
                    {
                        own.Add(proposal);
                    }
                }

                unitProposals[u] = own;
            });
            return unitProposals;
        }

        /// <summary>
        /// Phase 2 for one batch: cadre rules in one session of cadres of the same unit, seeded with the
        /// unit's proposals. Each cadre is one CadreRecord fact, inserted only when some rule's
        /// CadreRecord pattern can match it (a proposal finds its cadre's record through the sink, not
        /// through the session: Proposal.Record); its raw records (and the Cadre itself) go in as
        /// separate facts only when some rule's patterns can match them, which the built-in rules
        /// never need (host rules may).
        /// </summary>
        /// <param name="batch">The batch.</param>
        /// <param name="unitProposals">Phase 1's proposals, by unit.</param>
        /// <param name="foreign">Receives the proposals about anything but the batch's own cadres.</param>
        /// <param name="retained">Receives the proposals behind decisions merged from several (<see cref="ProposalMerger.MergeOwn"/>).</param>
        /// <param name="statistics">The outcome statistics of the batch's cadres.</param>
        /// <returns>The decisions about the batch's own cadres, in report order.</returns>
        public List<Decision> RunBatch(RosterIndex.Batch batch, List<Proposal>[] unitProposals, List<Proposal> foreign, List<Proposal> retained, out StatisticsCounter statistics)
        {
            var index = Index;

            // The unit's proposals, of which the session gets those some cadre rule can match (a
            // special inspection, for ASSESS-03).
            IReadOnlyList<Proposal> seeds = batch.Unit >= 0 ? unitProposals[batch.Unit] : [];
            var counter = default(StatisticsCounter);
            var recordFilter = _policy.Rules.CadreRecordFilter;
            var batchFacts = new List<object>(1 + seeds.Count + (batch.Count * (_rawFacts.Any ? 12 : 1))) { _context };
            var own = new Dictionary<string, CadreRecord>(batch.Count, StringComparer.Ordinal);
            for (int i = batch.Start; i < batch.Start + batch.Count; i++)
            {
                var record = index.RecordOf(index.CadreOrder[i], _context);
                if (recordFilter.MayMatch(record))
                {
                    batchFacts.Add(record);
                }

                own.Add(record.Id, record);
                if (_rawFacts.Any)
                {
                    _rawFacts.AddTo(batchFacts, record);
                }

                counter.Add(record, _context);
            }

            var produced = ProposalSink.Run(_policy.Rules.SessionFactory.CreateSession(), batchFacts, _policy.Rules.ProposalRouting, seeds, own, _cancellationToken);
            statistics = counter;

            // Decisions about the batch's own cadres are built here, so that their proposals die with
            // the session instead of living until the end of the evaluation; proposals about anything
            // else (units, or other batches' cadres: host rules may) are merged by the caller.
            return ProposalMerger.MergeOwn(produced, own, foreign, retained);
        }

        /// <summary>The outcome statistics of all batches.</summary>
        public OutcomeStatistics Statistics(IEnumerable<StatisticsCounter> counters)
        {
            var total = default(StatisticsCounter);
            foreach (var counter in counters)
            {
                total.RedPromoted += counter.RedPromoted;
                total.YellowReminded += counter.YellowReminded;
                total.YellowAdjusted += counter.YellowAdjusted;
            }

            return new OutcomeStatistics(_context.StatisticsSince, total.RedPromoted, total.YellowReminded, total.YellowAdjusted);
        }
    }

    /// <inheritdoc />
    public CadreExplanation Explain(Roster roster, string cadreId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(cadreId);
        var report = Evaluate(roster, cancellationToken);
        return CadreExplainer.Explain(roster, report, cadreId, _policies.For(roster.AsOf).Options);
    }

    /// <summary>
    /// Outcome statistics of POLICY.md for the cadres of one batch. Each cadre is in exactly one
    /// batch, so per-batch counts of distinct cadres add up to distinct cadres overall.
    /// </summary>
    private struct StatisticsCounter
    {
        public int RedPromoted;
        public int YellowReminded;
        public int YellowAdjusted;

        public void Add(CadreRecord record, PolicyContext context)
        {
            // Indexed loops: the lists are array segments or list slices, whose interface enumerators allocate.
            bool red = false, reminded = false, adjusted = false;
            var history = record.BoardHistory;
            var measures = record.Measures;
            for (int p = 0; p < history.Count; p++)
            {
                var placement = history[p];
                if (placement.Period.Start < context.StatisticsSince || placement.Period.Start > context.AsOf)
                {
                    continue;
                }

                for (int i = 0; i < measures.Count; i++)
                {
                    var m = measures[i];
                    if (m.Date < placement.Period.Start || m.Date > context.AsOf)
                    {
                        continue;
                    }

                    if (placement.Board == Board.Red)
                    {
                        red |= m.Kind is MeasureKind.Promotion or MeasureKind.RankAdvance;
                    }
                    else
                    {
                        reminded |= m.Kind == MeasureKind.ReminderTalk;
                        adjusted |= m.IsAdjustment;
                    }
                }
            }

            RedPromoted += red ? 1 : 0;
            YellowReminded += reminded ? 1 : 0;
            YellowAdjusted += adjusted ? 1 : 0;
        }
    }
}

/// <summary>
/// The roster grouped for partitioning: cadres by unit, and every cadre's evidence, grades, measures
/// and placements in one flat array per kind with offsets, so that a million cadres cost a few
/// arrays rather than millions of lists. <see cref="RecordOf"/> views a cadre's slices as a
/// <see cref="CadreRecord"/> without copying.
/// </summary>
internal sealed class RosterIndex
{
    private readonly int[] _unitCadreStart;
    private readonly Grouped<Evidence> _evidence;
    private readonly Grouped<AnnualGrade> _grades;
    private readonly Grouped<Measure> _measures;
    private readonly Grouped<BoardPlacement> _boards;

    private RosterIndex(IReadOnlyList<Unit> units, IReadOnlyList<Cadre> cadres, int[] cadreOrder, int[] unitCadreStart,
        Grouped<Evidence> evidence, Grouped<AnnualGrade> grades, Grouped<Measure> measures, Grouped<BoardPlacement> boards)
    {
        Units = units;
        Cadres = cadres;
        CadreOrder = cadreOrder;
        _unitCadreStart = unitCadreStart;
        _evidence = evidence;
        _grades = grades;
        _measures = measures;
        _boards = boards;
    }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyList<Cadre> Cadres { get; }

    /// <summary>Cadre indexes ordered by unit (cadres of unknown units last).</summary>
    public int[] CadreOrder { get; }

    // Runs once per evaluation: optimized at once rather than left to tiered compilation's first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RosterIndex Build(Roster roster, bool parallel = false)
    {
        var problems = new List<string>();
        var units = roster.Units;
        var unitIndex = new Dictionary<string, int>(units.Count, StringComparer.Ordinal);
        for (int u = 0; u < units.Count; u++)
        {
            if (!unitIndex.TryAdd(units[u].Id, u))
            {
                problems.Add($"duplicate unit id '{units[u].Id}'");
            }
        }

        // A roster from RosterReader says how its records came grouped (RosterLayout): those groupings
        // are taken as they are, and a cadre's records are then found without any lookup. The reader
        // checked every id and reference, so there is nothing left to report for them.
        var layout = roster.Layout is { } l && l.Describes(roster) ? l : null;
        var cadres = roster.Cadres;
        int[] cadreOrder, unitCadreStart;
        if (layout?.CadreStarts is { } cadreStarts)
        {
            unitCadreStart = new int[units.Count + 2];
            cadreStarts.CopyTo(unitCadreStart, 0);
            unitCadreStart[units.Count + 1] = cadres.Count;
            cadreOrder = new int[cadres.Count];
            for (int c = 0; c < cadreOrder.Length; c++)
            {
                cadreOrder[c] = c;
            }
        }
        else
        {
            (cadreOrder, unitCadreStart) = GroupCadres(units, cadres, unitIndex, problems);
        }

        Dictionary<string, int>? cadreIndex = null;
        if (layout is not { EvidenceStarts: not null, GradeStarts: not null, MeasureStarts: not null, BoardStarts: not null })
        {
            cadreIndex = new Dictionary<string, int>(cadres.Count, StringComparer.Ordinal);
            for (int c = 0; c < cadres.Count; c++)
            {
                if (!cadreIndex.TryAdd(cadres[c].Id, c) && layout is null)
                {
                    problems.Add($"duplicate cadre id '{cadres[c].Id}'");
                }
            }
        }

        // The four groupings are independent: with parallelism allowed they run side by side, each
        // with its own problem list, joined in a fixed order so the message does not depend on it.
        Grouped<Evidence> evidence = null!;
        Grouped<AnnualGrade> grades = null!;
        Grouped<Measure> measures = null!;
        Grouped<BoardPlacement> boards = null!;
        var found = new List<string>[4];
        Action[] builds =
        [
            () => evidence = Grouped<Evidence>.Build(roster.Evidence, layout?.EvidenceStarts, cadreIndex, e => e.CadreId, e => $"evidence '{e.Id}'", found[0] = []),
            () => grades = Grouped<AnnualGrade>.Build(roster.AnnualGrades, layout?.GradeStarts, cadreIndex, g => g.CadreId,
                g => string.Create(CultureInfo.InvariantCulture, $"annual grade {g.Year}"), found[1] = []),
            () => measures = Grouped<Measure>.Build(roster.Measures, layout?.MeasureStarts, cadreIndex, m => m.CadreId, m => $"measure '{m.Id}'", found[2] = []),
            () => boards = Grouped<BoardPlacement>.Build(roster.BoardHistory, layout?.BoardStarts, cadreIndex, b => b.CadreId, b => $"board placement {b.Period}", found[3] = []),
        ];
        if (parallel)
        {
            Parallel.Invoke(builds);
        }
        else
        {
            foreach (var build in builds)
            {
                build();
            }
        }

        foreach (var list in found)
        {
            problems.AddRange(list);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"The roster is inconsistent ({problems.Count} problem(s)): {string.Join("; ", problems.Take(20))}. Read rosters with RosterReader, which reports every problem with its JSON path.",
                nameof(roster));
        }

        return new RosterIndex(units, cadres, cadreOrder, unitCadreStart, evidence, grades, measures, boards);
    }

    /// <summary>Cadres grouped by unit (a counting sort; cadres of unknown units last).</summary>
    private static (int[] CadreOrder, int[] UnitCadreStart) GroupCadres(IReadOnlyList<Unit> units, IReadOnlyList<Cadre> cadres, Dictionary<string, int> unitIndex, List<string> problems)
    {
        var unitOf = new int[cadres.Count];
        var unitCounts = new int[units.Count + 1];
        for (int c = 0; c < cadres.Count; c++)
        {
            if (!unitIndex.TryGetValue(cadres[c].UnitId, out int u))
            {
                problems.Add($"cadre '{cadres[c].Id}' names unknown unit '{cadres[c].UnitId}'");
                u = units.Count;
            }

            unitOf[c] = u;
            unitCounts[u]++;
        }

        var unitCadreStart = new int[units.Count + 2];
        for (int u = 0; u <= units.Count; u++)
        {
            unitCadreStart[u + 1] = unitCadreStart[u] + unitCounts[u];
        }

        var cadreOrder = new int[cadres.Count];
        var fill = (int[])unitCadreStart.Clone();
        for (int c = 0; c < cadres.Count; c++)
        {
            cadreOrder[fill[unitOf[c]]++] = c;
        }

        return (cadreOrder, unitCadreStart);
    }

    public int CadreCountOf(int unit) => _unitCadreStart[unit + 1] - _unitCadreStart[unit];

    public Cadre[] CadresOf(int unit)
    {
        var cadres = new Cadre[CadreCountOf(unit)];
        for (int i = 0; i < cadres.Length; i++)
        {
            cadres[i] = Cadres[CadreOrder[_unitCadreStart[unit] + i]];
        }

        return cadres;
    }

    public CadreRecord RecordOf(int cadre, PolicyContext policy) =>
        new(policy, Cadres[cadre], _evidence.Of(cadre), _grades.Of(cadre), _measures.Of(cadre), _boards.Of(cadre));

    public IReadOnlyList<Batch> Batches(int size)
    {
        var batches = new List<Batch>();
        for (int u = 0; u < _unitCadreStart.Length - 1; u++)
        {
            int start = _unitCadreStart[u], end = _unitCadreStart[u + 1];
            for (int s = start; s < end; s += size)
            {
                batches.Add(new Batch(u < Units.Count ? u : -1, s, Math.Min(size, end - s)));
            }
        }

        return batches;
    }

    internal readonly record struct Batch(int Unit, int Start, int Count);

    /// <summary>
    /// Items of one kind grouped by cadre: a flat list and each cadre's offset into it. The list is the
    /// roster's own when the reader found it grouped (no copy: at 1M cadres ten million references),
    /// an array grouped here otherwise.
    /// </summary>
    private sealed class Grouped<T>
    {
        private readonly T[]? _array;
        private readonly List<T>? _list;
        private readonly ISliceSource<T>? _source;
        private readonly int[] _start;

        private Grouped(T[] items, int[] start)
        {
            _array = items;
            _start = start;
        }

        private Grouped(List<T> items, int[] start)
        {
            _list = items;
            _start = start;
        }

        private Grouped(ISliceSource<T> items, int[] start)
        {
            _source = items;
            _start = start;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static Grouped<T> Build(IReadOnlyList<T> items, int[]? starts, Dictionary<string, int>? cadreIndex, Func<T, string> owner, Func<T, string> describe, List<string> problems)
        {
            if (starts is not null)
            {
                // Already grouped, in cadre order (RosterLayout): the items as they are, and where they are.
                // Compact evidence (EvidenceStore): each cadre's objects are made when its record is built.
                return items switch
                {
                    List<T> list => new Grouped<T>(list, starts),
                    ISliceSource<T> source => new Grouped<T>(source, starts),
                    _ => new Grouped<T>(items as T[] ?? [.. items], starts),
                };
            }

            // Rows not grouped by cadre: made into objects once here, not at each of the two passes' reads.
            return Build(items is ISliceSource<T> rows ? rows.Slice(0, items.Count) : items, cadreIndex!, owner, describe, problems);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static Grouped<T> Build(IReadOnlyList<T> items, Dictionary<string, int> cadreIndex, Func<T, string> owner, Func<T, string> describe, List<string> problems)
        {
            var owners = new int[items.Count];
            var start = new int[cadreIndex.Count + 2];

            // Records usually come grouped by cadre, and RosterReader gives them their cadre's own id
            // string: the same instance as the previous record's is the same cadre, without a lookup.
            string? lastOwner = null;
            int lastCadre = -1;
            for (int i = 0; i < items.Count; i++)
            {
                string id = owner(items[i]);
                int c = lastCadre;
                if (lastOwner is null || !ReferenceEquals(id, lastOwner))
                {
                    if (!cadreIndex.TryGetValue(id, out c))
                    {
                        problems.Add($"{describe(items[i])} names unknown cadre '{id}'");
                        continue;
                    }

                    lastOwner = id;
                    lastCadre = c;
                }

                owners[i] = c;
                start[c + 1]++;
            }

            if (problems.Count > 0)
            {
                return new Grouped<T>(Array.Empty<T>(), start);
            }

            for (int c = 0; c < cadreIndex.Count; c++)
            {
                start[c + 1] += start[c];
            }

            var grouped = new T[items.Count];
            var next = (int[])start.Clone();
            for (int i = 0; i < items.Count; i++)
            {
                grouped[next[owners[i]]++] = items[i];
            }

            return new Grouped<T>(grouped, start);
        }

        public IReadOnlyList<T> Of(int cadre)
        {
            int count = _start[cadre + 1] - _start[cadre];
            if (count == 0)
            {
                return Array.Empty<T>();
            }

            if (_source is not null)
            {
                return _source.Slice(_start[cadre], count);
            }

            return _array is not null ? new ArraySegment<T>(_array, _start[cadre], count) : new ListSlice<T>(_list!, _start[cadre], count);
        }
    }
}

/// <summary>
/// Which of a cadre's raw facts a rule set can match (host rules over <see cref="Cadre"/>,
/// <see cref="Evidence"/>, …), decided once per evaluation from the rules' patterns.
/// </summary>
internal readonly record struct RawFactKinds(bool Cadre, bool WorkStyle, bool NegativeList, bool KeyTask, bool Attitude, bool Grades, bool Measures, bool Boards)
{
    public bool Any => Cadre || WorkStyle || NegativeList || KeyTask || Attitude || Grades || Measures || Boards;

    public static RawFactKinds For(CadreRuleSet rules) => new(
        rules.Matches(typeof(Cadre)),
        rules.Matches(typeof(WorkStyleEvidence)),
        rules.Matches(typeof(NegativeListEvidence)),
        rules.Matches(typeof(KeyTaskEvidence)),
        rules.Matches(typeof(AttitudeEvidence)),
        rules.Matches(typeof(AnnualGrade)),
        rules.Matches(typeof(Measure)),
        rules.Matches(typeof(BoardPlacement)));

    public void AddTo(List<object> facts, CadreRecord record)
    {
        if (Cadre)
        {
            facts.Add(record.Cadre);
        }

        foreach (var e in record.Evidence)
        {
            if (e.Kind switch
            {
                EvidenceKind.WorkStyle => WorkStyle,
                EvidenceKind.NegativeList => NegativeList,
                EvidenceKind.KeyTask => KeyTask,
                _ => Attitude,
            })
            {
                facts.Add(e);
            }
        }

        if (Grades)
        {
            facts.AddRange(record.Grades);
        }

        if (Measures)
        {
            facts.AddRange(record.Measures);
        }

        if (Boards)
        {
            facts.AddRange(record.BoardHistory);
        }
    }
}
