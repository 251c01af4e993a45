using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CadreRules;

/// <summary>
/// Merges proposals into decisions (POLICY.md, "Decision kinds"): one per kind and subject (and
/// category for negative-list entries), listing every supporting rule, the union of evidence, the
/// reasons in rule order and the merged details; then sorts as REPORT-FORMAT.md requires.
/// </summary>
/// <remarks>
/// One sort does both jobs: the proposals are sorted by the report's order (subject, kind,
/// category) and, within a decision, by rule id and reason, so that a single pass over the sorted
/// array meets each decision's proposals together and emits the decisions already in report order.
/// Most decisions have one proposal; they cost a sorted copy of the evidence and nothing else.
/// </remarks>
internal static class ProposalMerger
{
    /// <summary>Merges proposals that were gathered as several lists (one per session).</summary>
    /// <param name="lists">The proposals.</param>
    /// <param name="parallel">Whether the sort and the merge may use two threads.</param>
    public static IReadOnlyList<Decision> Merge(IReadOnlyList<IReadOnlyList<Proposal>> lists, bool parallel = false)
    {
        int count = 0;
        foreach (var list in lists)
        {
            count += list.Count;
        }

        var entries = new Entry[count];
        int n = 0;
        foreach (var list in lists)
        {
            foreach (var proposal in list)
            {
                entries[n++] = new Entry(proposal);
            }
        }

        return parallel && count >= ParallelThreshold ? MergeInHalves(entries) : Merge(entries);
    }

    /// <summary>
    /// Builds, inside one cadre session, the decisions about the session's own cadres
    /// (<paramref name="own"/>), in report order; the other proposals (about units, or about cadres of
    /// other sessions, which host rules may make) go to <paramref name="foreign"/> for
    /// <see cref="Combine"/>. A session's proposals then die young instead of living until the end of
    /// the evaluation. The proposals behind a decision that merges several of them go to
    /// <paramref name="retained"/>: <see cref="Unmerge"/> needs them should the decision have to be
    /// merged again.
    /// </summary>
    /// <typeparam name="TValue">What <paramref name="own"/> maps the session's cadre ids to (their records).</typeparam>
    public static List<Decision> MergeOwn<TValue>(List<Proposal> proposals, Dictionary<string, TValue> own, List<Proposal> foreign, List<Proposal> retained)
    {
        var entries = new Entry[proposals.Count];
        int n = 0;
        foreach (var proposal in proposals)
        {
            if (own.ContainsKey(proposal.Subject))
            {
                entries[n++] = new Entry(proposal);
            }
            else
            {
                foreign.Add(proposal);
            }
        }

        var span = entries.AsSpan(0, n);
        span.Sort(default(EntryComparer));
        var decisions = new List<Decision>(n);
        Build(entries, 0, n, decisions, retained);
        return decisions;
    }

    /// <summary>
    /// The proposals behind own decisions of <see cref="MergeOwn"/>, for merging everything again: the
    /// retained ones, and for each decision made from a single proposal, that proposal as the decision
    /// gives it back (same rule, kind, subject, reason and details; its evidence sorted and distinct,
    /// which merges the same).
    /// </summary>
    public static IEnumerable<Proposal> Unmerge(IReadOnlyList<Decision> decisions, IReadOnlyList<Proposal> retained)
    {
        var merged = new HashSet<(string Subject, string Kind, string? Category)>();
        foreach (var proposal in retained)
        {
            merged.Add((proposal.Subject, proposal.Kind.Name, proposal.Category));
            yield return proposal;
        }

        foreach (var decision in decisions)
        {
            if (!merged.Contains((decision.Subject, decision.Kind.Name, decision.Category)))
            {
                yield return new Proposal(decision.Rules[0], decision.Kind, decision.Subject, decision.Reasons[0], decision.Evidence, decision.Details);
            }
        }
    }

    /// <summary>
    /// Puts the sessions' own decisions (<see cref="MergeOwn"/>, each list in report order) and the
    /// decisions merged from the remaining proposals into one list in report order. Returns
    /// <see langword="null"/> when a remaining proposal belongs to the same decision as an own decision
    /// (a host rule proposed about a cadre of another session): that decision needs both sessions'
    /// proposals, and the caller merges all proposals instead.
    /// </summary>
    public static List<Decision>? Combine(IReadOnlyList<List<Decision>> own, IReadOnlyList<IReadOnlyList<Proposal>> foreign, bool parallel, int parallelMinimum = ParallelThreshold)
    {
        var offsets = new int[own.Count + 1];
        for (int i = 0; i < own.Count; i++)
        {
            offsets[i + 1] = offsets[i] + own[i].Count;
        }

        int count = offsets[own.Count];

        // Sessions go unit by unit; when cadre ids ascend with them (as generated rosters list them)
        // the concatenation is already in report order, which one pass confirms: each session's list
        // (on both cores for a large evaluation: this runs while nothing else does), then the seams.
        var keyed = new DecisionEntry[count];
        int unsorted = 0;
        void Key(int i)
        {
            var list = own[i];
            int at = offsets[i];
            for (int j = 0; j < list.Count; j++)
            {
                keyed[at + j] = new DecisionEntry(list[j]);
                if (j > 0 && DecisionEntry.Compare(keyed[at + j - 1], keyed[at + j]) >= 0)
                {
                    Volatile.Write(ref unsorted, 1);
                }
            }
        }

        if (parallel && count >= parallelMinimum)
        {
            Parallel.For(0, own.Count, Key);
        }
        else
        {
            for (int i = 0; i < own.Count; i++)
            {
                Key(i);
            }
        }

        bool sorted = unsorted == 0;
        for (int i = 1; sorted && i < own.Count; i++)
        {
            int at = offsets[i];
            sorted = at == 0 || at == count || DecisionEntry.Compare(keyed[at - 1], keyed[at]) < 0;
        }

        if (!sorted)
        {
            keyed.AsSpan().Sort(default(DecisionEntryComparer));
        }

        var others = Merge(foreign, parallel);
        return MergeSorted(keyed, others, 0, others.Count);
    }

    /// <summary>
    /// Puts <paramref name="own"/> (in report order) and <paramref name="others"/>[<paramref name="from"/>,
    /// <paramref name="to"/>) (in report order) into one list in report order, as <see cref="Combine"/>
    /// does. Returns <see langword="null"/> when two of them are the same decision (same subject, kind
    /// and category), which only a merge of their proposals can build.
    /// </summary>
    public static List<Decision>? Interleave(List<Decision> own, IReadOnlyList<Decision> others, int from, int to)
    {
        if (from == to)
        {
            return own;
        }

        var keyed = new DecisionEntry[own.Count];
        for (int i = 0; i < keyed.Length; i++)
        {
            keyed[i] = new DecisionEntry(own[i]);
        }

        return MergeSorted(keyed, others, from, to);
    }

    /// <summary>
    /// Merges <paramref name="own"/> and <paramref name="others"/>[<paramref name="from"/>, <paramref name="to"/>),
    /// each in report order, into one list in report order; <see langword="null"/> when an own decision
    /// and another are the same decision.
    /// </summary>
    private static List<Decision>? MergeSorted(DecisionEntry[] own, IReadOnlyList<Decision> others, int from, int to)
    {
        var combined = new List<Decision>(own.Length + (to - from));
        int a = 0;
        for (int i = from; i < to; i++)
        {
            var other = new DecisionEntry(others[i]);
            int c;
            while (a < own.Length && (c = DecisionEntry.Compare(own[a], other)) <= 0)
            {
                if (c == 0)
                {
                    return null;
                }

                combined.Add(own[a++].Decision);
            }

            combined.Add(others[i]);
        }

        while (a < own.Length)
        {
            combined.Add(own[a++].Decision);
        }

        return combined;
    }

    /// <summary>Below this many proposals a second thread costs more than it saves.</summary>
    private const int ParallelThreshold = 16_384;

    /// <summary>
    /// The same result as <see cref="Merge(Entry[])"/> on two threads: each half is sorted on its own,
    /// the halves are merged in one pass, and the decisions are built in two runs split at a
    /// decision boundary.
    /// </summary>
    private static List<Decision> MergeInHalves(Entry[] entries)
    {
        int half = entries.Length / 2;
        Parallel.Invoke(
            () => entries.AsSpan(0, half).Sort(default(EntryComparer)),
            () => entries.AsSpan(half).Sort(default(EntryComparer)));
        var sorted = new Entry[entries.Length];
        int a = 0, b = half, o = 0;
        while (a < half && b < entries.Length)
        {
            sorted[o++] = EntryComparer.Order(entries[b], entries[a]) < 0 ? entries[b++] : entries[a++];
        }

        Array.Copy(entries, a, sorted, o, half - a);
        o += half - a;
        Array.Copy(entries, b, sorted, o, entries.Length - b);

        int split = sorted.Length / 2;
        while (split < sorted.Length && SameDecision(sorted[split - 1], sorted[split]))
        {
            split++;
        }

        var first = new List<Decision>(split);
        var second = new List<Decision>(sorted.Length - split);
        Parallel.Invoke(() => Build(sorted, 0, split, first), () => Build(sorted, split, sorted.Length, second));
        first.AddRange(second);
        return first;
    }

    private static List<Decision> Merge(Entry[] entries)
    {
        entries.AsSpan().Sort(default(EntryComparer));
        var decisions = new List<Decision>(entries.Length);
        Build(entries, 0, entries.Length, decisions);
        return decisions;
    }

    /// <summary>Builds the decisions of sorted entries [<paramref name="from"/>, <paramref name="to"/>), which start and end at decision boundaries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Build(Entry[] entries, int from, int to, List<Decision> decisions, List<Proposal>? retained = null)
    {
        int start = from;
        while (start < to)
        {
            int end = start + 1;
            while (end < to && SameDecision(entries[start], entries[end]))
            {
                end++;
            }

            if (end - start == 1)
            {
                decisions.Add(Single(entries[start].Proposal));
            }
            else
            {
                decisions.Add(Merged(entries, start, end));
                for (int i = start; i < end && retained is not null; i++)
                {
                    retained.Add(entries[i].Proposal);
                }
            }

            start = end;
        }
    }

    private static bool SameDecision(in Entry a, in Entry b) =>
        EntryComparer.CompareSubjects(a, b) == 0
        && string.Equals(a.Proposal.Kind.Name, b.Proposal.Kind.Name, StringComparison.Ordinal)
        && string.Equals(a.Proposal.Category, b.Proposal.Category, StringComparison.Ordinal);

    private static Decision Single(Proposal proposal) =>
        new(proposal.Kind, proposal.Subject, [proposal.RuleId], SortedDistinct(proposal.Evidence), [proposal.Reason], DetailMap.Of(proposal.Details));

    private static Decision Merged(Entry[] entries, int start, int end)
    {
        var first = entries[start].Proposal;
        var rules = new List<string>(end - start);
        var evidence = new List<string>();
        var reasons = new List<string>(end - start);
        var details = new Dictionary<string, object>(StringComparer.Ordinal);
        Dictionary<string, int>? setBy = null;
        for (int i = start; i < end; i++)
        {
            var proposal = entries[i].Proposal;

            // Sorted by rule id, so equal ids are adjacent.
            if (rules.Count == 0 || !string.Equals(rules[^1], proposal.RuleId, StringComparison.Ordinal))
            {
                rules.Add(proposal.RuleId);
            }

            evidence.AddRange(proposal.Evidence);
            if (!reasons.Contains(proposal.Reason))
            {
                reasons.Add(proposal.Reason);
            }

            // DetailMap.Of sorts and de-duplicates the lists once, at the end. A single value comes from
            // the first proposal in rule-id and reason order; proposals equal in both are in no
            // particular order after the sort, so among them the ordinally smallest value wins.
            foreach (var (key, value) in proposal.Details)
            {
                if (!details.TryGetValue(key, out var existing))
                {
                    details[key] = value;
                    (setBy ??= new(StringComparer.Ordinal))[key] = i;
                }
                else if (existing is IEnumerable<string> a && value is IEnumerable<string> b)
                {
                    details[key] = a.Concat(b).ToArray();
                }
                else if (setBy![key] is int setter && SameRuleAndReason(entries[setter].Proposal, proposal)
                    && string.CompareOrdinal(DetailKeys.Format(value), DetailKeys.Format(existing)) < 0)
                {
                    details[key] = value;
                    setBy[key] = i;
                }
            }
        }

        return new Decision(first.Kind, first.Subject, rules, SortedDistinct(evidence), reasons, DetailMap.Of(details));
    }

    private static bool SameRuleAndReason(Proposal a, Proposal b) =>
        string.Equals(a.RuleId, b.RuleId, StringComparison.Ordinal) && string.Equals(a.Reason, b.Reason, StringComparison.Ordinal);

    /// <summary>The items sorted ordinally, each once.</summary>
    internal static IReadOnlyList<string> SortedDistinct(IEnumerable<string> items)
    {
        string[] array = [.. items];
        if (array.Length < 2)
        {
            return array;
        }

        Array.Sort(array, StringComparer.Ordinal);
        int kept = 1;
        for (int i = 1; i < array.Length; i++)
        {
            if (!string.Equals(array[i], array[kept - 1], StringComparison.Ordinal))
            {
                array[kept++] = array[i];
            }
        }

        return kept == array.Length ? array : array[..kept];
    }

    /// <summary>
    /// A subject packed into two integers that order as the string does (<see cref="PackedAscii"/>; other
    /// subjects compare as strings): most comparisons of a sort are between different subjects, and
    /// they then cost two integer comparisons instead of a string comparison through two references.
    /// </summary>
    private readonly struct SubjectKey
    {
        private readonly ulong _high;
        private readonly ulong _low;

        public SubjectKey(string subject) => (_high, _low) = PackedAscii.Pack(subject);

        private bool Packed => (_high | _low) != 0;

        /// <summary>The subjects' ordinal order.</summary>
        public static int Compare(in SubjectKey a, string aSubject, in SubjectKey b, string bSubject) =>
            a.Packed && b.Packed ? PackedAscii.Compare(a._high, a._low, b._high, b._low) : string.CompareOrdinal(aSubject, bSubject);
    }

    /// <summary>A proposal with its subject's key.</summary>
    private readonly struct Entry(Proposal proposal)
    {
        public readonly Proposal Proposal = proposal;
        public readonly SubjectKey Key = new(proposal.Subject);
    }

    /// <summary>A decision with its subject's key, for report order.</summary>
    private readonly struct DecisionEntry(Decision decision)
    {
        public readonly Decision Decision = decision;
        public readonly SubjectKey Key = new(decision.Subject);

        /// <summary>Report order: subject, kind, category.</summary>
        public static int Compare(in DecisionEntry a, in DecisionEntry b)
        {
            int c = SubjectKey.Compare(a.Key, a.Decision.Subject, b.Key, b.Decision.Subject);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Decision.Kind.Name, b.Decision.Kind.Name);
                if (c == 0)
                {
                    c = string.CompareOrdinal(a.Decision.Category, b.Decision.Category);
                }
            }

            return c;
        }
    }

    private readonly struct DecisionEntryComparer : IComparer<DecisionEntry>
    {
        public int Compare(DecisionEntry a, DecisionEntry b) => DecisionEntry.Compare(a, b);
    }

    /// <summary>Report order (subject, kind, category), then rule id and reason.</summary>
    private readonly struct EntryComparer : IComparer<Entry>
    {
        public int Compare(Entry a, Entry b) => Order(a, b);

        /// <summary>The subjects' ordinal order.</summary>
        public static int CompareSubjects(in Entry a, in Entry b) => SubjectKey.Compare(a.Key, a.Proposal.Subject, b.Key, b.Proposal.Subject);

        public static int Order(in Entry a, in Entry b)
        {
            int c = CompareSubjects(a, b);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Proposal.Kind.Name, b.Proposal.Kind.Name);
                if (c == 0)
                {
                    c = string.CompareOrdinal(a.Proposal.Category, b.Proposal.Category);
                    if (c == 0)
                    {
                        c = string.CompareOrdinal(a.Proposal.RuleId, b.Proposal.RuleId);
                        if (c == 0)
                        {
                            c = string.CompareOrdinal(a.Proposal.Reason, b.Proposal.Reason);
                        }
                    }
                }
            }

            return c;
        }
    }
}

/// <summary>
/// A decision's details: a small read-only map whose keys are sorted ordinally and whose string
/// lists are sorted and distinct, built once per decision (cheaper than a
/// <see cref="SortedDictionary{TKey, TValue}"/> for the zero to three entries a decision has).
/// </summary>
internal sealed class DetailMap : IReadOnlyDictionary<string, object>
{
    private static readonly DetailMap Empty = new([], []);

    private readonly string[] _keys;
    private readonly object[] _values;

    private DetailMap(string[] keys, object[] values)
    {
        _keys = keys;
        _values = values;
    }

    public static DetailMap Of(IReadOnlyDictionary<string, object> details)
    {
        if (details.Count == 0)
        {
            return Empty;
        }

        var keys = new string[details.Count];
        var values = new object[details.Count];
        int i = 0;
        foreach (var (key, value) in details)
        {
            keys[i] = key;
            values[i] = value is IEnumerable<string> list ? ProposalMerger.SortedDistinct(list) : value;
            i++;
        }

        Array.Sort(keys, values, StringComparer.Ordinal);
        return new DetailMap(keys, values);
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<object> Values => _values;

    public object this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The detail '{key}' is not present.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, object>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (int i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
