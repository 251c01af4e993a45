using System.Runtime.InteropServices;

namespace CadreRules;

/// <summary>The result of one evaluation (REPORT-FORMAT.md). Immutable.</summary>
public sealed class AssessmentReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="policy">The policy name, e.g. <c>yinchuan-2024</c>.</param>
    /// <param name="policyVersion">The policy version.</param>
    /// <param name="period">The evaluated period.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="decisions">The decisions, in report order.</param>
    /// <param name="statistics">The outcome statistics.</param>
    public AssessmentReport(
        string policy,
        int policyVersion,
        AssessmentPeriod period,
        DateOnly asOf,
        IReadOnlyList<Decision> decisions,
        OutcomeStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(statistics);
        Policy = policy;
        PolicyVersion = policyVersion;
        Period = period;
        AsOf = asOf;
        Decisions = decisions;
        Statistics = statistics;
        var counter = new KindCounter();
        for (int i = 0; i < decisions.Count; i++)
        {
            counter.Add(decisions[i]);
        }

        var counts = KindCounter.Sorted([counter]);
        Counts = counts;
    }

    /// <summary>Gets the report schema version; always 1.</summary>
    public int SchemaVersion => 1;

    /// <summary>Gets the name of the policy used.</summary>
    public string Policy { get; }

    /// <summary>Gets the version of the policy used.</summary>
    public int PolicyVersion { get; }

    /// <summary>Gets the evaluated period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the evaluation date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the decisions sorted by subject, kind, then category (ordinal).</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>Gets the number of decisions per kind name, kinds with at least one, keys sorted ordinally.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>Gets the outcome statistics (平时有数、用时有据).</summary>
    public OutcomeStatistics Statistics { get; }

    /// <summary>Returns every decision about one subject, in report order.</summary>
    /// <param name="subject">A cadre or unit id.</param>
    /// <returns>The decisions.</returns>
    public IEnumerable<Decision> For(string subject) =>
        Decisions.Where(d => string.Equals(d.Subject, subject, StringComparison.Ordinal));
}

/// <summary>The outcome statistics of POLICY.md over <c>[Since, asOf]</c>: distinct cadres per outcome.</summary>
/// <param name="Since">The first day of the reporting window.</param>
/// <param name="RedPromoted">Red-board cadres later promoted or advanced in rank.</param>
/// <param name="YellowReminded">Yellow-board cadres later given a reminder talk.</param>
/// <param name="YellowAdjusted">Yellow-board cadres later adjusted.</param>
public sealed record OutcomeStatistics(DateOnly Since, int RedPromoted, int YellowReminded, int YellowAdjusted);

/// <summary>
/// Counts decisions per kind name. Counted per name instance (a million decisions, a handful of
/// kinds, each kind's name usually one string: hashing the reference is cheaper than the text), then
/// per name, sorted once.
/// </summary>
internal sealed class KindCounter
{
    private readonly Dictionary<string, int> _perInstance = new(ReferenceEqualityComparer.Instance);

    /// <summary>Counts one decision.</summary>
    public void Add(Decision decision)
    {
        ref int count = ref CollectionsMarshal.GetValueRefOrAddDefault(_perInstance, decision.Kind.Name, out _);
        count++;
    }

    /// <summary>The counts of all <paramref name="counters"/> per kind name, keys sorted ordinally.</summary>
    public static SortedDictionary<string, int> Sorted(IEnumerable<KindCounter> counters)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var counter in counters)
        {
            foreach (var (name, count) in counter._perInstance)
            {
                counts[name] = counts.GetValueOrDefault(name) + count;
            }
        }

        return counts;
    }
}
