using System.Globalization;
using System.Text;

namespace CadreRules.Comparisons;

/// <summary>
/// Compares reports on everything REPORT-FORMAT.md fixes — decisions (kind, subject, rules, evidence,
/// details, in order), counts and statistics — and not on reasons, whose text is not part of the contract.
/// </summary>
public static class ReportComparison
{
    /// <summary>One line per decision, without reasons, in report order.</summary>
    public static IReadOnlyList<string> Lines(AssessmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>(report.Decisions.Count + 1);
        var text = new StringBuilder();
        foreach (var d in report.Decisions)
        {
            text.Clear();
            text.Append(d.Subject).Append(' ').Append(d.Kind.Name)
                .Append(" rules=").AppendJoin(',', d.Rules)
                .Append(" evidence=").AppendJoin(',', d.Evidence)
                .Append(" details={");
            foreach (var (key, value) in d.Details.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                text.Append(key).Append('=').Append(DetailKeys.Format(value)).Append(';');
            }

            lines.Add(text.Append('}').ToString());
        }

        var s = report.Statistics;
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"statistics since={s.Since:yyyy-MM-dd} redPromoted={s.RedPromoted} yellowReminded={s.YellowReminded} yellowAdjusted={s.YellowAdjusted}"));
        return lines;
    }

    /// <summary>The first <paramref name="max"/> differences between two reports, empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(AssessmentReport expected, AssessmentReport actual, int max = 20)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var onlyA = a.Except(b, StringComparer.Ordinal).Take(max).Select(l => "missing:    " + l);
        var onlyB = b.Except(a, StringComparer.Ordinal).Take(max).Select(l => "unexpected: " + l);
        var differences = onlyA.Concat(onlyB).Take(max).ToList();
        if (differences.Count == 0 && !a.SequenceEqual(b, StringComparer.Ordinal))
        {
            differences.Add("same decisions in a different order");
        }

        return differences;
    }
}
