using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;

namespace CadreRules;

/// <summary>
/// Which rules of a rule set read <see cref="Proposal"/> facts, and which proposals any of their
/// patterns can match, found once per rule set by walking the rules' left-hand sides.
/// </summary>
/// <remarks>
/// A proposal is a fact so that rules can chain on it (a yellow board keeps a cadre off the red
/// board). Most proposals are never matched by any pattern (a reminder talk, a demotion), and an
/// NRules insert costs the same whether or not anything matches: <see cref="MayMatch"/> runs the
/// single-fact ("alpha") conditions of every proposal pattern so that only proposals some pattern
/// can match go into the session. A condition that cannot be evaluated on its own counts as met.
/// </remarks>
internal sealed class ProposalRouting
{
    private readonly Func<Proposal, bool>[][] _patterns;
    private readonly HashSet<string> _readers;

    private ProposalRouting(Func<Proposal, bool>[][] patterns, HashSet<string> readers)
    {
        _patterns = patterns;
        _readers = readers;
    }

    /// <summary>Analyses <paramref name="rules"/>.</summary>
    /// <param name="rules">The active rules.</param>
    /// <returns>The routing.</returns>
    public static ProposalRouting For(IEnumerable<IRuleDefinition> rules)
    {
        var patterns = new List<Func<Proposal, bool>[]>();
        var readers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var found = RulePatterns.Of(rule).FindAll(p => p.ValueType.IsAssignableFrom(typeof(Proposal)));
            if (found.Count == 0)
            {
                continue;
            }

            readers.Add(rule.Name);
            foreach (var pattern in found)
            {
                patterns.Add([.. pattern.Expressions
                    .Where(e => e.Name == PatternElement.ConditionName && e.Expression.Parameters.Count == 1
                        && e.Expression.Parameters[0].Type.IsAssignableFrom(typeof(Proposal)))
                    .Select(e => Compile(e.Expression))]);
            }
        }

        return new ProposalRouting([.. patterns], readers);
    }

    /// <summary>Returns whether <paramref name="rule"/> has a pattern over proposals.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Whether it reads proposals.</returns>
    public bool Reads(IRuleDefinition rule) => Reads(rule.Name);

    /// <summary>Returns whether the rule with id <paramref name="ruleId"/> has a pattern over proposals.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <returns>Whether it reads proposals.</returns>
    public bool Reads(string ruleId) => _readers.Contains(ruleId);

    /// <summary>Returns whether some proposal pattern's single-fact conditions all hold for <paramref name="proposal"/>.</summary>
    /// <param name="proposal">The proposal.</param>
    /// <returns>Whether inserting it can change any rule's matches.</returns>
    public bool MayMatch(Proposal proposal)
    {
        foreach (var conditions in _patterns)
        {
            bool all = true;
            foreach (var condition in conditions)
            {
                if (!condition(proposal))
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

    private static Func<Proposal, bool> Compile(LambdaExpression condition)
    {
        var proposal = Expression.Parameter(typeof(Proposal), "proposal");
        var test = Expression.Lambda<Func<Proposal, bool>>(
            Expression.Invoke(condition, Expression.Convert(proposal, condition.Parameters[0].Type)), proposal).Compile();

        // A condition that throws is left to NRules, which reports it with the rule's name.
        return p =>
        {
            try
            {
                return test(p);
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
/// Fires a session's rules so that proposals are inserted in batches: a rule's
/// <see cref="Rules.RuleContextExtensions.Propose"/> hands its proposal to the current sink, and the
/// pending proposals go into the session with one <c>InsertAll</c> just before a rule that reads
/// proposals fires (or when nothing else is left to fire). Rules that read no proposals cannot be
/// affected by them, so every rule still sees every proposal made before it fires, as with
/// immediate inserts; NRules propagates a batch through each node once.
/// </summary>
internal sealed class ProposalSink
{
    [ThreadStatic]
    private static ProposalSink? t_current;

    private readonly List<Proposal> _pending = [];
    private readonly List<Proposal> _withheld = [];
    private readonly List<object> _insert = [];

    /// <summary>Gets the sink of the session firing on this thread, or <see langword="null"/>.</summary>
    public static ProposalSink? Current => t_current;

    /// <summary>Takes a proposal made by the firing rule.</summary>
    /// <param name="proposal">The proposal.</param>
    public void Add(Proposal proposal) => _pending.Add(proposal);

    /// <summary>
    /// Fires every rule of <paramref name="session"/> and returns the proposals made in it: those in
    /// working memory that were not <paramref name="seeded"/>, and those no pattern could match.
    /// </summary>
    /// <param name="session">The session, with its facts inserted.</param>
    /// <param name="routing">The rule set's proposal routing.</param>
    /// <param name="seeded">Proposals inserted before firing (not returned).</param>
    /// <param name="cancellationToken">Stops firing between rules.</param>
    /// <returns>The proposals made.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static List<Proposal> Fire(ISession session, ProposalRouting routing, IReadOnlyList<Proposal> seeded, CancellationToken cancellationToken)
    {
        var sink = new ProposalSink();
        var previous = t_current;
        t_current = sink;
        try
        {
            var agenda = session.Agenda;
            while (!cancellationToken.IsCancellationRequested)
            {
                bool empty = agenda.IsEmpty;
                if (sink._pending.Count > 0 && (empty || routing.Reads(agenda.Peek().Rule)))
                {
                    sink.Flush(session, routing);
                    continue;
                }

                if (empty)
                {
                    break;
                }

                session.Fire(1, cancellationToken);
            }
        }
        finally
        {
            t_current = previous;
        }

        // NRules stops firing on cancellation without throwing; a session cut short must not
        // pass for a finished one (the last session of an evaluation would otherwise yield a
        // partial report).
        cancellationToken.ThrowIfCancellationRequested();

        var produced = sink._withheld;
        foreach (var proposal in session.Query<Proposal>())
        {
            if (!Contains(seeded, proposal))
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

    private void Flush(ISession session, ProposalRouting routing)
    {
        _insert.Clear();
        foreach (var proposal in _pending)
        {
            if (routing.MayMatch(proposal))
            {
                _insert.Add(proposal);
            }
            else
            {
                _withheld.Add(proposal);
            }
        }

        _pending.Clear();
        if (_insert.Count > 0)
        {
            session.InsertAll(_insert);
        }
    }
}
