using NRules.Fluent.Dsl;

namespace CadreRules.Rules;

/// <summary>
/// BOARD-02 yellow board (黄榜: 不担当不作为、工作不在状态): recent Verified work-style evidence,
/// a recent key task rated Poor or Failed, or a BasicallyCompetent / Incompetent grade for a year
/// ≥ asOf.Year − 1.
/// </summary>
[Name("BOARD-02"), Tag("用"), Priority(RulePriority.Facts)]
[Description("Recent Verified work-style evidence, a recent Poor/Failed key task, or a recent BasicallyCompetent/Incompetent grade puts a cadre on the YellowBoard.")]
public sealed class YellowBoardRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;

        // The condition decides; the action selects what it cites (a Let per selection would add a
        // binding node, a tuple and a memory entry per matching cadre).
        When()
            .Match(() => record, r => Select.IsYellow(r));

        Then()
            .Do(ctx => Propose(ctx, record));
    }

    private static void Propose(NRules.RuleModel.IContext ctx, CadreRecord record)
    {
        var problems = Select.YellowBoardProblems(record, record.Policy);
        var grades = Select.PoorRecentGrades(record, record.Policy);
        ctx.Propose(DecisionKind.YellowBoard, record.Id, Reasons.YellowBoard(problems, grades), Ids.Of(problems), null);
    }
}

/// <summary>
/// BOARD-01 red board (红榜): a recent Outstanding rating in a red-board task, for a cadre who
/// is not on the yellow board and has no negative-list entry and no exclusion.
/// </summary>
[Name("BOARD-01"), Tag("用"), Priority(RulePriority.Derived)]
[Description("A recent Outstanding red-board key task puts a cadre on the RedBoard unless yellow-boarded, negative-listed or excluded.")]
public sealed class RedBoardRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;

        When()
            .Match(() => record, r => r.Has(EvidenceKind.KeyTask), r => Select.HasOutstandingRedBoardTask(r))
            .Not<Proposal>(p => p.Subject == record.Cadre.Id,
                p => p.Kind == DecisionKind.YellowBoard || p.Kind == DecisionKind.NegativeListEntry || p.Kind == DecisionKind.Exclusion);

        Then()
            .Do(ctx => Propose(ctx, record));
    }

    private static void Propose(NRules.RuleModel.IContext ctx, CadreRecord record)
    {
        var outstanding = Select.OutstandingRedBoardTasks(record, record.Policy);
        ctx.Propose(DecisionKind.RedBoard, record.Id, Reasons.RedBoard(outstanding), Ids.Of(outstanding), null);
    }
}

/// <summary>
/// MECH-01 reminder and improvement (提醒改进): a yellow-board cadre for whom MECH-02 proposes
/// nothing gets a reminder talk.
/// </summary>
[CadreSessionOnly]
[Name("MECH-01"), Tag("用"), Priority(RulePriority.Consequences)]
[Description("A YellowBoard cadre for whom MECH-02 proposes nothing gets a ReminderTalk.")]
public sealed class ReminderRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        Proposal yellow = null!;

        // The yellow board of a cadre of this session (Record: the cadre's record, found without a join).
        When()
            .Match(() => yellow, p => p.Kind == DecisionKind.YellowBoard, p => p.Record != null)
            .Not<Proposal>(p => p.Subject == yellow.Subject, p => p.RuleId == EscalationRule.Id);

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.ReminderTalk, yellow.Subject, Reasons.Reminder(), yellow.Evidence, null));
    }
}

/// <summary>
/// MECH-02 escalation (提醒 → 诫勉 → 调整): for a yellow-board cadre, an Admonishment in the
/// escalation window leads to Adjustment; otherwise a ReminderTalk or WrittenInquiry in the window,
/// or a yellow board in the period immediately before, leads to Admonishment. Only the highest step.
/// </summary>
[CadreSessionOnly]
[Name(Id), Tag("用"), Priority(RulePriority.Derived)]
[Description("A YellowBoard cadre with an earlier Admonishment gets Adjustment; with an earlier reminder or a yellow board last period, Admonishment.")]
public sealed class EscalationRule : Rule
{
    /// <summary>The rule id.</summary>
    public const string Id = "MECH-02";

    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;
        Proposal yellow = null!;
        EscalationStep step = null!;

        // Whether a step applies depends on the cadre's record alone: an alpha condition on the proposal.
        When()
            .Match(() => yellow, p => p.Kind == DecisionKind.YellowBoard, p => p.Record != null && Select.CanEscalate(p.Record))
            .Let(() => record, () => yellow.Record!)
            .Let(() => step, () => PolicyFunctions.Escalate(record.Measures, record.BoardHistory, record.Policy));

        Then()
            .Do(ctx => ctx.Propose(step.Kind, record.Id, Reasons.Escalation(step, record.Policy), Ids.Of(step.Measures),
                step.Kind == DecisionKind.Adjustment ? Details.Form(record.Policy.Options.AdjustmentForm) : null));
    }
}

/// <summary>
/// MECH-03 grade consequences: Incompetent for a year ≥ asOf.Year − 1 → Demotion (公务员法 Art. 50);
/// Incompetent in two consecutive years, the later ≥ asOf.Year − 1 → Dismissal (公务员法 Art. 88).
/// </summary>
[Name("MECH-03"), Tag("用"), Priority(RulePriority.Facts)]
[Description("A recent Incompetent grade proposes Demotion; Incompetent two consecutive years, the later recent, also Dismissal.")]
public sealed class GradeConsequenceRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;

        When()
            .Match(() => record, r => r.Grades.Count > 0, r => Select.HasRecentIncompetentGrade(r));

        Then()
            .Do(ctx => GradeConsequences.Propose(ctx, record.Cadre, Select.IncompetentGrades(record), record.Policy));
    }
}

/// <summary>
/// MECH-04 up (能上): a red-board cadre with no active promotion block is a promotion candidate;
/// one with an active block is blocked until it ends.
/// </summary>
[CadreSessionOnly]
[Name("MECH-04"), Tag("用"), Priority(RulePriority.Consequences)]
[Description("A RedBoard cadre becomes PromotionCandidate, or PromotionBlocked with eligibleFrom while an influence period is active.")]
public sealed class PromotionRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;
        Proposal red = null!;
        DateOnly? blockEnd = null;

        When()
            .Match(() => red, p => p.Kind == DecisionKind.RedBoard, p => p.Record != null)
            .Not<Proposal>(p => p.Kind == DecisionKind.Exclusion, p => p.Subject == red.Subject)
            .Let(() => record, () => red.Record!)
            .Let(() => blockEnd, () => record.Policy.PromotionBlockEnd(record.Measures));

        Then()
            .Do(ctx => PromotionOutcome.Propose(ctx, record.Cadre, red, record.Measures, blockEnd, record.Policy));
    }
}

/// <summary>
/// MECH-05 tracking (跟踪管理): a cadre with an adjustment-type measure within the tracking horizon
/// and no later Promotion, RankAdvance or Reappointment.
/// </summary>
[Name("MECH-05"), Tag("用"), Priority(RulePriority.Facts)]
[Description("A cadre adjusted within TrackingHorizonMonths and not since promoted or reappointed gets Tracking with eligibility dates.")]
public sealed class TrackingRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;
        TrackingState? state = null;

        When()
            .Match(() => record, r => r.Measures.Count > 0, r => Select.IsTracked(r))
            .Let(() => state, () => PolicyFunctions.Track(record.Measures, record.Policy))
            .Having(() => state != null);

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.Tracking, record.Id, Reasons.Tracking(state!), new[] { state!.Measure.Id }, Details.Tracking(state!)));
    }
}

/// <summary>
/// REINST-01 reinstatement (重新任职或提拔使用): a tracked, non-excluded cadre with, strictly after
/// the tracked measure, positive attitude, an Outstanding red-board key task and no problem evidence.
/// </summary>
[CadreSessionOnly]
[Name("REINST-01"), Tag("用"), Priority(RulePriority.Derived)]
[Description("A tracked cadre with positive attitude, outstanding red-board work and no problems since the measure becomes ReinstatementCandidate once eligible.")]
public sealed class ReinstatementRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;
        Proposal tracking = null!;
        Measure? tracked = null;
        IReadOnlyList<Evidence> since = null!;
        TrackingState? state = null;
        MeasureKind? form = null;

        // The tracking of a cadre of this session with measures (a named measure needs a measure).
        When()
            .Match(() => tracking, p => p.Kind == DecisionKind.Tracking, p => p.Record != null && p.Record.Measures.Count > 0)
            .Not<Proposal>(p => p.Kind == DecisionKind.Exclusion, p => p.Subject == tracking.Subject)
            .Let(() => record, () => tracking.Record!)
            .Let(() => tracked, () => Select.Measure(record, tracking.GetDetail(DetailKeys.Measure)))
            .Having(() => tracked != null)
            .Let(() => since, () => Select.EvidenceAfter(record, tracked!))
            .Having(() => Reinstatement.Qualifies(since, record.Policy))
            .Let(() => state, () => Reinstatement.StateOf(tracking, tracked!, record.Policy))
            .Let(() => form, () => PolicyFunctions.ReinstatementForm(state!, record.Policy))
            .Having(() => form != null);

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.ReinstatementCandidate, record.Id, Reasons.Reinstated(form!.Value, tracked!, since, record.Policy),
                Ids.Of(Reinstatement.Supporting(since, record.Policy)).Append(tracked!.Id), Details.Reinstatement(form!.Value, tracked!)));
    }
}
