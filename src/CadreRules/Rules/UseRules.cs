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
        PolicyContext policy = null!;
        Cadre cadre = null!;
        IEnumerable<Evidence> problems = null!;
        IEnumerable<AnnualGrade> grades = null!;

        When()
            .Match(() => policy)
            .Match(() => cadre)
            .Query(() => problems, q => q
                .Match<Evidence>(
                    e => e.CadreId == cadre.Id,
                    e => e.Kind == EvidenceKind.WorkStyle || e.Kind == EvidenceKind.KeyTask,
                    e => e.IsProblem,
                    e => policy.IsRecent(e.Date))
                .Collect())
            .Query(() => grades, q => q
                .Match<AnnualGrade>(
                    g => g.CadreId == cadre.Id,
                    g => g.Year >= policy.GradeYearFrom,
                    g => g.Grade == AnnualGradeLevel.BasicallyCompetent || g.Grade == AnnualGradeLevel.Incompetent)
                .Collect())
            .Having(() => problems.Any() || grades.Any());

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.YellowBoard, cadre.Id, Reasons.YellowBoard(problems, grades), Ids.Of(problems), null));
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
        PolicyContext policy = null!;
        Cadre cadre = null!;
        IEnumerable<KeyTaskEvidence> outstanding = null!;

        When()
            .Match(() => policy)
            .Match(() => cadre)
            .Query(() => outstanding, q => q
                .Match<KeyTaskEvidence>(
                    e => e.CadreId == cadre.Id,
                    e => e.Rating == KeyTaskRating.Outstanding,
                    e => policy.IsRedBoardTask(e.Task),
                    e => policy.IsRecent(e.Date))
                .Collect()
                .Where(x => x.Any()))
            .Not<Proposal>(p => p.Subject == cadre.Id,
                p => p.Kind == DecisionKind.YellowBoard || p.Kind == DecisionKind.NegativeListEntry || p.Kind == DecisionKind.Exclusion);

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.RedBoard, cadre.Id, Reasons.RedBoard(outstanding), Ids.Of(outstanding), null));
    }
}

/// <summary>
/// MECH-01 reminder and improvement (提醒改进): a yellow-board cadre for whom MECH-02 proposes
/// nothing gets a reminder talk.
/// </summary>
[Name("MECH-01"), Tag("用"), Priority(RulePriority.Consequences)]
[Description("A YellowBoard cadre for whom MECH-02 proposes nothing gets a ReminderTalk.")]
public sealed class ReminderRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        Cadre cadre = null!;
        Proposal yellow = null!;

        When()
            .Match(() => cadre)
            .Match(() => yellow, p => p.Kind == DecisionKind.YellowBoard, p => p.Subject == cadre.Id)
            .Not<Proposal>(p => p.Subject == cadre.Id, p => p.RuleId == EscalationRule.Id);

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.ReminderTalk, cadre.Id, Reasons.Reminder(), yellow.Evidence, null));
    }
}

/// <summary>
/// MECH-02 escalation (提醒 → 诫勉 → 调整): for a yellow-board cadre, an Admonishment in the
/// escalation window leads to Adjustment; otherwise a ReminderTalk or WrittenInquiry in the window,
/// or a yellow board in the period immediately before, leads to Admonishment. Only the highest step.
/// </summary>
[Name(Id), Tag("用"), Priority(RulePriority.Derived)]
[Description("A YellowBoard cadre with an earlier Admonishment gets Adjustment; with an earlier reminder or a yellow board last period, Admonishment.")]
public sealed class EscalationRule : Rule
{
    /// <summary>The rule id.</summary>
    public const string Id = "MECH-02";

    /// <inheritdoc />
    public override void Define()
    {
        PolicyContext policy = null!;
        Cadre cadre = null!;
        Proposal yellow = null!;
        IEnumerable<Measure> measures = null!;
        IEnumerable<BoardPlacement> history = null!;
        EscalationStep step = null!;

        When()
            .Match(() => policy)
            .Match(() => cadre)
            .Match(() => yellow, p => p.Kind == DecisionKind.YellowBoard, p => p.Subject == cadre.Id)
            .Query(() => measures, q => q.Match<Measure>(m => m.CadreId == cadre.Id).Collect())
            .Query(() => history, q => q.Match<BoardPlacement>(b => b.CadreId == cadre.Id).Collect())
            .Let(() => step, () => PolicyFunctions.Escalate(measures, history, policy))
            .Having(() => step.Applies);

        Then()
            .Do(ctx => ctx.Propose(step.Kind, cadre.Id, Reasons.Escalation(step, policy), Ids.Of(step.Measures),
                step.Kind == DecisionKind.Adjustment ? Details.Form(policy.Options.AdjustmentForm) : null));
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
        PolicyContext policy = null!;
        Cadre cadre = null!;
        IEnumerable<AnnualGrade> incompetent = null!;

        When()
            .Match(() => policy)
            .Match(() => cadre)
            .Query(() => incompetent, q => q
                .Match<AnnualGrade>(g => g.CadreId == cadre.Id, g => g.Grade == AnnualGradeLevel.Incompetent)
                .Collect()
                .Where(x => x.Any(g => g.Year >= policy.GradeYearFrom)));

        Then()
            .Do(ctx => GradeConsequences.Propose(ctx, cadre, incompetent, policy));
    }
}

/// <summary>
/// MECH-04 up (能上): a red-board cadre with no active promotion block is a promotion candidate;
/// one with an active block is blocked until it ends.
/// </summary>
[Name("MECH-04"), Tag("用"), Priority(RulePriority.Consequences)]
[Description("A RedBoard cadre becomes PromotionCandidate, or PromotionBlocked with eligibleFrom while an influence period is active.")]
public sealed class PromotionRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PolicyContext policy = null!;
        Cadre cadre = null!;
        Proposal red = null!;
        IEnumerable<Measure> measures = null!;
        DateOnly? blockEnd = null;

        When()
            .Match(() => policy)
            .Match(() => cadre)
            .Match(() => red, p => p.Kind == DecisionKind.RedBoard, p => p.Subject == cadre.Id)
            .Not<Proposal>(p => p.Kind == DecisionKind.Exclusion, p => p.Subject == cadre.Id)
            .Query(() => measures, q => q.Match<Measure>(m => m.CadreId == cadre.Id).Collect())
            .Let(() => blockEnd, () => policy.PromotionBlockEnd(measures));

        Then()
            .Do(ctx => PromotionOutcome.Propose(ctx, cadre, red, measures, blockEnd, policy));
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
        PolicyContext policy = null!;
        Cadre cadre = null!;
        IEnumerable<Measure> measures = null!;
        TrackingState? state = null;

        When()
            .Match(() => policy)
            .Match(() => cadre)
            .Query(() => measures, q => q
                .Match<Measure>(m => m.CadreId == cadre.Id)
                .Collect()
                .Where(x => x.Any(m => m.IsAdjustment)))
            .Let(() => state, () => PolicyFunctions.Track(measures.ToList(), policy))
            .Having(() => state != null);

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.Tracking, cadre.Id, Reasons.Tracking(state!), new[] { state!.Measure.Id }, Details.Tracking(state!)));
    }
}

/// <summary>
/// REINST-01 reinstatement (重新任职或提拔使用): a tracked, non-excluded cadre with, strictly after
/// the tracked measure, positive attitude, an Outstanding red-board key task and no problem evidence.
/// </summary>
[Name("REINST-01"), Tag("用"), Priority(RulePriority.Derived)]
[Description("A tracked cadre with positive attitude, outstanding red-board work and no problems since the measure becomes ReinstatementCandidate once eligible.")]
public sealed class ReinstatementRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PolicyContext policy = null!;
        Cadre cadre = null!;
        Proposal tracking = null!;
        Measure tracked = null!;
        IEnumerable<Evidence> since = null!;
        TrackingState? state = null;
        MeasureKind? form = null;

        When()
            .Match(() => policy)
            .Match(() => cadre)
            .Match(() => tracking, p => p.Kind == DecisionKind.Tracking, p => p.Subject == cadre.Id)
            .Match(() => tracked, m => m.CadreId == cadre.Id, m => m.Id == tracking.GetDetail(DetailKeys.Measure))
            .Not<Proposal>(p => p.Kind == DecisionKind.Exclusion, p => p.Subject == cadre.Id)
            .Query(() => since, q => q
                .Match<Evidence>(e => e.CadreId == cadre.Id, e => e.Date > tracked.Date)
                .Collect()
                .Where(x => Reinstatement.Qualifies(x, policy)))
            .Let(() => state, () => Reinstatement.StateOf(tracking, tracked, policy))
            .Let(() => form, () => PolicyFunctions.ReinstatementForm(state!, policy))
            .Having(() => form != null);

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.ReinstatementCandidate, cadre.Id, Reasons.Reinstated(form!.Value, tracked, since, policy),
                Ids.Of(Reinstatement.Supporting(since, policy)).Append(tracked.Id), Details.Reinstatement(form!.Value, tracked)));
    }
}
