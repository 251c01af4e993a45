using System.Globalization;
using CadreRules.Rules;

namespace CadreRules;

/// <summary>Builds a <see cref="CadreExplanation"/> from a roster and its report.</summary>
public static class CadreExplainer
{
    /// <summary>Explains the decisions about one cadre.</summary>
    /// <param name="roster">The evaluated roster.</param>
    /// <param name="report">The report produced for it.</param>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="options">The policy options used; <see langword="null"/> for the defaults.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="KeyNotFoundException">The roster has no cadre with that id.</exception>
    public static CadreExplanation Explain(Roster roster, AssessmentReport report, string cadreId, CadrePolicyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(cadreId);
        var cadre = roster.Cadres.FirstOrDefault(c => c.Id == cadreId)
            ?? throw new KeyNotFoundException($"The roster has no cadre '{cadreId}'.");
        var unit = roster.Units.FirstOrDefault(u => u.Id == cadre.UnitId);
        var mine = report.For(cadre.Id).ToList();
        var decisions = mine.Concat(report.For(cadre.UnitId)).ToList();
        var citedBy = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var decision in mine)
        {
            foreach (var id in decision.Evidence)
            {
                if (!citedBy.TryGetValue(id, out var kinds))
                {
                    citedBy[id] = kinds = new SortedSet<string>(StringComparer.Ordinal);
                }

                kinds.Add(decision.Kind.Name);
            }
        }

        IReadOnlyList<string> Cited(string id) => citedBy.TryGetValue(id, out var kinds) ? [.. kinds] : [];
        var records = roster.Evidence.Where(e => e.CadreId == cadre.Id)
            .Select(e => new EvidenceRecord(e.Id, e.Date, e.Channel, e.Kind.ToString(), Summarize(e), Cited(e.Id)))
            .Concat(roster.Measures.Where(m => m.CadreId == cadre.Id)
                .Select(m => new EvidenceRecord(m.Id, m.Date, null, "Measure", m.Kind.ToString(), Cited(m.Id))))
            .OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var context = new PolicyContext(report.Period, report.AsOf, options ?? new CadrePolicyOptions());
        var sentences = Narrative.For(cadre, roster, mine, context);
        return new CadreExplanation(cadre, unit, report.AsOf, decisions, records, sentences);
    }

    private static string Summarize(Evidence evidence) => evidence switch
    {
        WorkStyleEvidence w => $"{w.WorkStyle}, {w.Severity}, {w.Status}",
        NegativeListEvidence n => $"{n.Category}, {n.Status}",
        KeyTaskEvidence k => $"{k.Task} rated {k.Rating}",
        AttitudeEvidence a => a.Attitude.ToString(),
        _ => evidence.Kind.ToString(),
    };

    private static class Narrative
    {
        public static IReadOnlyList<string> For(Cadre cadre, Roster roster, IReadOnlyList<Decision> decisions, PolicyContext context)
        {
            var lines = new List<string>();
            foreach (var decision in decisions)
            {
                foreach (var reason in decision.Reasons)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{decision.Kind} ({string.Join(", ", decision.Rules)}): {reason}"));
                }
            }

            if (decisions.Count == 0)
            {
                lines.Add($"No proposal about {cadre.Id} as of {PolicyFunctions.Format(context.AsOf)}.");
            }

            return lines;
        }
    }
}
