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
            var facts = new CadreFacts(cadre, roster);
            var lines = new List<string>();
            bool Has(DecisionKind kind) => decisions.Any(d => d.Kind == kind);
            Decision? Get(DecisionKind kind) => decisions.FirstOrDefault(d => d.Kind == kind);

            lines.Add($"{cadre.Id} ({cadre.Rank}{(cadre.Leadership ? ", leading cadre" : string.Empty)}, unit {cadre.UnitId}) as of {D(context.AsOf)}, period {context.Period}:");
            Identification(lines, decisions, Get);
            Boards(lines, facts, context, Get);
            if (Has(DecisionKind.YellowBoard))
            {
                Ladder(lines, facts, context, Get);
            }

            foreach (var decision in decisions.Where(d => d.Kind == DecisionKind.Adjustment && d.Rules.Contains("ASSESS-03")))
            {
                lines.Add($"Work style (ASSESS-03): {decision.Reasons[0]}");
            }

            if (Get(DecisionKind.Demotion) is { } demotion)
            {
                lines.Add($"Grades (MECH-03): {demotion.Reasons[0]}");
            }

            if (Get(DecisionKind.Dismissal) is { } dismissal)
            {
                lines.Add($"Grades (MECH-03): {dismissal.Reasons[0]}");
            }

            Promotion(lines, facts, context, Get);
            Tracking(lines, facts, context, Get);

            // Kinds of a host's own rules (AddCadreRule): their reasons are the whole explanation.
            foreach (var decision in decisions.Where(d => !DecisionKind.BuiltIn.Contains(d.Kind)))
            {
                foreach (var reason in decision.Reasons)
                {
                    lines.Add($"{decision.Kind} ({string.Join(", ", decision.Rules)}): {reason}");
                }
            }

            return lines;
        }

        private static void Identification(List<string> lines, IReadOnlyList<Decision> decisions, Func<DecisionKind, Decision?> get)
        {
            foreach (var entry in decisions.Where(d => d.Kind == DecisionKind.NegativeListEntry))
            {
                lines.Add($"Negative list (IDENT-01): {entry.Reasons[0]}");
            }

            if (get(DecisionKind.Exclusion) is { } exclusion)
            {
                lines.Add($"Excluded (IDENT-02): {exclusion.Reasons[0]} This keeps the cadre off the red board and out of promotion and reinstatement.");
            }

            if (get(DecisionKind.JointConsultation) is { } joint)
            {
                lines.Add($"Joint consultation (IDENT-04): {joint.Reasons[0]}");
            }
        }

        private static void Boards(List<string> lines, CadreFacts facts, PolicyContext context, Func<DecisionKind, Decision?> get)
        {
            if (get(DecisionKind.YellowBoard) is { } yellow)
            {
                lines.Add($"Why the yellow board (BOARD-02): {yellow.Reasons[0]}");
            }
            else
            {
                lines.Add($"Not on the yellow board: no Verified work-style problem and no key task rated Poor or Failed after {D(context.RecentAfter)}, and no BasicallyCompetent or Incompetent grade for {context.GradeYearFrom} or later.");
            }

            var outstanding = facts.Evidence.OfType<KeyTaskEvidence>()
                .Where(e => e.Rating == KeyTaskRating.Outstanding && context.IsRedBoardTask(e.Task) && context.IsRecent(e.Date))
                .ToList();
            if (get(DecisionKind.RedBoard) is { } red)
            {
                lines.Add($"Why the red board (BOARD-01): {red.Reasons[0]}");
            }
            else if (outstanding.Count == 0)
            {
                lines.Add($"Not on the red board: no Outstanding rating in a red-board task ({string.Join(", ", context.Options.RedBoardTasks.Select(t => t.ToString()).Order(StringComparer.Ordinal))}) after {D(context.RecentAfter)}.");
            }
            else
            {
                var blockers = new List<string>();
                if (get(DecisionKind.YellowBoard) is not null)
                {
                    blockers.Add("the yellow board (a cadre is never on both boards)");
                }

                if (get(DecisionKind.NegativeListEntry) is not null)
                {
                    blockers.Add("a negative-list entry");
                }

                if (get(DecisionKind.Exclusion) is not null)
                {
                    blockers.Add("the exclusion");
                }

                lines.Add($"Not on the red board despite outstanding work ({string.Join(", ", outstanding.Select(e => $"{e.Task} {e.Id} of {D(e.Date)}"))}): kept off by {string.Join(" and ", blockers)}.");
            }
        }

        private static void Ladder(List<string> lines, CadreFacts facts, PolicyContext context, Func<DecisionKind, Decision?> get)
        {
            var step = PolicyFunctions.Escalate(facts.Measures, facts.Boards, context);
            string window = $"after {D(context.EscalationAfter)}";
            var older = facts.Measures.Where(m => m.Kind is MeasureKind.Admonishment or MeasureKind.ReminderTalk or MeasureKind.WrittenInquiry && m.Date <= context.EscalationAfter).ToList();
            string olderNote = older.Count == 0 ? string.Empty
                : $" ({string.Join(", ", older.Select(m => $"{m.Kind} {m.Id} of {D(m.Date)}"))} {(older.Count == 1 ? "is" : "are")} outside the {context.Options.EscalationWindowMonths}-month window.)";
            if (step.Kind == DecisionKind.Adjustment)
            {
                lines.Add($"Escalation (MECH-02): adjustment, the top step of the ladder 提醒 → 诫勉 → 调整, because of admonishment {string.Join(", ", step.Measures.Select(m => $"{m.Id} of {D(m.Date)}"))} {window}.");
            }
            else if (step.Kind == DecisionKind.Admonishment)
            {
                var causes = new List<string>();
                if (step.Measures.Count > 0)
                {
                    causes.Add($"{string.Join(", ", step.Measures.Select(m => $"{m.Kind} {m.Id} of {D(m.Date)}"))} {window}");
                }

                if (step.YellowBefore)
                {
                    causes.Add($"the yellow board in {context.PreviousPeriod}");
                }

                lines.Add($"Escalation (MECH-02): admonishment because of {string.Join(" and ", causes)}; not adjustment, because there is no admonishment {window}.{olderNote}");
            }
            else
            {
                lines.Add($"Reminder (MECH-01): a reminder talk, the first step of the ladder; not admonishment, because there is no ReminderTalk or WrittenInquiry {window} and no yellow board in {context.PreviousPeriod}.{olderNote}");
            }
        }

        private static void Promotion(List<string> lines, CadreFacts facts, PolicyContext context, Func<DecisionKind, Decision?> get)
        {
            var blockers = context.ActivePromotionBlocks(facts.Measures)
                .OrderBy(b => b.Until).ThenBy(b => b.Measure.Id, StringComparer.Ordinal)
                .Select(b => Reasons.PromotionBlock(b.Measure, b.Until))
                .ToList();
            if (get(DecisionKind.PromotionCandidate) is not null)
            {
                lines.Add("Promotion (MECH-04): a promotion candidate — on the red board and no influence period active.");
                return;
            }

            var reasons = new List<string>();
            if (get(DecisionKind.Exclusion) is not null)
            {
                reasons.Add("excluded (IDENT-02)");
            }

            if (get(DecisionKind.RedBoard) is null)
            {
                reasons.Add("not on the red board");
            }

            reasons.AddRange(blockers);
            if (get(DecisionKind.PromotionBlocked) is { } blocked)
            {
                lines.Add($"Promotion (MECH-04): blocked until {blocked.GetDetail(DetailKeys.EligibleFrom)} — {string.Join("; ", reasons)}.");
            }
            else
            {
                lines.Add($"Not promotable now: {string.Join("; ", reasons)}.");
            }
        }

        private static void Tracking(List<string> lines, CadreFacts facts, PolicyContext context, Func<DecisionKind, Decision?> get)
        {
            var state = PolicyFunctions.Track(facts.Measures, context);
            if (state is null || get(DecisionKind.Tracking) is null)
            {
                var adjustments = facts.Measures.Where(m => m.IsAdjustment).OrderBy(m => m.Date).ToList();
                if (adjustments.Count > 0)
                {
                    var last = adjustments[^1];
                    var outcome = facts.Measures.FirstOrDefault(m => m.IsOutcome && m.Date > last.Date);
                    lines.Add(outcome is not null
                        ? $"Not tracked: {last.Kind} {last.Id} of {D(last.Date)} was followed by {outcome.Kind} {outcome.Id} on {D(outcome.Date)}."
                        : $"Not tracked: the last adjustment, {last.Kind} {last.Id} of {D(last.Date)}, is older than the {context.Options.TrackingHorizonMonths}-month tracking horizon (after {D(context.TrackingAfter)}).");
                }

                return;
            }

            var m = state.Measure;
            lines.Add($"Tracking (MECH-05): adjusted by {m.Kind} {m.Id} on {D(m.Date)}; a leadership post is possible from {D(state.LeadershipEligibleFrom)} and promotion from {D(state.PromotionEligibleFrom)}; " +
                (state.InInfluencePeriod ? $"the influence period runs until {D(state.PromotionEligibleFrom)}." : "the influence period has elapsed."));
            if (get(DecisionKind.ReinstatementCandidate) is { } candidate)
            {
                lines.Add($"Reinstatement (REINST-01): proposed {candidate.GetDetail(DetailKeys.Form)} — {candidate.Reasons[0]}");
                return;
            }

            var missing = new List<string>();
            var since = facts.Evidence.Where(e => e.Date > m.Date).ToList();
            if (get(DecisionKind.Exclusion) is not null)
            {
                missing.Add("the cadre is excluded (IDENT-02)");
            }

            if (!since.Any(e => e is AttitudeEvidence { Attitude: AttitudeRating.Positive }))
            {
                missing.Add($"no Positive attitude evidence after {D(m.Date)} yet");
            }

            if (!since.Any(e => e is KeyTaskEvidence { Rating: KeyTaskRating.Outstanding } k && context.IsRedBoardTask(k.Task)))
            {
                missing.Add($"no Outstanding red-board key task after {D(m.Date)} yet");
            }

            foreach (var problem in since.Where(e => e.IsProblem))
            {
                missing.Add($"a problem recorded after the measure: {problem.Kind} {problem.Id} on {D(problem.Date)}");
            }

            if (missing.Count == 0)
            {
                missing.Add($"the influence period: a leadership post only from {D(state.LeadershipEligibleFrom)}");
            }

            lines.Add($"Not yet a reinstatement candidate (REINST-01): {string.Join("; ", missing)}.");
        }

        private static string D(DateOnly date) => PolicyFunctions.Format(date);
    }

    private sealed class CadreFacts
    {
        public CadreFacts(Cadre cadre, Roster roster)
        {
            Evidence = roster.Evidence.Where(e => e.CadreId == cadre.Id).OrderBy(e => e.Date).ToList();
            Measures = roster.Measures.Where(m => m.CadreId == cadre.Id).OrderBy(m => m.Date).ToList();
            Boards = roster.BoardHistory.Where(b => b.CadreId == cadre.Id).ToList();
        }

        public List<Evidence> Evidence { get; }

        public List<Measure> Measures { get; }

        public List<BoardPlacement> Boards { get; }
    }
}
