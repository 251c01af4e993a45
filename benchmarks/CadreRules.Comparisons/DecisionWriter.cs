using System.Globalization;

namespace CadreRules.Comparisons;

/// <summary>
/// Turns rule outcomes into <see cref="Decision"/>s as REPORT-FORMAT.md describes them: one per kind
/// and subject (and category), every supporting rule, evidence sorted and distinct, details by kind.
/// The two merges POLICY.md implies are written out: ReminderTalk (IDENT-03, MECH-01) and Adjustment
/// (ASSESS-03, MECH-02). Reasons are plain sentences; their text is not part of the contract.
/// </summary>
public static class DecisionWriter
{
    private static readonly Dictionary<string, object> NoDetails = [];

    public static void WriteUnit(UnitFacts unit, bool screened, bool inspected, PolicyParameters p, List<Decision> into)
    {
        if (screened)
        {
            into.Add(new Decision(DecisionKind.ScheduledAssessment, unit.Unit.Id, ["ASSESS-01"], [],
                [$"Division-level leadership team: {p.Assessment} screening by interviews and field visits."],
                new Dictionary<string, object> { [DetailKeys.Assessment] = p.Assessment }));
        }

        if (inspected)
        {
            into.Add(new Decision(DecisionKind.SpecialInspection, unit.Unit.Id, ["ASSESS-02"], [],
                [$"Special stationed inspection: declining indicators [{string.Join(", ", unit.DecliningIndicators)}], lagging projects [{string.Join(", ", unit.LaggingProjects)}]{(unit.UnderStationedInspection ? ", marked under stationed inspection" : string.Empty)}."],
                new Dictionary<string, object> { [DetailKeys.Indicators] = unit.DecliningIndicators, [DetailKeys.Projects] = unit.LaggingProjects }));
        }
    }

    public static void WriteCadre(CadreFacts f, CadreOutcome o, PolicyParameters p, List<Decision> into)
    {
        string id = f.Cadre.Id;
        if (o.NegativeList)
        {
            foreach (var (category, verified, ids) in f.NegativeListEntries())
            {
                string status = verified ? nameof(FindingStatus.Verified) : nameof(FindingStatus.EarlySign);
                into.Add(new Decision(DecisionKind.NegativeListEntry, id, ["IDENT-01"], Sorted(ids),
                    [$"Negative list {category}: {status} ({string.Join(", ", ids)})."],
                    new Dictionary<string, object> { [DetailKeys.Category] = category.ToString(), [DetailKeys.Status] = status }));
            }
        }

        if (o.Excluded)
        {
            into.Add(Plain(DecisionKind.Exclusion, id, "IDENT-02", Sorted(f.VerifiedNegativeListIds), "Verified negative-list finding: excluded from selection and appointment."));
        }

        if (o.JointConsultation)
        {
            var channels = new List<string>();
            for (int c = 0; c < 32; c++)
            {
                if ((f.OversightChannelMask & (1 << c)) != 0)
                {
                    channels.Add(((EvidenceChannel)c).ToString());
                }
            }

            channels.Sort(StringComparer.Ordinal);
            into.Add(new Decision(DecisionKind.JointConsultation, id, ["IDENT-04"], Sorted(f.OversightProblemIds),
                [string.Create(CultureInfo.InvariantCulture, $"Recent problem evidence from {channels.Count} oversight channels: joint consultation.")],
                new Dictionary<string, object> { [DetailKeys.Channels] = channels }));
        }

        if (o.Yellow)
        {
            into.Add(Plain(DecisionKind.YellowBoard, id, "BOARD-02", Sorted(f.YellowEvidenceIds),
                f.BadGradeRecent ? "Yellow board: recent problems or a recent poor annual grade." : "Yellow board: recent verified problems."));
        }

        if (o.Red)
        {
            into.Add(Plain(DecisionKind.RedBoard, id, "BOARD-01", Sorted(f.RedTaskIds), "Red board: outstanding in a red-board task, no yellow board, no negative list."));
        }

        if (o.EarlySignReminder || o.Reminder)
        {
            var rules = new List<string>(2);
            var evidence = new List<string>();
            var reasons = new List<string>(2);
            if (o.EarlySignReminder)
            {
                rules.Add("IDENT-03");
                foreach (var (_, _, ids) in f.NegativeListEntries())
                {
                    evidence.AddRange(ids);
                }

                reasons.Add("Early sign on the negative list and nothing verified: reminder talk.");
            }

            if (o.Reminder)
            {
                rules.Add("MECH-01");
                evidence.AddRange(f.YellowEvidenceIds);
                reasons.Add("Yellow board with nothing calling for escalation: reminder talk and improvement.");
            }

            into.Add(new Decision(DecisionKind.ReminderTalk, id, rules, Sorted(evidence), reasons, NoDetails));
        }

        if (o.EscalateToAdmonishment)
        {
            into.Add(Plain(DecisionKind.Admonishment, id, "MECH-02", Sorted(f.ReminderIds),
                f.YellowPreviousPeriod ? "Yellow board again after a reminder or last period's yellow board: admonishment." : "Yellow board after an earlier reminder: admonishment."));
        }

        if (o.WorkStyleAdjustment || o.EscalateToAdjustment)
        {
            var rules = new List<string>(2);
            var evidence = new List<string>();
            var reasons = new List<string>(2);
            if (o.WorkStyleAdjustment)
            {
                rules.Add("ASSESS-03");
                evidence.AddRange(f.SeriousWorkStyleIds);
                reasons.Add("Verified serious work-style problem in a unit under special inspection: prompt adjustment.");
            }

            if (o.EscalateToAdjustment)
            {
                rules.Add("MECH-02");
                evidence.AddRange(f.AdmonishmentIds);
                reasons.Add("Yellow board after an admonishment within the window: adjustment.");
            }

            into.Add(new Decision(DecisionKind.Adjustment, id, rules, Sorted(evidence), reasons,
                new Dictionary<string, object> { [DetailKeys.Form] = p.AdjustmentForm }));
        }

        if (o.Demotion)
        {
            into.Add(Plain(DecisionKind.Demotion, id, "MECH-03", [], "Annual grade Incompetent within the last two years: demotion (公务员法 Art. 50)."));
        }

        if (o.Dismissal)
        {
            into.Add(Plain(DecisionKind.Dismissal, id, "MECH-03", [], "Annual grade Incompetent two years running: dismissal (公务员法 Art. 88)."));
        }

        if (o.PromotionCandidate)
        {
            into.Add(Plain(DecisionKind.PromotionCandidate, id, "MECH-04", Sorted(f.RedTaskIds), "Red board, no influence period: promotion candidate."));
        }

        if (o.PromotionBlocked)
        {
            var eligibleFrom = DateOnly.FromDayNumber(f.PromotionBlockEndDay);
            into.Add(new Decision(DecisionKind.PromotionBlocked, id, ["MECH-04"], Sorted(f.BlockingIds),
                [$"Red board, but an influence period runs until {eligibleFrom:yyyy-MM-dd}."],
                new Dictionary<string, object> { [DetailKeys.EligibleFrom] = eligibleFrom }));
        }

        if (o.Tracking)
        {
            var tracked = f.Tracked!;
            var promotionFrom = DateOnly.FromDayNumber(f.PromotionEligibleFromDay);
            var leadershipFrom = DateOnly.FromDayNumber(f.LeadershipEligibleFromDay);
            into.Add(new Decision(DecisionKind.Tracking, id, ["MECH-05"], [tracked.Id],
                [$"Adjusted by {tracked.Kind} {tracked.Id}: tracked."],
                new Dictionary<string, object>
                {
                    [DetailKeys.LeadershipEligibleFrom] = leadershipFrom,
                    [DetailKeys.Measure] = tracked.Id,
                    [DetailKeys.PromotionEligibleFrom] = promotionFrom,
                    [DetailKeys.Status] = p.AsOf < promotionFrom ? "InInfluencePeriod" : "PeriodElapsed",
                }));
        }

        if (o.Reinstatement)
        {
            var tracked = f.Tracked!;
            string form = p.AsOfDay >= f.PromotionEligibleFromDay ? nameof(MeasureKind.Promotion) : nameof(MeasureKind.Reappointment);
            var evidence = new List<string>(f.SupportingAfterTrackedIds) { tracked.Id };
            into.Add(new Decision(DecisionKind.ReinstatementCandidate, id, ["REINST-01"], Sorted(evidence),
                [$"Positive and outstanding since {tracked.Id} with no problem: {form}."],
                new Dictionary<string, object> { [DetailKeys.Form] = form, [DetailKeys.Measure] = tracked.Id }));
        }
    }

    /// <summary>Sorts decisions as REPORT-FORMAT.md requires: subject, kind, category, all ordinal.</summary>
    public static void Sort(List<Decision> decisions) => decisions.Sort(static (a, b) =>
    {
        int c = string.CompareOrdinal(a.Subject, b.Subject);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Kind.Name, b.Kind.Name);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Category, b.Category);
    });

    private static Decision Plain(DecisionKind kind, string subject, string rule, string[] evidence, string reason) =>
        new(kind, subject, [rule], evidence, [reason], NoDetails);

    private static string[] Sorted(List<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var array = ids.ToArray();
        Array.Sort(array, StringComparer.Ordinal);
        int n = 1;
        for (int i = 1; i < array.Length; i++)
        {
            if (!string.Equals(array[i], array[n - 1], StringComparison.Ordinal))
            {
                array[n++] = array[i];
            }
        }

        return n == array.Length ? array : array[..n];
    }
}
