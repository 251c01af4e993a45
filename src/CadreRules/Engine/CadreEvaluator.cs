using System.Globalization;
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
public sealed class CadreEvaluator : ICadreEvaluator
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
            evaluation.Completed(report);
            return report;
        }
        catch (Exception ex)
        {
            evaluation.Failed(ex);
            throw;
        }
    }

    private AssessmentReport Evaluate(Roster roster, CadrePolicy policy, CancellationToken cancellationToken)
    {
        var context = new PolicyContext(roster.Period, roster.AsOf, policy.Options);
        var index = RosterIndex.Build(roster);
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = _engine.MaxDegreeOfParallelism,
        };
        var factory = policy.Rules.SessionFactory;

        // Phase 1: unit rules, one session per unit with the unit and its cadres.
        var unitProposals = new List<Proposal>[index.Units.Count];
        Parallel.For(0, index.Units.Count, parallel, u =>
        {
            var session = factory.CreateSession();
            session.Insert(context);
            session.Insert(index.Units[u]);
            session.InsertAll(index.CadresOfUnit(u));
            session.Fire(cancellationToken);

            // Only the unit's own proposals: a cadre rule that needs no evidence (a host rule, say)
            // also fires here, without the cadre's facts, and must not leak into phase 2.
            string unitId = index.Units[u].Id;
            unitProposals[u] = session.Query<Proposal>().Where(p => p.Subject == unitId).ToList();
        });

        // Phase 2: cadre rules, one session per batch of cadres of the same unit.
        var batches = index.Batches(_engine.CadresPerSession);
        var cadreProposals = new List<Proposal>[batches.Count];
        var statistics = new StatisticsCounter[batches.Count];
        Parallel.For(0, batches.Count, parallel, b =>
        {
            var batch = batches[b];
            var seeded = batch.Unit >= 0 ? unitProposals[batch.Unit] : [];
            var session = factory.CreateSession();
            session.Insert(context);
            session.InsertAll(seeded);
            var counter = default(StatisticsCounter);
            for (int i = batch.Start; i < batch.Start + batch.Count; i++)
            {
                int cadre = index.CadreOrder[i];
                session.Insert(index.Cadres[cadre]);
                var facts = index.FactsOf(cadre);
                session.InsertAll(facts.ToArray());
                counter.Add(facts.Span, context);
            }

            session.Fire(cancellationToken);
            var produced = new List<Proposal>();
            foreach (var proposal in session.Query<Proposal>())
            {
                if (!seeded.Contains(proposal))
                {
                    produced.Add(proposal);
                }
            }

            cadreProposals[b] = produced;
            statistics[b] = counter;
        });

        var decisions = ProposalMerger.Merge(unitProposals.Concat(cadreProposals).SelectMany(p => p));
        var total = default(StatisticsCounter);
        foreach (var counter in statistics)
        {
            total.RedPromoted += counter.RedPromoted;
            total.YellowReminded += counter.YellowReminded;
            total.YellowAdjusted += counter.YellowAdjusted;
        }

        return new AssessmentReport(policy.Name, policy.Version, roster.Period, roster.AsOf, decisions,
            new OutcomeStatistics(context.StatisticsSince, total.RedPromoted, total.YellowReminded, total.YellowAdjusted));
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

        public void Add(ReadOnlySpan<object> facts, PolicyContext context)
        {
            bool red = false, reminded = false, adjusted = false;
            foreach (var fact in facts)
            {
                if (fact is not BoardPlacement placement || placement.Period.Start < context.StatisticsSince || placement.Period.Start > context.AsOf)
                {
                    continue;
                }

                foreach (var other in facts)
                {
                    if (other is not Measure m || m.Date < placement.Period.Start || m.Date > context.AsOf)
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
/// The roster grouped for partitioning: cadres by unit and every cadre's facts in one flat array
/// with offsets, so that a million cadres cost a few arrays rather than a million lists.
/// </summary>
internal sealed class RosterIndex
{
    private readonly int[] _unitCadreStart;
    private readonly object[] _facts;
    private readonly int[] _factStart;

    private RosterIndex(IReadOnlyList<Unit> units, IReadOnlyList<Cadre> cadres, int[] cadreOrder, int[] unitCadreStart, object[] facts, int[] factStart)
    {
        Units = units;
        Cadres = cadres;
        CadreOrder = cadreOrder;
        _unitCadreStart = unitCadreStart;
        _facts = facts;
        _factStart = factStart;
    }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyList<Cadre> Cadres { get; }

    /// <summary>Cadre indexes ordered by unit (cadres of unknown units last).</summary>
    public int[] CadreOrder { get; }

    public static RosterIndex Build(Roster roster)
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

        var cadres = roster.Cadres;
        var cadreIndex = new Dictionary<string, int>(cadres.Count, StringComparer.Ordinal);
        var unitOf = new int[cadres.Count];
        var unitCounts = new int[units.Count + 1];
        for (int c = 0; c < cadres.Count; c++)
        {
            if (!cadreIndex.TryAdd(cadres[c].Id, c))
            {
                problems.Add($"duplicate cadre id '{cadres[c].Id}'");
            }

            if (!unitIndex.TryGetValue(cadres[c].UnitId, out int u))
            {
                problems.Add($"cadre '{cadres[c].Id}' names unknown unit '{cadres[c].UnitId}'");
                u = units.Count;
            }

            unitOf[c] = u;
            unitCounts[u]++;
        }

        // Counting sort of cadres by unit.
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

        // Facts per cadre, flat.
        var factCounts = new int[cadres.Count + 1];
        int Owner(string cadreId, string what)
        {
            if (cadreIndex.TryGetValue(cadreId, out int c))
            {
                return c;
            }

            problems.Add($"{what} names unknown cadre '{cadreId}'");
            return -1;
        }

        var owners = new int[roster.Evidence.Count + roster.AnnualGrades.Count + roster.Measures.Count + roster.BoardHistory.Count];
        int k = 0;
        foreach (var e in roster.Evidence)
        {
            owners[k++] = Owner(e.CadreId, $"evidence '{e.Id}'");
        }

        foreach (var g in roster.AnnualGrades)
        {
            owners[k++] = Owner(g.CadreId, string.Create(CultureInfo.InvariantCulture, $"annual grade {g.Year}"));
        }

        foreach (var m in roster.Measures)
        {
            owners[k++] = Owner(m.CadreId, $"measure '{m.Id}'");
        }

        foreach (var b in roster.BoardHistory)
        {
            owners[k++] = Owner(b.CadreId, $"board placement {b.Period}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"The roster is inconsistent ({problems.Count} problem(s)): {string.Join("; ", problems.Take(20))}. Read rosters with RosterReader, which reports every problem with its JSON path.",
                nameof(roster));
        }

        foreach (int owner in owners)
        {
            factCounts[owner]++;
        }

        var factStart = new int[cadres.Count + 1];
        for (int c = 0; c < cadres.Count; c++)
        {
            factStart[c + 1] = factStart[c] + factCounts[c];
        }

        var facts = new object[owners.Length];
        var next = (int[])factStart.Clone();
        k = 0;
        foreach (var e in roster.Evidence)
        {
            facts[next[owners[k++]]++] = e;
        }

        foreach (var g in roster.AnnualGrades)
        {
            facts[next[owners[k++]]++] = g;
        }

        foreach (var m in roster.Measures)
        {
            facts[next[owners[k++]]++] = m;
        }

        foreach (var b in roster.BoardHistory)
        {
            facts[next[owners[k++]]++] = b;
        }

        return new RosterIndex(units, cadres, cadreOrder, unitCadreStart, facts, factStart);
    }

    public IEnumerable<Cadre> CadresOfUnit(int unit)
    {
        for (int i = _unitCadreStart[unit]; i < _unitCadreStart[unit + 1]; i++)
        {
            yield return Cadres[CadreOrder[i]];
        }
    }

    public ReadOnlyMemory<object> FactsOf(int cadre) => _facts.AsMemory(_factStart[cadre], _factStart[cadre + 1] - _factStart[cadre]);

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
}
