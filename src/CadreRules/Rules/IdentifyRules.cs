using NRules.Fluent.Dsl;

namespace CadreRules.Rules;

/// <summary>
/// IDENT-01 political negative list (政治负面清单): one entry per cadre and category with a
/// Verified finding (any date) or an EarlySign finding within EarlySignWindowMonths.
/// </summary>
[Name("IDENT-01"), Tag("识"), Priority(RulePriority.Facts)]
[Description("One NegativeListEntry per cadre and category with Verified (any date) or recent EarlySign evidence; status is the strongest.")]
public sealed class NegativeListRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;

        When()
            .Match(() => record, r => r.Has(EvidenceKind.NegativeList), r => Select.HasNegativeListEntries(r));

        // One entry per category (POLICY.md, "Decision kinds").
        Then()
            .Do(ctx => ProposeEach(ctx, record));
    }

    private static void ProposeEach(NRules.RuleModel.IContext ctx, CadreRecord record)
    {
        foreach (var findings in Select.NegativeListEntries(record, record.Policy))
        {
            ctx.Propose(DecisionKind.NegativeListEntry, record.Id, Reasons.NegativeList(findings), Ids.Of(findings), Details.NegativeList(findings));
        }
    }
}

/// <summary>
/// IDENT-02 exclusion (把“两面人”排除在外): a cadre with any Verified negative-list finding is
/// excluded from selection and appointment.
/// </summary>
[Name("IDENT-02"), Tag("识"), Priority(RulePriority.Facts)]
[Description("A cadre with any Verified negative-list evidence gets Exclusion, which keeps them off the red board, promotion and reinstatement.")]
public sealed class ExclusionRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;

        When()
            .Match(() => record, r => r.Has(EvidenceKind.NegativeList), r => Select.HasVerifiedNegativeList(r));

        Then()
            .Do(ctx => Propose(ctx, record));
    }

    private static void Propose(NRules.RuleModel.IContext ctx, CadreRecord record)
    {
        var verified = Select.VerifiedNegativeList(record);
        ctx.Propose(DecisionKind.Exclusion, record.Id, Reasons.Exclusion(verified), Ids.Of(verified), null);
    }
}

/// <summary>
/// IDENT-03 early-sign reminder (苗头性问题提醒): a cadre whose negative-list entries are all
/// EarlySign gets a reminder talk.
/// </summary>
[Name("IDENT-03"), Tag("识"), Priority(RulePriority.Derived)]
[Description("A cadre with an EarlySign negative-list entry and no Verified one gets a ReminderTalk.")]
public sealed class EarlySignReminderRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;
        IEnumerable<Proposal> entries = null!;

        When()
            .Match(() => record, r => r.Has(EvidenceKind.NegativeList))
            .Query(() => entries, q => q
                .Match<Proposal>(p => p.Kind == DecisionKind.NegativeListEntry, p => p.Subject == record.Cadre.Id)
                .Collect()
                .Where(x => x.Any()))
            .Having(() => Select.AllEarlySign(entries));

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.ReminderTalk, record.Id, Reasons.EarlySignReminder(entries), Ids.Of(entries), null));
    }
}

/// <summary>
/// IDENT-04 joint consultation (联合会商分析研判): recent problem evidence from at least
/// JointConsultationMinChannels distinct oversight channels.
/// </summary>
[Name("IDENT-04"), Tag("识"), Priority(RulePriority.Facts)]
[Description("A cadre with recent problem evidence from at least JointConsultationMinChannels oversight channels gets JointConsultation.")]
public sealed class JointConsultationRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        CadreRecord record = null!;

        When()
            .Match(() => record, r => Select.HasJointConsultation(r));

        Then()
            .Do(ctx => Propose(ctx, record));
    }

    private static void Propose(NRules.RuleModel.IContext ctx, CadreRecord record)
    {
        var problems = Select.OversightProblems(record, record.Policy);
        var channels = Channels.Distinct(problems);
        ctx.Propose(DecisionKind.JointConsultation, record.Id, Reasons.JointConsultation(channels), Ids.Of(problems), Details.Channels(channels));
    }
}
