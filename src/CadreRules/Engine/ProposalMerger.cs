namespace CadreRules;

/// <summary>
/// Merges proposals into decisions (POLICY.md, "Decision kinds"): one per kind and subject (and
/// category for negative-list entries), listing every supporting rule, the union of evidence, the
/// reasons in rule order and the merged details; then sorts as REPORT-FORMAT.md requires.
/// </summary>
internal static class ProposalMerger
{
    public static IReadOnlyList<Decision> Merge(IEnumerable<Proposal> proposals)
    {
        var groups = new Dictionary<(string Kind, string Subject, string? Category), List<Proposal>>();
        foreach (var proposal in proposals)
        {
            var key = (proposal.Kind.Name, proposal.Subject, proposal.Category);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(proposal);
        }

        var decisions = new List<Decision>(groups.Count);
        foreach (var group in groups.Values)
        {
            decisions.Add(ToDecision(group));
        }

        decisions.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Subject, b.Subject);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Kind.Name, b.Kind.Name);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Category, b.Category);
        });
        return decisions;
    }

    private static Decision ToDecision(List<Proposal> group)
    {
        // Order within the group is arbitrary (parallel sessions); sort so the merge is stable.
        group.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.RuleId, b.RuleId);
            return c != 0 ? c : string.CompareOrdinal(a.Reason, b.Reason);
        });
        var first = group[0];
        if (group.Count == 1)
        {
            return new Decision(first.Kind, first.Subject, [first.RuleId], SortedDistinct(first.Evidence), [first.Reason], SortedDetails(first.Details));
        }

        var rules = new SortedSet<string>(StringComparer.Ordinal);
        var evidence = new SortedSet<string>(StringComparer.Ordinal);
        var reasons = new List<string>();
        var details = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var proposal in group)
        {
            rules.Add(proposal.RuleId);
            evidence.UnionWith(proposal.Evidence);
            if (!reasons.Contains(proposal.Reason))
            {
                reasons.Add(proposal.Reason);
            }

            foreach (var (key, value) in proposal.Details)
            {
                if (!details.TryGetValue(key, out var existing))
                {
                    details[key] = value is IEnumerable<string> list ? SortedDistinct(list) : value;
                }
                else if (existing is IEnumerable<string> a && value is IEnumerable<string> b)
                {
                    details[key] = SortedDistinct(a.Concat(b));
                }
            }
        }

        return new Decision(first.Kind, first.Subject, [.. rules], [.. evidence], reasons, details);
    }

    private static IReadOnlyList<string> SortedDistinct(IEnumerable<string> items)
    {
        var set = new SortedSet<string>(items, StringComparer.Ordinal);
        return [.. set];
    }

    private static IReadOnlyDictionary<string, object> SortedDetails(IReadOnlyDictionary<string, object> details)
    {
        var sorted = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in details)
        {
            sorted[key] = value is IEnumerable<string> list ? SortedDistinct(list) : value;
        }

        return sorted;
    }
}
