using System.Text;
using CadreRules.Rules;
using Xunit.Sdk;

namespace CadreRules.Tests.Support;

/// <summary>
/// Assertions on reports: "a decision of kind K about S exists, supported by exactly these rules,
/// with exactly this evidence and these details". Every failure prints the whole report, because
/// with rules the interesting part is usually what fired instead.
/// </summary>
internal static class ReportAssertions
{
    public static DecisionAssertion ShouldHave(this AssessmentReport report, DecisionKind kind, string subject, string? category = null)
    {
        var matches = report.Decisions
            .Where(d => d.Kind == kind && d.Subject == subject && (category is null || d.Category == category))
            .ToList();
        if (matches.Count != 1)
        {
            throw new XunitException(
                $"Expected one {kind} decision about {subject}{(category is null ? string.Empty : $" in category {category}")}, found {matches.Count}.\n{Dump(report)}");
        }

        return new DecisionAssertion(matches[0], report);
    }

    public static void ShouldNotHave(this AssessmentReport report, DecisionKind kind, string subject)
    {
        if (report.Decisions.Any(d => d.Kind == kind && d.Subject == subject))
        {
            throw new XunitException($"Expected no {kind} decision about {subject}.\n{Dump(report)}");
        }
    }

    /// <summary>The kinds of every decision about a subject, in report order.</summary>
    public static IReadOnlyList<string> KindsOf(this AssessmentReport report, string subject) =>
        report.For(subject).Select(d => d.Kind.Name).ToList();

    public static void ShouldHaveKinds(this AssessmentReport report, string subject, params string[] kinds)
    {
        var actual = report.KindsOf(subject);
        if (!actual.SequenceEqual(kinds, StringComparer.Ordinal))
        {
            throw new XunitException(
                $"Expected the decisions about {subject} to be [{string.Join(", ", kinds)}], but they were [{string.Join(", ", actual)}].\n{Dump(report)}");
        }
    }

    public static string Dump(AssessmentReport report)
    {
        var text = new StringBuilder($"Report as of {PolicyFunctions.Format(report.AsOf)} ({report.Decisions.Count} decisions):");
        foreach (var decision in report.Decisions)
        {
            text.Append("\n  ").Append(DecisionText.Of(decision, withReasons: false));
        }

        return text.ToString();
    }
}

internal sealed class DecisionAssertion
{
    private readonly AssessmentReport _report;

    public DecisionAssertion(Decision decision, AssessmentReport report)
    {
        Decision = decision;
        _report = report;
    }

    public Decision Decision { get; }

    public DecisionAssertion WithRules(params string[] rules) => Check("rules", Decision.Rules, rules);

    public DecisionAssertion WithEvidence(params string[] ids) => Check("evidence", Decision.Evidence, ids);

    public DecisionAssertion WithDetail(string key, string value)
    {
        var actual = Decision.GetDetail(key);
        if (actual != value)
        {
            Fail($"detail '{key}' to be '{value}', but it was {(actual is null ? "absent" : $"'{actual}'")}");
        }

        return this;
    }

    public DecisionAssertion WithDetailList(string key, params string[] values)
    {
        if (!Decision.Details.TryGetValue(key, out var value) || value is not IEnumerable<string> list)
        {
            Fail($"detail '{key}' to be a list");
            return this;
        }

        return Check($"detail '{key}'", list.ToList(), values);
    }

    /// <summary>The detail keys are exactly these (no more, no fewer).</summary>
    public DecisionAssertion WithDetailKeys(params string[] keys) => Check("detail keys", Decision.Details.Keys.ToList(), keys);

    public DecisionAssertion WithNoDetails() => WithDetailKeys();

    private DecisionAssertion Check(string what, IReadOnlyList<string> actual, string[] expected)
    {
        if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            Fail($"{what} to be [{string.Join(", ", expected)}], but they were [{string.Join(", ", actual)}]");
        }

        return this;
    }

    private void Fail(string message) =>
        throw new XunitException($"Expected {Decision.Kind} about {Decision.Subject} to have {message}.\n{ReportAssertions.Dump(_report)}");
}

/// <summary>A decision as one canonical line, for comparing whole reports field by field.</summary>
internal static class DecisionText
{
    public static string Of(Decision decision, bool withReasons)
    {
        var text = new StringBuilder()
            .Append(decision.Kind.Name).Append(' ').Append(decision.Subject)
            .Append(" rules=[").AppendJoin(",", decision.Rules).Append(']')
            .Append(" evidence=[").AppendJoin(",", decision.Evidence).Append(']')
            .Append(" details={");
        bool first = true;
        foreach (var (key, value) in decision.Details)
        {
            text.Append(first ? string.Empty : "; ").Append(key).Append('=');
            text.Append(value is not string && value is IEnumerable<string> list ? $"[{string.Join(",", list)}]" : DetailKeys.Format(value));
            first = false;
        }

        text.Append('}');
        if (withReasons)
        {
            text.Append(" reasons=[").AppendJoin(" | ", decision.Reasons).Append(']');
        }

        return text.ToString();
    }

    public static IReadOnlyList<string> Of(AssessmentReport report, bool withReasons)
    {
        var lines = report.Decisions.Select(d => Of(d, withReasons)).ToList();
        lines.Add($"statistics since={PolicyFunctions.Format(report.Statistics.Since)} redPromoted={report.Statistics.RedPromoted} " +
            $"yellowReminded={report.Statistics.YellowReminded} yellowAdjusted={report.Statistics.YellowAdjusted}");
        return lines;
    }
}
