using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;

namespace CadreRules;

/// <summary>
/// Which facts of type <typeparamref name="T"/> some pattern of a rule set can match, judged by each
/// pattern's single-fact ("alpha") conditions, found once per rule set by walking the rules'
/// left-hand sides (into Not, Exists, aggregates and queries).
/// </summary>
/// <remarks>
/// An NRules insert costs the same whether or not anything matches, so the evaluator inserts only
/// facts that can make a difference: a fact that fails some condition of every pattern it could feed
/// never reaches any pattern's memory, inserted or not. A condition that cannot be evaluated on its
/// own (it reads another pattern's fact) counts as met, and so does one that throws: the fact is then
/// inserted and NRules evaluates the condition and reports the failure with the rule's name.
/// </remarks>
/// <typeparam name="T">The fact type.</typeparam>
internal sealed class FactFilter<T>
{
    private readonly Func<T, bool>[][] _patterns;

    private FactFilter(Func<T, bool>[][] patterns)
    {
        _patterns = patterns;
        PassesAll = Array.Exists(patterns, conditions => conditions.Length == 0);
    }

    /// <summary>Gets whether some pattern has no single-fact condition, so that every fact may match.</summary>
    public bool PassesAll { get; }

    /// <summary>A filter that passes what any of <paramref name="filters"/> passes (their patterns together, not compiled again).</summary>
    /// <param name="filters">The filters.</param>
    /// <returns>The union.</returns>
    public static FactFilter<T> Union(IEnumerable<FactFilter<T>> filters) => new([.. filters.SelectMany(f => f._patterns)]);

    /// <summary>Analyses the patterns over <typeparamref name="T"/> of <paramref name="rules"/>.</summary>
    /// <param name="rules">The active rules.</param>
    /// <returns>The filter.</returns>
    public static FactFilter<T> For(IEnumerable<IRuleDefinition> rules)
    {
        var patterns = new List<Func<T, bool>[]>();
        foreach (var rule in rules)
        {
            foreach (var pattern in RulePatterns.Of(rule).FindAll(p => p.ValueType.IsAssignableFrom(typeof(T))))
            {
                patterns.Add([.. pattern.Expressions
                    .Where(e => e.Name == PatternElement.ConditionName && e.Expression.Parameters.Count == 1
                        && e.Expression.Parameters[0].Type.IsAssignableFrom(typeof(T)))
                    .Select(e => Compile(e.Expression))]);
            }
        }

        return new FactFilter<T>([.. patterns]);
    }

    /// <summary>Returns whether some pattern's single-fact conditions all hold for <paramref name="fact"/>.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>Whether inserting it can change any rule's matches.</returns>
    public bool MayMatch(T fact)
    {
        if (PassesAll)
        {
            return true;
        }

        foreach (var conditions in _patterns)
        {
            bool all = true;
            foreach (var condition in conditions)
            {
                if (!condition(fact))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static Func<T, bool> Compile(LambdaExpression condition)
    {
        var fact = Expression.Parameter(typeof(T), "fact");
        var test = Expression.Lambda<Func<T, bool>>(
            Expression.Invoke(condition, Expression.Convert(fact, condition.Parameters[0].Type)), fact).Compile();

        // A condition that throws is left to NRules, which reports it with the rule's name.
        return f =>
        {
            try
            {
                return test(f);
            }
#pragma warning disable CA1031 // The exception is NRules' to report: the fact is inserted and the condition re-evaluated there.
            catch (Exception)
#pragma warning restore CA1031
            {
                return true;
            }
        };
    }
}

/// <summary>
/// Which rules of a rule set read <see cref="Proposal"/> facts, and which proposals any of their
/// patterns can match (<see cref="FactFilter{T}"/>).
/// </summary>
/// <remarks>
/// A proposal is a fact so that rules can chain on it (a yellow board keeps a cadre off the red
/// board). Most proposals are never matched by any pattern (a reminder talk, a demotion); those go
/// straight to the merge instead of into the session.
/// </remarks>
internal sealed class ProposalRouting
{
    private readonly FactFilter<Proposal> _filter;
    private readonly HashSet<string> _readers;
    private readonly (int Priority, FactFilter<Proposal> Filter)[] _byPriority;

    private ProposalRouting(HashSet<string> readers, (int Priority, FactFilter<Proposal> Filter)[] byPriority)
    {
        _filter = FactFilter<Proposal>.Union(byPriority.Select(r => r.Filter));
        _readers = readers;
        _byPriority = byPriority;
    }

    /// <summary>Analyses <paramref name="rules"/>.</summary>
    /// <param name="rules">The active rules.</param>
    /// <returns>The routing.</returns>
    public static ProposalRouting For(IEnumerable<IRuleDefinition> rules)
    {
        var readers = rules.Where(rule => RulePatterns.Of(rule).Exists(p => p.ValueType.IsAssignableFrom(typeof(Proposal)))).ToList();
        return new ProposalRouting(
            new HashSet<string>(readers.Select(rule => rule.Name), StringComparer.Ordinal),
            [.. readers.Select(rule => (rule.Priority, FactFilter<Proposal>.For([rule]))).OrderByDescending(r => r.Priority)]);
    }

    /// <summary>
    /// Returns the highest priority of a rule with a proposal pattern that <paramref name="proposal"/>
    /// may match, or <see cref="int.MinValue"/> when no pattern can match it (then it need never go
    /// into a session). The session's sink computes it once per proposal, when the proposal is made.
    /// </summary>
    /// <param name="proposal">The proposal.</param>
    /// <returns>The priority.</returns>
    public int Reach(Proposal proposal)
    {
        foreach (var (readerPriority, filter) in _byPriority)
        {
            if (filter.MayMatch(proposal))
            {
                return readerPriority;
            }
        }

        return int.MinValue;
    }

    /// <summary>
    /// Returns whether the proposals made and not yet inserted must go into the session before the
    /// rule <paramref name="next"/> fires (the activation at the top of the agenda): whether one of them
    /// may match a proposal pattern of a rule of <paramref name="next"/>'s priority or higher. Inserted
    /// then, such a proposal could change <paramref name="next"/>'s own matches, or give an activation
    /// that would fire before it; any other can only touch rules of lower priority, which fire after
    /// <paramref name="next"/> either way, so it waits for a later insert with the proposals made meanwhile.
    /// </summary>
    /// <param name="next">The rule about to fire.</param>
    /// <param name="pendingReach">The highest <see cref="Reach"/> of the proposals not yet inserted.</param>
    /// <returns>Whether to insert them first.</returns>
    public bool MustInsertBefore(IRuleDefinition next, int pendingReach) =>

        // A rule without a proposal pattern cannot see proposals (rule ids are unique in a rule set).
        pendingReach >= next.Priority && _readers.Contains(next.Name);

    /// <summary>Returns whether the rule with id <paramref name="ruleId"/> has a pattern over proposals.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <returns>Whether it reads proposals.</returns>
    public bool Reads(string ruleId) => _readers.Contains(ruleId);

    /// <summary>Returns whether some proposal pattern's single-fact conditions all hold for <paramref name="proposal"/>.</summary>
    /// <param name="proposal">The proposal.</param>
    /// <returns>Whether inserting it can change any rule's matches.</returns>
    public bool MayMatch(Proposal proposal) => _filter.MayMatch(proposal);
}

/// <summary>
/// Runs a session of the evaluator: inserts its facts, then fires its rules so that proposals are
/// inserted in batches: a rule's <see cref="Rules.RuleContextExtensions.Propose"/> hands its proposal
/// to the current sink, and the pending proposals go into the session with one <c>InsertAll</c> just
/// before a rule fires that one of them could affect (<see cref="ProposalRouting.MustInsertBefore"/>),
/// or when nothing else is left to fire. Every rule still sees every proposal made before it fires, and
/// fires in the order immediate inserts would give; NRules propagates a batch through each node once.
/// </summary>
/// <remarks>
/// In a cadre session the sink also knows the batch's <see cref="CadreRecord"/>s by cadre id, so that
/// a proposal in the session finds its subject's record (<see cref="Proposal.Record"/>) without a join
/// over every record of the session.
/// </remarks>
internal sealed class ProposalSink
{
    [ThreadStatic]
    private static ProposalSink? t_current;

    private readonly Dictionary<string, CadreRecord>? _records;
    private readonly ProposalRouting? _routing;

    // Proposals made and not yet inserted that some pattern may match, and the highest priority of
    // a rule that may read one of them (ProposalRouting.Reach).
    private readonly List<Proposal> _pending = [];
    private int _pendingReach = int.MinValue;

    // Proposals no pattern can match: never inserted, returned with the session's.
    private readonly List<Proposal> _withheld = [];

    private ProposalSink(Dictionary<string, CadreRecord>? records, ProposalRouting? routing)
    {
        _records = records;
        _routing = routing;
    }

    /// <summary>Gets the sink of the session running on this thread, or <see langword="null"/>.</summary>
    public static ProposalSink? Current => t_current;

    /// <summary>Returns the record of the session's cadre <paramref name="cadreId"/>, or <see langword="null"/>.</summary>
    /// <param name="cadreId">A proposal's subject.</param>
    /// <returns>The record, when the cadre is one of the session's batch.</returns>
    public CadreRecord? RecordOf(string cadreId) =>
        _records is not null && _records.TryGetValue(cadreId, out var record) ? record : null;

    /// <summary>Takes a proposal made by the firing rule.</summary>
    /// <param name="proposal">The proposal.</param>
    public void Add(Proposal proposal)
    {
        int reach = _routing is null ? int.MaxValue : _routing.Reach(proposal);
        if (reach == int.MinValue)
        {
            _withheld.Add(proposal);
            return;
        }

        _pending.Add(proposal);
        _pendingReach = Math.Max(_pendingReach, reach);
    }

    /// <summary>
    /// Makes a sink with <paramref name="records"/> current on this thread until the scope is disposed:
    /// <see cref="Proposal.Record"/> resolves among them, and routing conditions that read it are
    /// evaluated as in a session over that batch.
    /// </summary>
    /// <param name="records">The batch's cadre records by cadre id; <see langword="null"/> for none.</param>
    /// <param name="routing">The rule set's proposal routing, which the sink asks once per proposal made.</param>
    /// <returns>The scope, which restores the previous sink.</returns>
    public static Scope Enter(Dictionary<string, CadreRecord>? records, ProposalRouting? routing = null)
    {
        var scope = new Scope(t_current, new ProposalSink(records, routing));
        t_current = scope.Sink;
        return scope;
    }

    /// <summary>
    /// Inserts <paramref name="facts"/> and those of <paramref name="seeds"/> that some pattern can
    /// match into <paramref name="session"/>, fires every rule and returns the proposals made in it:
    /// those in working memory that were not seeds, and those no pattern could match.
    /// </summary>
    /// <param name="session">A new session.</param>
    /// <param name="facts">The session's facts other than the seeds; the inserted seeds are added to it.</param>
    /// <param name="routing">The rule set's proposal routing.</param>
    /// <param name="seeds">Proposals made before the session (the unit's, in a cadre session); never returned.</param>
    /// <param name="records">The batch's cadre records by cadre id in a cadre session; <see langword="null"/> in a unit session.</param>
    /// <param name="cancellationToken">Stops firing between rules.</param>
    /// <returns>The proposals made.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static List<Proposal> Run(ISession session, List<object> facts, ProposalRouting routing, IReadOnlyList<Proposal> seeds,
        Dictionary<string, CadreRecord>? records, CancellationToken cancellationToken)
    {
        ProposalSink sink;
        using (var scope = Enter(records, routing))
        {
            sink = scope.Sink;

            // Seeds are routed here, with the batch's records current: a pattern may ask for the
            // subject's record (Proposal.Record).
            foreach (var seed in seeds)
            {
                if (routing.MayMatch(seed))
                {
                    facts.Add(seed);
                }
            }

            // One InsertAll: NRules propagates a batch through each node once, where fact-by-fact
            // inserts would re-run every aggregate per fact.
            session.InsertAll(facts);
            var agenda = session.Agenda;
            while (!cancellationToken.IsCancellationRequested)
            {
                bool empty = agenda.IsEmpty;
                if (sink._pending.Count > 0 && (empty || routing.MustInsertBefore(agenda.Peek().Rule, sink._pendingReach)))
                {
                    sink.Flush(session);
                    continue;
                }

                if (empty)
                {
                    break;
                }

                session.Fire(1, cancellationToken);
            }
        }

        // NRules stops firing on cancellation without throwing; a session cut short must not
        // pass for a finished one (the last session of an evaluation would otherwise yield a
        // partial report).
        cancellationToken.ThrowIfCancellationRequested();

        var produced = sink._withheld;
        foreach (var proposal in session.Query<Proposal>())
        {
            if (!Contains(seeds, proposal))
            {
                produced.Add(proposal);
            }
        }

        return produced;
    }

    private static bool Contains(IReadOnlyList<Proposal> proposals, Proposal proposal)
    {
        foreach (var p in proposals)
        {
            if (ReferenceEquals(p, proposal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sink made current by <see cref="Enter"/>; disposing it restores the previous one.</summary>
    /// <param name="previous">The sink current before.</param>
    /// <param name="sink">The sink made current.</param>
    internal readonly struct Scope(ProposalSink? previous, ProposalSink sink) : IDisposable
    {
        /// <summary>Gets the sink made current.</summary>
        public ProposalSink Sink => sink;

        /// <inheritdoc />
        public void Dispose() => t_current = previous;
    }

    private void Flush(ISession session)
    {
        session.InsertAll(_pending);
        _pending.Clear();
        _pendingReach = int.MinValue;
    }
}
