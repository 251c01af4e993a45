namespace CadreRules;

/// <summary>
/// A report without its decisions: what <see cref="ICadreEvaluator.EvaluateTo"/> returns once it has
/// written the report. Immutable.
/// </summary>
public sealed class ReportSummary
{
    /// <summary>Creates a summary.</summary>
    /// <param name="policy">The policy name, e.g. <c>yinchuan-2024</c>.</param>
    /// <param name="policyVersion">The policy version.</param>
    /// <param name="period">The evaluated period.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="decisionCount">The number of decisions written.</param>
    /// <param name="counts">The number of decisions per kind name, keys sorted ordinally.</param>
    /// <param name="statistics">The outcome statistics.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decisionCount"/> is negative.</exception>
    public ReportSummary(
        string policy,
        int policyVersion,
        AssessmentPeriod period,
        DateOnly asOf,
        int decisionCount,
        IReadOnlyDictionary<string, int> counts,
        OutcomeStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(decisionCount);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(statistics);
        Policy = policy;
        PolicyVersion = policyVersion;
        Period = period;
        AsOf = asOf;
        DecisionCount = decisionCount;
        Counts = counts;
        Statistics = statistics;
    }

    /// <summary>Gets the name of the policy used.</summary>
    public string Policy { get; }

    /// <summary>Gets the version of the policy used.</summary>
    public int PolicyVersion { get; }

    /// <summary>Gets the evaluated period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the evaluation date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the number of decisions in the report.</summary>
    public int DecisionCount { get; }

    /// <summary>Gets the number of decisions per kind name, kinds with at least one, keys sorted ordinally.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>Gets the outcome statistics.</summary>
    public OutcomeStatistics Statistics { get; }

    /// <summary>Summarizes a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Its summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportSummary Of(AssessmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportSummary(report.Policy, report.PolicyVersion, report.Period, report.AsOf, report.Decisions.Count, report.Counts, report.Statistics);
    }
}
