using NRules.Fluent.Dsl;

namespace CadreRules.Rules;

/// <summary>
/// ASSESS-01 periodic screening (定期考察识别): every division-level team is screened twice a year.
/// A unit is division-level when it has a leadership cadre of rank DeputyDivision or Division.
/// </summary>
[Name("ASSESS-01"), Tag("考"), Priority(RulePriority.Facts)]
[Description("Every division-level leadership team gets a half-yearly ScheduledAssessment (MidYear for H1, YearEnd for H2).")]
public sealed class PeriodicScreeningRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        UnitRecord unit = null!;

        // One fact per unit with its cadres: the test is an alpha condition, and the unit sessions need
        // no cadre facts (UnitRecord).
        When()
            .Match(() => unit, u => Select.IsDivisionLevel(u));

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.ScheduledAssessment, unit.Id, Reasons.Screening(unit.Policy), null, Details.Screening(unit.Policy)));
    }
}

/// <summary>
/// ASSESS-02 special stationed inspection (专项进驻考察): a county, district or park whose
/// economic indicators decline year after year, whose key projects lag, or that the input marks
/// as under stationed inspection.
/// </summary>
[Name("ASSESS-02"), Tag("考"), Priority(RulePriority.Facts)]
[Description("A County, District or Park with a declining indicator, a lagging project, or underStationedInspection gets a SpecialInspection.")]
public sealed class SpecialInspectionRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PolicyContext policy = null!;
        Unit unit = null!;
        IReadOnlyList<string> declining = null!;
        IReadOnlyList<string> lagging = null!;

        When()
            .Match(() => policy)
            .Match(() => unit, u => u.Kind != UnitKind.Department)
            .Let(() => declining, () => PolicyFunctions.DecliningIndicators(unit, policy))
            .Let(() => lagging, () => PolicyFunctions.LaggingProjects(unit, policy))
            .Having(() => unit.UnderStationedInspection || declining.Count > 0 || lagging.Count > 0);

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.SpecialInspection, unit.Id, Reasons.Inspection(unit, declining, lagging), null, Details.Inspection(declining, lagging)));
    }
}

/// <summary>
/// ASSESS-03 prompt adjustment for work style (作风问题及时调整): in a unit under special
/// inspection, a leadership cadre with recent Verified Serious work-style evidence.
/// </summary>
[Name("ASSESS-03"), Tag("考"), Priority(RulePriority.Facts)]
[Description("A leadership cadre of a unit under SpecialInspection with recent Verified Serious work-style evidence gets an Adjustment.")]
public sealed class WorkStyleAdjustmentRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;
        Proposal inspection = null!;

        When()
            .Match(() => record, r => r.Cadre.Leadership, r => r.Has(EvidenceKind.WorkStyle), r => Select.HasSeriousWorkStyle(r))
            .Match(() => inspection, p => p.Kind == DecisionKind.SpecialInspection, p => p.Subject == record.Cadre.UnitId);

        Then()
            .Do(ctx => Propose(ctx, record));
    }

    private static void Propose(NRules.RuleModel.IContext ctx, CadreRecord record)
    {
        var serious = Select.SeriousWorkStyle(record, record.Policy);
        ctx.Propose(DecisionKind.Adjustment, record.Id, Reasons.WorkStyleAdjustment(serious), Ids.Of(serious), Details.Form(record.Policy.Options.AdjustmentForm));
    }
}
