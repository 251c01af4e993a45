using System.Globalization;

namespace CadreRules.Cli.Output;

/// <summary>
/// The <c>--format table</c> view of a report: per unit its own decisions, then per cadre the board,
/// the proposals with their rules, and the negative list; then totals per kind and the outcome
/// statistics. For people at a console; programs read the JSON.
/// </summary>
internal static class ReportTable
{
    public static void Write(TextWriter writer, Roster roster, AssessmentReport report)
    {
        var cadres = roster.Cadres.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var units = roster.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var bySubject = report.Decisions.ToLookup(d => d.Subject, StringComparer.Ordinal);

        writer.WriteLine("CadreRules assessment report");
        writer.WriteLine(Invariant($"  policy {report.Policy} v{report.PolicyVersion} · period {report.Period} · as of {report.AsOf:yyyy-MM-dd}"));
        writer.WriteLine(Invariant($"  {roster.Units.Count} units · {roster.Cadres.Count} cadres · {report.Decisions.Count} decisions"));
        writer.WriteLine("  Every decision is a proposal to the organization department; nothing is applied. `explain <roster> <cadreId>` shows why.");

        foreach (var unit in roster.Units)
        {
            var members = roster.Cadres.Where(c => c.UnitId == unit.Id).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
            var withProposals = members.Where(c => bySubject[c.Id].Any()).ToList();
            writer.WriteLine();
            writer.WriteLine(Invariant($"{unit.Name} ({unit.Id}) · {unit.Kind} · {members.Count} cadres, {withProposals.Count} with decisions"));

            writer.WriteLine("  Unit decisions");
            var unitTable = new TextTable("Decision", "Details", "Rules");
            foreach (var decision in bySubject[unit.Id])
            {
                unitTable.AddRow(decision.Kind.Name, UnitDetails(decision, unit), DecisionText.Rules(decision));
            }

            WriteOrNone(writer, unitTable, "    ");

            writer.WriteLine("  Cadres: boards, proposals, negative list");
            var cadreTable = new TextTable("Cadre", "Name", "Rank", "Board", "Proposal", "Rules", "Negative list");
            foreach (var cadre in withProposals)
            {
                AddCadreRows(cadreTable, cadre, bySubject[cadre.Id].ToList());
            }

            WriteOrNone(writer, cadreTable, "    ");
        }

        var strays = report.Decisions.Where(d => !units.ContainsKey(d.Subject) && !cadres.ContainsKey(d.Subject)).ToList();
        if (strays.Count > 0)
        {
            // Only a host rule can propose about a subject the roster does not name; show it rather than drop it.
            writer.WriteLine();
            writer.WriteLine("Other decisions (subject not in the roster)");
            var table = new TextTable("Subject", "Decision", "Rules");
            foreach (var decision in strays)
            {
                table.AddRow(decision.Subject, DecisionText.Summary(decision), DecisionText.Rules(decision));
            }

            table.WriteTo(writer, "  ");
        }

        writer.WriteLine();
        writer.WriteLine("Totals per kind");
        var totals = new TextTable("Kind", "Count").AlignRight(1);
        var kinds = DecisionKind.BuiltIn.Select(k => k.Name)
            .Concat(report.Counts.Keys.Where(k => !DecisionKind.BuiltIn.Any(b => b.Name == k)));
        foreach (var kind in kinds)
        {
            totals.AddRow(kind, Count(report.Counts.TryGetValue(kind, out int n) ? n : 0));
        }

        totals.AddRow("all decisions", Count(report.Decisions.Count));
        totals.WriteTo(writer, "  ");

        var s = report.Statistics;
        writer.WriteLine();
        writer.WriteLine(Invariant($"Outcome statistics since {s.Since:yyyy-MM-dd} (平时有数、用时有据)"));
        var statistics = new TextTable("Statistic", "Cadres", "Meaning").AlignRight(1);
        statistics.AddRow("redPromoted", Count(s.RedPromoted), "on the red board, then promoted or advanced in rank");
        statistics.AddRow("yellowReminded", Count(s.YellowReminded), "on the yellow board, then given a reminder talk");
        statistics.AddRow("yellowAdjusted", Count(s.YellowAdjusted), "on the yellow board, then adjusted");
        statistics.WriteTo(writer, "  ");
    }

    private static void AddCadreRows(TextTable table, Cadre cadre, List<Decision> decisions)
    {
        string board = decisions.Any(d => d.Kind == DecisionKind.RedBoard) ? "Red"
            : decisions.Any(d => d.Kind == DecisionKind.YellowBoard) ? "Yellow"
            : string.Empty;
        var proposals = decisions
            .Where(d => d.Kind != DecisionKind.RedBoard && d.Kind != DecisionKind.YellowBoard && d.Kind != DecisionKind.NegativeListEntry)
            .ToList();
        var negative = decisions.Where(d => d.Kind == DecisionKind.NegativeListEntry).ToList();
        int lines = Math.Max(1, Math.Max(proposals.Count, negative.Count));
        for (int i = 0; i < lines; i++)
        {
            bool first = i == 0;
            table.AddRow(
                first ? cadre.Id : null,
                first ? cadre.Name : null,
                first ? Rank(cadre) : null,
                first ? board : null,
                i < proposals.Count ? DecisionText.Summary(proposals[i]) : null,
                i < proposals.Count ? DecisionText.Rules(proposals[i]) : null,
                i < negative.Count ? $"{negative[i].GetDetail(DetailKeys.Category)} ({negative[i].GetDetail(DetailKeys.Status)})" : null);
        }
    }

    private static string UnitDetails(Decision decision, Unit unit)
    {
        if (decision.Kind != DecisionKind.SpecialInspection)
        {
            return DecisionText.Details(decision);
        }

        var parts = new List<string>();
        var indicators = decision.GetDetail(DetailKeys.Indicators);
        var projects = decision.GetDetail(DetailKeys.Projects);
        if (!string.IsNullOrEmpty(indicators))
        {
            parts.Add($"declining: {indicators}");
        }

        if (!string.IsNullOrEmpty(projects))
        {
            parts.Add($"lagging: {projects}");
        }

        if (unit.UnderStationedInspection)
        {
            parts.Add("marked in the roster");
        }

        return string.Join("; ", parts);
    }

    private static string Rank(Cadre cadre) => cadre.Leadership ? $"{cadre.Rank}, leading" : cadre.Rank.ToString();

    private static void WriteOrNone(TextWriter writer, TextTable table, string indent)
    {
        if (table.RowCount == 0)
        {
            writer.WriteLine($"{indent}(none)");
        }
        else
        {
            table.WriteTo(writer, indent);
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
