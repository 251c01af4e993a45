using System.Globalization;
using NRules.RuleModel;

namespace CadreRules.Rules;

// Helpers the rule actions call. Kept out of the rule classes so that each rule's Define() reads
// like its paragraph in POLICY.md.

/// <summary>
/// The selections the cadre rules make from a <see cref="CadreRecord"/>, one named function per
/// POLICY.md phrase. They run for every cadre, so they loop without LINQ and allocate only when
/// something matches; and they are named functions because a lambda nested in an NRules condition
/// would be re-bound to a new delegate on every evaluation (System.Linq.Expressions emits
/// DynamicMethod.CreateDelegate for it), where the static lambdas here are cached once.
/// </summary>
internal static class Select
{
    /// <summary>ASSESS-03: recent Verified WorkStyle evidence of severity Serious.</summary>
    public static IReadOnlyList<WorkStyleEvidence> SeriousWorkStyle(CadreRecord record, PolicyContext policy) =>
        Pick(record.Evidence, policy, static (e, p) =>
            e is WorkStyleEvidence { Status: FindingStatus.Verified, Severity: Severity.Serious } w && p.IsRecent(w.Date) ? w : null);

    /// <summary>IDENT-02: Verified NegativeList evidence, at any date.</summary>
    public static IReadOnlyList<NegativeListEvidence> VerifiedNegativeList(CadreRecord record) =>
        Pick(record.Evidence, static e => e as NegativeListEvidence is { Status: FindingStatus.Verified } n ? n : null);

    /// <summary>IDENT-01: the findings that count (Verified at any date, EarlySign within the window), grouped by category.</summary>
    public static IReadOnlyList<IGrouping<NegativeListCategory, NegativeListEvidence>> NegativeListEntries(CadreRecord record, PolicyContext policy)
    {
        var findings = Pick(record.Evidence, policy, static (e, p) => e is NegativeListEvidence n
            && (n.Status == FindingStatus.Verified || (n.Status == FindingStatus.EarlySign && p.IsWithin(n.Date, p.EarlySignAfter))) ? n : null);
        return findings.Count == 0 ? [] : findings.GroupBy(e => e.Category).ToList();
    }

    /// <summary>IDENT-04: recent problem evidence from an oversight channel.</summary>
    public static IReadOnlyList<Evidence> OversightProblems(CadreRecord record, PolicyContext policy) =>
        Pick(record.Evidence, policy, static (e, p) => e.IsProblem && Channels.IsOversight(e.Channel) && p.IsRecent(e.Date) ? e : null);

    /// <summary>BOARD-02: recent Verified WorkStyle evidence and recent KeyTask evidence rated Poor or Failed.</summary>
    public static IReadOnlyList<Evidence> YellowBoardProblems(CadreRecord record, PolicyContext policy) =>
        Pick(record.Evidence, policy, static (e, p) => e.Kind is EvidenceKind.WorkStyle or EvidenceKind.KeyTask && e.IsProblem && p.IsRecent(e.Date) ? e : null);

    /// <summary>BOARD-02: grades BasicallyCompetent or Incompetent for a year ≥ asOf.Year − 1.</summary>
    public static IReadOnlyList<AnnualGrade> PoorRecentGrades(CadreRecord record, PolicyContext policy) =>
        Pick(record.Grades, policy, static (g, p) =>
            g.Year >= p.GradeYearFrom && g.Grade is AnnualGradeLevel.BasicallyCompetent or AnnualGradeLevel.Incompetent ? g : null);

    /// <summary>BOARD-01: recent KeyTask evidence rated Outstanding in a red-board task.</summary>
    public static IReadOnlyList<KeyTaskEvidence> OutstandingRedBoardTasks(CadreRecord record, PolicyContext policy) =>
        Pick(record.Evidence, policy, static (e, p) =>
            e is KeyTaskEvidence { Rating: KeyTaskRating.Outstanding } k && p.IsRedBoardTask(k.Task) && p.IsRecent(k.Date) ? k : null);

    /// <summary>MECH-03: Incompetent grades, any year.</summary>
    public static IReadOnlyList<AnnualGrade> IncompetentGrades(CadreRecord record) =>
        Pick(record.Grades, static g => g.Grade == AnnualGradeLevel.Incompetent ? g : null);

    /// <summary>
    /// IDENT-03: whether every negative-list entry has status EarlySign. A named function because
    /// a lambda nested in the rule's condition (<c>entries.All(e => …)</c>) would be bound to a new
    /// delegate through DynamicMethod.CreateDelegate on every evaluation.
    /// </summary>
    public static bool AllEarlySign(IEnumerable<Proposal> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Details[DetailKeys.Status] as string != nameof(FindingStatus.EarlySign))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>REINST-01: the measure a Tracking proposal names.</summary>
    public static Measure? Measure(CadreRecord record, string? id)
    {
        foreach (var m in record.Measures)
        {
            if (string.Equals(m.Id, id, StringComparison.Ordinal))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>REINST-01: evidence dated strictly after the tracked measure.</summary>
    public static IReadOnlyList<Evidence> EvidenceAfter(CadreRecord record, Measure tracked)
    {
        List<Evidence>? selected = null;
        foreach (var e in record.Evidence)
        {
            if (e.Date > tracked.Date)
            {
                (selected ??= []).Add(e);
            }
        }

        return selected is null ? [] : selected;
    }

    // Predicates the rules test as alpha conditions on the record alone. They run for every cadre
    // and decide whether a rule fires at all, so they only loop and never allocate; the matching
    // records are selected (allocating) only for the cadres that pass.

    /// <summary>
    /// ASSESS-01: whether the unit is division-level, that is, has a leadership cadre of rank
    /// DeputyDivision or Division.
    /// </summary>
    public static bool IsDivisionLevel(UnitRecord unit)
    {
        var cadres = unit.Cadres;
        for (int i = 0; i < cadres.Count; i++)
        {
            var c = cadres[i];
            if (c.Leadership && c.Rank is CadreRank.DeputyDivision or CadreRank.Division)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ASSESS-03: whether <see cref="SeriousWorkStyle"/> selects anything.</summary>
    public static bool HasSeriousWorkStyle(CadreRecord record)
    {
        var policy = record.Policy;
        var evidence = record.Evidence;
        for (int i = 0; i < evidence.Count; i++)
        {
            if (evidence[i] is WorkStyleEvidence { Status: FindingStatus.Verified, Severity: Severity.Serious } w && policy.IsRecent(w.Date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>IDENT-02: whether <see cref="VerifiedNegativeList"/> selects anything.</summary>
    public static bool HasVerifiedNegativeList(CadreRecord record)
    {
        var evidence = record.Evidence;
        for (int i = 0; i < evidence.Count; i++)
        {
            if (evidence[i] is NegativeListEvidence { Status: FindingStatus.Verified })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>IDENT-01: whether <see cref="NegativeListEntries"/> selects anything.</summary>
    public static bool HasNegativeListEntries(CadreRecord record)
    {
        var policy = record.Policy;
        var evidence = record.Evidence;
        for (int i = 0; i < evidence.Count; i++)
        {
            if (evidence[i] is NegativeListEvidence n
                && (n.Status == FindingStatus.Verified || (n.Status == FindingStatus.EarlySign && policy.IsWithin(n.Date, policy.EarlySignAfter))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>IDENT-04: whether <see cref="OversightProblems"/> come from at least JointConsultationMinChannels distinct channels.</summary>
    public static bool HasJointConsultation(CadreRecord record)
    {
        var policy = record.Policy;
        var evidence = record.Evidence;
        ulong channels = 0;
        for (int i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            if (e.IsProblem && Channels.IsOversight(e.Channel) && policy.IsRecent(e.Date))
            {
                channels |= 1UL << ((int)e.Channel & 63);
            }
        }

        return System.Numerics.BitOperations.PopCount(channels) >= policy.Options.JointConsultationMinChannels;
    }

    /// <summary>BOARD-02: whether <see cref="YellowBoardProblems"/> or <see cref="PoorRecentGrades"/> selects anything.</summary>
    public static bool IsYellow(CadreRecord record)
    {
        var policy = record.Policy;
        var evidence = record.Evidence;
        for (int i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            if (e.Kind is EvidenceKind.WorkStyle or EvidenceKind.KeyTask && e.IsProblem && policy.IsRecent(e.Date))
            {
                return true;
            }
        }

        var grades = record.Grades;
        for (int i = 0; i < grades.Count; i++)
        {
            if (grades[i].Year >= policy.GradeYearFrom && grades[i].Grade is AnnualGradeLevel.BasicallyCompetent or AnnualGradeLevel.Incompetent)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>BOARD-01: whether <see cref="OutstandingRedBoardTasks"/> selects anything.</summary>
    public static bool HasOutstandingRedBoardTask(CadreRecord record)
    {
        var policy = record.Policy;
        var evidence = record.Evidence;
        for (int i = 0; i < evidence.Count; i++)
        {
            if (evidence[i] is KeyTaskEvidence { Rating: KeyTaskRating.Outstanding } k && policy.IsRedBoardTask(k.Task) && policy.IsRecent(k.Date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MECH-03: whether an Incompetent grade is for a year ≥ asOf.Year − 1.</summary>
    public static bool HasRecentIncompetentGrade(CadreRecord record)
    {
        var policy = record.Policy;
        var grades = record.Grades;
        for (int i = 0; i < grades.Count; i++)
        {
            if (grades[i].Grade == AnnualGradeLevel.Incompetent && grades[i].Year >= policy.GradeYearFrom)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// MECH-02: whether <see cref="PolicyFunctions.Escalate"/> applies a step — an Admonishment,
    /// ReminderTalk or WrittenInquiry in the escalation window, or a yellow board in the previous
    /// period. It depends on the record alone, not on the yellow-board proposal.
    /// </summary>
    public static bool CanEscalate(CadreRecord record)
    {
        var policy = record.Policy;
        var measures = record.Measures;
        for (int i = 0; i < measures.Count; i++)
        {
            var m = measures[i];
            if (m.Kind is MeasureKind.Admonishment or MeasureKind.ReminderTalk or MeasureKind.WrittenInquiry
                && policy.IsWithin(m.Date, policy.EscalationAfter))
            {
                return true;
            }
        }

        var history = record.BoardHistory;
        for (int i = 0; i < history.Count; i++)
        {
            if (history[i].Board == Board.Yellow && history[i].Period == policy.PreviousPeriod)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MECH-05: whether <see cref="PolicyFunctions.Track"/> returns a state.</summary>
    public static bool IsTracked(CadreRecord record)
    {
        var policy = record.Policy;
        var measures = record.Measures;
        Measure? tracked = null;
        for (int i = 0; i < measures.Count; i++)
        {
            var m = measures[i];
            if (m.IsAdjustment && policy.IsWithin(m.Date, policy.TrackingAfter)
                && (tracked is null || m.Date > tracked.Date || (m.Date == tracked.Date && string.CompareOrdinal(m.Id, tracked.Id) > 0)))
            {
                tracked = m;
            }
        }

        if (tracked is null)
        {
            return false;
        }

        for (int i = 0; i < measures.Count; i++)
        {
            if (measures[i].IsOutcome && measures[i].Date > tracked.Date)
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyList<TResult> Pick<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult?> pick)
        where TResult : class => Pick(items, pick, static (item, p) => p(item));

    /// <summary>The items <paramref name="pick"/> returns (cast or filtered), or an empty list without allocating.</summary>
    private static IReadOnlyList<TResult> Pick<TSource, TState, TResult>(IReadOnlyList<TSource> items, TState state, Func<TSource, TState, TResult?> pick)
        where TResult : class
    {
        List<TResult>? selected = null;
        for (int i = 0; i < items.Count; i++)
        {
            if (pick(items[i], state) is { } item)
            {
                (selected ??= []).Add(item);
            }
        }

        return selected is null ? [] : selected;
    }
}

internal static class Ids
{
    public static IEnumerable<string> Of(IEnumerable<Evidence> evidence) => evidence.Select(e => e.Id);

    public static IEnumerable<string> Of(IEnumerable<Measure> measures) => measures.Select(m => m.Id);

    public static IEnumerable<string> Of(IEnumerable<Proposal> proposals) => proposals.SelectMany(p => p.Evidence);
}

internal static class Channels
{
    public static bool IsOversight(EvidenceChannel channel) => channel is EvidenceChannel.Supervision or EvidenceChannel.Inspection
        or EvidenceChannel.Audit or EvidenceChannel.KeyTaskReview or EvidenceChannel.StationedInspection;

    public static IReadOnlyList<string> Distinct(IEnumerable<Evidence> evidence)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in evidence)
        {
            names.Add(e.Channel.ToString());
        }

        return [.. names];
    }
}

internal static class Details
{
    public static IReadOnlyDictionary<string, object> Screening(PolicyContext policy) => new Dictionary<string, object>
    {
        [DetailKeys.Assessment] = policy.Period.Half == PeriodHalf.H1 ? "MidYear" : "YearEnd",
    };

    public static IReadOnlyDictionary<string, object> Inspection(IReadOnlyList<string> indicators, IReadOnlyList<string> projects) =>
        new Dictionary<string, object> { [DetailKeys.Indicators] = indicators, [DetailKeys.Projects] = projects };

    public static IReadOnlyDictionary<string, object> Form(MeasureKind form) => new Dictionary<string, object>
    {
        [DetailKeys.Form] = form.ToString(),
    };

    public static IReadOnlyDictionary<string, object> NegativeList(IGrouping<NegativeListCategory, NegativeListEvidence> findings) => new Dictionary<string, object>
    {
        [DetailKeys.Category] = findings.Key.ToString(),
        [DetailKeys.Status] = (findings.Any(f => f.Status == FindingStatus.Verified) ? FindingStatus.Verified : FindingStatus.EarlySign).ToString(),
    };

    public static IReadOnlyDictionary<string, object> Channels(IReadOnlyList<string> channels) => new Dictionary<string, object>
    {
        [DetailKeys.Channels] = channels,
    };

    public static IReadOnlyDictionary<string, object> Tracking(TrackingState state) => new Dictionary<string, object>
    {
        [DetailKeys.Measure] = state.Measure.Id,
        [DetailKeys.Status] = state.InInfluencePeriod ? "InInfluencePeriod" : "PeriodElapsed",
        [DetailKeys.LeadershipEligibleFrom] = state.LeadershipEligibleFrom,
        [DetailKeys.PromotionEligibleFrom] = state.PromotionEligibleFrom,
    };

    public static IReadOnlyDictionary<string, object> Reinstatement(MeasureKind form, Measure tracked) => new Dictionary<string, object>
    {
        [DetailKeys.Form] = form.ToString(),
        [DetailKeys.Measure] = tracked.Id,
    };
}

internal static class GradeConsequences
{
    public static void Propose(IContext ctx, Cadre cadre, IEnumerable<AnnualGrade> incompetent, PolicyContext policy)
    {
        var years = incompetent.Select(g => g.Year).ToHashSet();
        int latest = years.Max();
        ctx.Propose(DecisionKind.Demotion, cadre.Id, string.Create(CultureInfo.InvariantCulture,
            $"Annual grade Incompetent (不称职) for {latest}, within the last two years: demotion under 公务员法 Art. 50."));

        int? consecutive = years.Where(y => y >= policy.GradeYearFrom && years.Contains(y - 1)).Select(y => (int?)y).Max();
        if (consecutive is { } later)
        {
            ctx.Propose(DecisionKind.Dismissal, cadre.Id, string.Create(CultureInfo.InvariantCulture,
                $"Annual grade Incompetent in two consecutive years ({later - 1} and {later}): dismissal under 公务员法 Art. 88."));
        }
    }
}

internal static class PromotionOutcome
{
    public static void Propose(IContext ctx, Cadre cadre, Proposal red, IEnumerable<Measure> measures, DateOnly? blockEnd, PolicyContext policy)
    {
        if (blockEnd is { } end && policy.AsOf < end)
        {
            var blocking = policy.ActivePromotionBlocks(measures);
            string because = string.Join("; ", blocking.OrderBy(b => b.Measure.Date).ThenBy(b => b.Measure.Id, StringComparer.Ordinal)
                .Select(b => Reasons.PromotionBlock(b.Measure, b.Until)));
            ctx.Propose(DecisionKind.PromotionBlocked, cadre.Id,
                $"On the red board, but an influence period (影响期) is active: {because}; eligible from {PolicyFunctions.Format(end)}.",
                blocking.Select(b => b.Measure.Id),
                new Dictionary<string, object> { [DetailKeys.EligibleFrom] = end });
        }
        else
        {
            ctx.Propose(DecisionKind.PromotionCandidate, cadre.Id,
                "On the red board with no active influence period: candidate for promotion or rank advance (提拔重用或晋升职级).",
                red.Evidence);
        }
    }
}

internal static class Reinstatement
{
    public static bool Qualifies(IEnumerable<Evidence> since, PolicyContext policy)
    {
        bool positive = false, outstanding = false;
        foreach (var e in since)
        {
            if (e.IsProblem)
            {
                return false;
            }

            positive |= e is AttitudeEvidence { Attitude: AttitudeRating.Positive };
            outstanding |= e is KeyTaskEvidence { Rating: KeyTaskRating.Outstanding } task && policy.IsRedBoardTask(task.Task);
        }

        return positive && outstanding;
    }

    public static IEnumerable<Evidence> Supporting(IEnumerable<Evidence> since, PolicyContext policy) => since.Where(e =>
        e is AttitudeEvidence { Attitude: AttitudeRating.Positive }
        || (e is KeyTaskEvidence { Rating: KeyTaskRating.Outstanding } task && policy.IsRedBoardTask(task.Task)));

    public static TrackingState StateOf(Proposal tracking, Measure tracked, PolicyContext policy)
    {
        var promotionFrom = (DateOnly)tracking.Details[DetailKeys.PromotionEligibleFrom];
        var leadershipFrom = (DateOnly)tracking.Details[DetailKeys.LeadershipEligibleFrom];
        return new TrackingState(tracked, promotionFrom, leadershipFrom, policy.AsOf < promotionFrom);
    }
}

internal static class Reasons
{
    private static string D(DateOnly date) => PolicyFunctions.Format(date);

    private static string List<T>(IEnumerable<T> items, Func<T, string> describe) => string.Join(", ", items.Select(describe).Order(StringComparer.Ordinal));

    public static string PromotionBlock(Measure measure, DateOnly until) =>
        $"{measure.Kind} {measure.Id} of {D(measure.Date)} blocks promotion until {D(until)}";

    public static string Screening(PolicyContext policy) =>
        $"Division-level leadership team: {(policy.Period.Half == PeriodHalf.H1 ? "mid-year (年中)" : "year-end (年底)")} screening for {policy.Period} by interviews and field visits.";

    public static string Inspection(Unit unit, IReadOnlyList<string> declining, IReadOnlyList<string> lagging)
    {
        var parts = new List<string>();
        if (declining.Count > 0)
        {
            parts.Add($"indicators declining year after year ({string.Join(", ", declining)})");
        }

        if (lagging.Count > 0)
        {
            parts.Add($"key projects lagging ({string.Join(", ", lagging)})");
        }

        if (unit.UnderStationedInspection)
        {
            parts.Add("marked as under stationed inspection");
        }

        return $"Special stationed inspection, led by the head of the organization department: {string.Join("; ", parts)}.";
    }

    public static string WorkStyleAdjustment(IEnumerable<WorkStyleEvidence> serious) =>
        $"Verified serious work-style problem ({List(serious, e => $"{e.WorkStyle}, {e.Id} of {D(e.Date)}")}) in a unit under special inspection.";

    public static string NegativeList(IGrouping<NegativeListCategory, NegativeListEvidence> findings) =>
        $"Political negative list, {findings.Key}: {List(findings, e => $"{e.Status} {e.Id} of {D(e.Date)} via {e.Channel}")}.";

    public static string Exclusion(IEnumerable<NegativeListEvidence> verified) =>
        $"Verified negative-list finding ({List(verified, e => $"{e.Category}, {e.Id}")}): excluded from selection and appointment.";

    public static string EarlySignReminder(IEnumerable<Proposal> entries) =>
        $"Early sign on the negative list ({List(entries, e => e.Category ?? string.Empty)}) and nothing verified: reminder talk (提醒谈话).";

    public static string JointConsultation(IReadOnlyList<string> channels) =>
        $"Recent problem evidence from {channels.Count} oversight channels ({string.Join(", ", channels)}): joint consultation.";

    public static string YellowBoard(IEnumerable<Evidence> problems, IEnumerable<AnnualGrade> grades)
    {
        var parts = new List<string>();
        foreach (var e in problems.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            parts.Add(e switch
            {
                WorkStyleEvidence w => $"verified {w.Severity.ToString().ToLowerInvariant()} work-style problem {w.WorkStyle} ({w.Id}, {D(w.Date)})",
                KeyTaskEvidence k => $"key task {k.Task} rated {k.Rating} ({k.Id}, {D(k.Date)})",
                _ => e.Id,
            });
        }

        foreach (var g in grades.OrderBy(g => g.Year))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"annual grade {g.Grade} for {g.Year}"));
        }

        return $"Yellow board (黄榜): {string.Join("; ", parts)}.";
    }

    public static string RedBoard(IEnumerable<KeyTaskEvidence> outstanding) =>
        $"Red board (红榜): outstanding in {List(outstanding, e => $"{e.Task} ({e.Id}, {D(e.Date)})")}; not on the yellow board, no negative-list entry, not excluded.";

    public static string Reminder() =>
        "On the yellow board with no earlier reminder, admonishment or yellow board calling for escalation: reminder talk and improvement (提醒改进).";

    public static string Escalation(EscalationStep step, PolicyContext policy)
    {
        string window = $"the {policy.Options.EscalationWindowMonths} months after {D(policy.EscalationAfter)}";
        if (step.Kind == DecisionKind.Adjustment)
        {
            return $"On the yellow board again after admonishment ({List(step.Measures, m => $"{m.Id} of {D(m.Date)}")}) within {window}: adjustment ({policy.Options.AdjustmentForm}).";
        }

        var causes = new List<string>();
        if (step.Measures.Count > 0)
        {
            causes.Add($"earlier {List(step.Measures, m => $"{m.Kind} {m.Id} of {D(m.Date)}")} within {window}");
        }

        if (step.YellowBefore)
        {
            causes.Add($"yellow board in {policy.PreviousPeriod}");
        }

        return $"On the yellow board after {string.Join(" and ", causes)}, with no admonishment in the window: admonishment (诫勉).";
    }

    public static string Tracking(TrackingState state) =>
        $"Adjusted by {state.Measure.Kind} {state.Measure.Id} on {D(state.Measure.Date)} and not since promoted or reappointed: tracked; " +
        $"leadership post possible from {D(state.LeadershipEligibleFrom)}, promotion from {D(state.PromotionEligibleFrom)}" +
        (state.InInfluencePeriod ? " (influence period still running)." : " (influence period elapsed).");

    public static string Reinstated(MeasureKind form, Measure tracked, IEnumerable<Evidence> since, PolicyContext policy) =>
        $"Since {tracked.Kind} {tracked.Id} of {D(tracked.Date)}: {List(Reinstatement.Supporting(since, policy), e => e.Id)} " +
        $"show positive attitude and outstanding work with no problem recorded; proposed {(form == MeasureKind.Promotion ? "promotion" : "reappointment")} (重新任职或提拔使用).";
}
